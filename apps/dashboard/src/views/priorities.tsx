// placeholder
import type { ViewProps } from './site-layout';
export function PrioritiesView(_p: ViewProps) { return <p>todo</p>; }
