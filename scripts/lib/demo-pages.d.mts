export function writeDemoPages(siteKey?: string): void;
export const KEY_PLACEHOLDER: "__THROUGHLINE_SITE_KEY__";
