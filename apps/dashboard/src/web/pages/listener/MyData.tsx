import { useId, useState } from 'preact/hooks';
import { api, clearCache, describeError, download, invalidate, unwrap } from '../../api.js';
import { FormError, Outcome } from '../../components/controls.js';
import { formatNumber, utcDay } from '../../components/format.js';
import { useSession } from '../../session.js';

const LISTENS_PHRASE = 'delete my listens';

/** Everything Chorus holds about the person, as a file; and deleting their listening history (all, or a range of days). */
export function MyData() {
  const ids = { from: useId(), to: useId(), confirm: useId() };
  const [exporting, setExporting] = useState(false);
  const [exported, setExported] = useState<string | null>(null);
  const [typed, setTyped] = useState('');
  const [deleting, setDeleting] = useState(false);
  const [status, setStatus] = useState<{ text: string; bad: boolean } | null>(null);

  const exportData = async () => {
    setExporting(true);
    setExported(null);
    try {
      const text = unwrap(await api.GET('/v1/me/export', { parseAs: 'text' })) as string;
      download(`chorus-export-${utcDay()}.jsonl`, text, 'application/x-ndjson');
      setExported('Your export is downloading: one JSON object a line (profile, listens, loves and hates, tokens).');
    } catch (failure) {
      setExported(describeError(failure));
    } finally {
      setExporting(false);
    }
  };

  return (
    <article class="card">
      <h2>Your data</h2>
      <h3>Export</h3>
      <p class="small">Download everything Chorus holds about you: your profile, every listen, your loves and hates and your tokens (without their secrets).</p>
      <button type="button" class="button secondary" disabled={exporting} onClick={exportData}>
        {exporting ? 'Preparing…' : 'Download my data'}
      </button>
      {exported ? (
        <p class="small" role="status">
          {exported}
        </p>
      ) : null}

      <form
        class="stack danger-zone"
        onSubmit={async (event) => {
          event.preventDefault();
          const data = new FormData(event.currentTarget);
          const from = String(data.get('from') ?? '');
          const to = String(data.get('to') ?? '');
          setDeleting(true);
          setStatus(null);
          try {
            const query = { ...(from ? { from: `${from}T00:00:00Z` } : {}), ...(to ? { to: `${to}T00:00:00Z` } : {}) };
            const done = unwrap(await api.DELETE('/v1/me/listens', { params: { query } }));
            setStatus({ text: `Deleted ${formatNumber(done.deleted)} ${done.deleted === 1 ? 'listen' : 'listens'}.`, bad: false });
            setTyped('');
            invalidate('me/');
          } catch (failure) {
            setStatus({ text: describeError(failure), bad: true });
          } finally {
            setDeleting(false);
          }
        }}
      >
        <h3>Delete my listens</h3>
        <p class="small">Removes them from your history and from every statistic. This cannot be undone; export first if you want a copy.</p>
        <div class="field-row">
          <span class="field">
            <label for={ids.from}>From (UTC day)</label>
            <input id={ids.from} name="from" type="date" />
          </span>
          <span class="field">
            <label for={ids.to}>Until, not included</label>
            <input id={ids.to} name="to" type="date" />
          </span>
        </div>
        <p class="muted small">Leave both empty to delete all of them.</p>
        <label for={ids.confirm}>
          Type <strong>{LISTENS_PHRASE}</strong> to confirm
        </label>
        <input id={ids.confirm} value={typed} autocomplete="off" onInput={(event) => setTyped(event.currentTarget.value)} />
        <Outcome outcome={status} />
        <div>
          <button type="submit" class="button danger" disabled={deleting || typed.trim().toLowerCase() !== LISTENS_PHRASE}>
            {deleting ? 'Deleting…' : 'Delete my listens'}
          </button>
        </div>
      </form>
    </article>
  );
}

/** Deleting the account and everything it contributed; confirmed by typing one's email. Then the app starts over at sign-in. */
export function DeleteAccount() {
  const { user } = useSession();
  const id = useId();
  const [typed, setTyped] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const confirmed = typed.trim().toLowerCase() === user.email.toLowerCase();
  return (
    <article class="card danger-card">
      <h2>Delete your account</h2>
      <form
        class="stack"
        onSubmit={async (event) => {
          event.preventDefault();
          if (!confirmed) return;
          setBusy(true);
          setProblem(null);
          try {
            unwrap(await api.DELETE('/v1/me'));
          } catch (failure) {
            setProblem(describeError(failure));
            setBusy(false);
            return;
          }
          // The account is gone: end the session too, then start the app over at sign-in.
          await api.DELETE('/v1/auth/session').catch(() => undefined);
          clearCache();
          location.assign('/');
        }}
      >
        <p class="small">
          Deletes your profile, your listens and what they counted for in every statistic, your loves and hates, your tokens and your places on teams and
          playlists. This cannot be undone.
        </p>
        <label for={id}>
          Type your email, <strong>{user.email}</strong>, to confirm
        </label>
        <input id={id} type="email" value={typed} autocomplete="off" onInput={(event) => setTyped(event.currentTarget.value)} />
        <FormError message={problem} />
        <div>
          <button type="submit" class="button danger" disabled={busy || !confirmed}>
            {busy ? 'Deleting…' : 'Delete my account'}
          </button>
        </div>
      </form>
    </article>
  );
}
