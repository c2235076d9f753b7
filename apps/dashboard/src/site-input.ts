// What site owners type for a site's allowed origins, made into the API's form: one origin per line, comma or
// space; a trailing slash dropped. The API checks each origin (packages/schema OriginSchema) and names the bad one.

export const parseOrigins = (text: string): string[] => [
  ...new Set(
    text
      .split(/[\s,]+/)
      .map((o) => o.trim().replace(/\/+$/, ''))
      .filter(Boolean),
  ),
];
