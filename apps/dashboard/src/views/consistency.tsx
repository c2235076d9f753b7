// placeholder
import type { ViewProps } from './site-layout';
export function ConsistencyView(_p: ViewProps) { return <p>todo</p>; }
