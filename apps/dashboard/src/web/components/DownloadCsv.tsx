import { useState } from 'preact/hooks';
import { describeError, download } from '../api.js';

/**
 * A "Download CSV" button for a statistics route that also answers CSV: `load` fetches the text (with
 * `format: 'csv'` and `parseAs: 'text'`), and the browser saves it as `filename`. `what` names the data for
 * screen readers when a page has several such buttons.
 */
export function DownloadCsv({ filename, load, what }: { filename: string; load: () => Promise<string>; what: string }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <span class="download-csv">
      <button
        type="button"
        class="button secondary small"
        aria-label={`Download CSV: ${what}`}
        disabled={busy}
        onClick={async () => {
          setBusy(true);
          setError(null);
          try {
            download(filename, await load());
          } catch (failure) {
            setError(describeError(failure));
          } finally {
            setBusy(false);
          }
        }}
      >
        {busy ? 'Preparing…' : 'Download CSV'}
      </button>
      {error ? (
        <span class="form-error small" role="alert">
          {error}
        </span>
      ) : null}
    </span>
  );
}
