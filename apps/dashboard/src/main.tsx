// Entry of the dashboard SPA: styles, then the app mounted into #app.
import { render } from 'preact';
import './styles/base.css';
import './styles/layout.css';
import './styles/components.css';
import './styles/charts.css';
import './styles/views.css';
import { App } from './app';

render(<App />, document.getElementById('app')!);
