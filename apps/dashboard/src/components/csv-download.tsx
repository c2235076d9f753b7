// "Download CSV" for the table a view shows: the rows as the screen has them (RFC 4180 quoting), made in the browser.
export function csvOf(rows: readonly (readonly (string | number | null | undefined)[])[]): string {
  const cell = (v: string | number | null | undefined) => {
    const s = v === null || v === undefined ? '' : typeof v === 'number' ? String(Math.round(v * 10) / 10) : v;
    // a leading = + - @ would run as a formula in a spreadsheet: quoted and prefixed
    const safe = /^[=+\-@]/.test(s) && typeof v !== 'number' ? `'${s}` : s;
    return /[",\r\n]/.test(safe) || safe !== s ? `"${safe.replace(/"/g, '""')}"` : safe;
  };
  return rows.map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n';
}

export function CsvDownload({
  filename,
  rows,
  label = 'Download CSV',
}: {
  filename: string;
  rows: () => (string | number | null | undefined)[][];
  label?: string;
}) {
  function download() {
    const url = URL.createObjectURL(new Blob([csvOf(rows())], { type: 'text/csv;charset=utf-8' }));
    const a = Object.assign(document.createElement('a'), { href: url, download: filename });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }
  return (
    <button type="button" class="btn btn-ghost btn-sm" onClick={download}>
      {label}
    </button>
  );
}
