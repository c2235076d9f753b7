// placeholder
import type { ViewProps } from './site-layout';
export function JourneyEditorView(_p: ViewProps) { return <p>todo</p>; }
