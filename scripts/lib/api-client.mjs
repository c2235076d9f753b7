// A small client for the dashboard API from Node scripts (seed, benchmarks): a cookie session with the CSRF header.
export function apiClient(baseURL) {
  let cookie = '';
  async function call(method, path, body) {
    const res = await fetch(new URL(path, baseURL), {
      method,
      headers: { 'content-type': 'application/json', 'x-throughline': '1', origin: new URL(baseURL).origin, ...(cookie ? { cookie } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const set = res.headers.get('set-cookie');
    if (set) cookie = set.split(';')[0];
    const text = await res.text();
    const data = text ? JSON.parse(text) : null;
    return { status: res.status, data };
  }
  return {
    call,
    async must(method, path, body) {
      const r = await call(method, path, body);
      if (r.status >= 400) throw new Error(`${method} ${path} → ${r.status}: ${JSON.stringify(r.data)}`);
      return r.data;
    },
  };
}
