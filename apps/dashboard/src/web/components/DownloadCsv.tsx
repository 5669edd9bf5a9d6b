import { useState } from 'preact/hooks';
import { describeError, download } from '../api.js';
import { useAction } from './controls.js';

/**
 * A "Download CSV" button for a statistics route that also answers CSV: `load` fetches the text (with
 * `format: 'csv'` and `parseAs: 'text'`), and the browser saves it as `filename`. `what` names the data for
 * screen readers when a page has several such buttons.
 */
export function DownloadCsv({ filename, load, what }: { filename: string; load: () => Promise<string>; what: string }) {
  const saving = useAction();
  const [saved, setSaved] = useState<string | null>(null);
  return (
    <span class="download-csv">
      <button
        type="button"
        class="button secondary small"
        aria-label={`Download CSV: ${what}`}
        disabled={saving.busy !== null}
        onClick={() =>
          saving.run('csv', async () => {
            setSaved(null);
            download(filename, await load());
            setSaved(filename);
          })
        }
      >
        {saving.busy ? 'Preparing…' : 'Download CSV'}
      </button>
      <span class="visually-hidden" role="status">
        {saved ? `Saved ${saved}.` : ''}
      </span>
      {saving.error ? (
        <span class="form-error small" role="alert">
          {describeError(saving.error)}
        </span>
      ) : null}
    </span>
  );
}
