export const ROOT: string;
export const WORKER: string;
export const PUBLIC: string;
export const BIN: string;
export const WRANGLER: string;
