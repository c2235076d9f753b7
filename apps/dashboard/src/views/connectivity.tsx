// placeholder
import type { ViewProps } from './site-layout';
export function ConnectivityView(_p: ViewProps) { return <p>todo</p>; }
