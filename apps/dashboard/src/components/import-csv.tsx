// Import historical answers from a CSV file (paper surveys, another tool, or an earlier export): editors and owners.
// The file goes to POST …/import.csv as it is; the screen shows the outcome with ImportOutcome.
import { useRef, useState } from 'preact/hooks';
import { api, type ApiError } from '../api/client';
import { useCan } from '../api/session';
import { countOf } from './score';
import { ErrorMessage } from './states';

export type Outcome = { file: string; accepted: number; duplicates: number } | { file: string; error: ApiError };

export function ImportCsvButton({ siteId, onOutcome }: { siteId: string; onOutcome: (o: Outcome) => void }) {
  const canImport = useCan('editor');
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  if (!canImport) return null;

  async function upload(file: File) {
    setBusy(true);
    try {
      onOutcome({ file: file.name, ...(await api.importCsv(siteId, file)) });
    } catch (err) {
      onOutcome({ file: file.name, error: err as ApiError });
    } finally {
      setBusy(false);
      if (input.current) input.current.value = '';
    }
  }

  return (
    <>
      <input
        ref={input}
        type="file"
        accept=".csv,text/csv"
        class="visually-hidden"
        tabIndex={-1}
        aria-label="CSV file to import"
        onChange={(e) => {
          const file = (e.currentTarget as HTMLInputElement).files?.[0];
          if (file) void upload(file);
        }}
      />
      <button
        type="button"
        class="btn btn-ghost btn-sm"
        disabled={busy}
        onClick={() => input.current?.click()}
        title="Columns as in the CSV export; at and touchpoint are required"
      >
        {busy ? 'Importing…' : 'Import CSV'}
      </button>
    </>
  );
}

export function ImportOutcome({ outcome }: { outcome: Outcome }) {
  if (!('error' in outcome))
    return (
      <p class="callout callout-ok" role="status">
        {outcome.file}: {countOf(outcome.accepted, 'row')} imported
        {outcome.duplicates ? `, ${countOf(outcome.duplicates, 'row')} already there` : ''}.
      </p>
    );
  const rejected =
    (outcome.error.details as { rejected?: { line?: number; reason: string }[] } | undefined)?.rejected ?? [];
  return (
    <ErrorMessage error={outcome.error} title={`Nothing was imported from ${outcome.file}`}>
      {rejected.length > 0 && (
        <ul class="rejected-lines">
          {rejected.slice(0, 8).map((r, i) => (
            <li key={i}>{r.line ? `Line ${r.line}: ${r.reason}` : r.reason}</li>
          ))}
          {rejected.length > 8 && <li>… and {rejected.length - 8} more</li>}
        </ul>
      )}
    </ErrorMessage>
  );
}
