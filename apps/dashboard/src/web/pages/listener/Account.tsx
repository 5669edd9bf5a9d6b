import type { Schema } from '@chorus/sdk';
import { useId, useState } from 'preact/hooks';
import { api, ChorusError, describeError, invalidate, unwrap, useApi } from '../../api.js';
import { Outcome } from '../../components/controls.js';
import { Loaded } from '../../components/States.js';
import { useSession } from '../../session.js';
import { Connections } from './Connections.js';
import { DeleteAccount, MyData } from './MyData.js';
import { Tokens } from './Tokens.js';

type User = Schema<'User'>;
type Gender = NonNullable<User['gender']>;

const GENDERS: Array<{ value: Gender | ''; label: string }> = [
  { value: '', label: 'Not said' },
  { value: 'female', label: 'Female' },
  { value: 'male', label: 'Male' },
  { value: 'non_binary', label: 'Non-binary' },
  { value: 'other', label: 'Other' },
  { value: 'prefer_not_to_say', label: 'Prefer not to say' },
];

/** The person's account: profile, connected apps, personal API tokens, their data (export, deletion) and the account itself. */
export function Account() {
  return (
    <section class="page listener-page">
      <h1 tabIndex={-1}>Account</h1>
      <div class="account-grid">
        <div class="side-column">
          <Profile />
          <MyData />
        </div>
        <div class="side-column">
          <Connections />
          <Tokens />
        </div>
      </div>
      <DeleteAccount />
    </section>
  );
}

const regionNames = new Intl.DisplayNames(['en'], { type: 'region' });
function countryName(code: string): string {
  try {
    return /^[A-Z]{2}$/.test(code) ? (regionNames.of(code) ?? '') : '';
  } catch {
    return '';
  }
}

/** What the form changes, compared with the account as loaded (PATCH takes only the fields sent, at least one). */
function changes(me: User, data: FormData): Schema<'UpdateMe'> {
  const out: Schema<'UpdateMe'> = {};
  const name = String(data.get('display_name') ?? '').trim();
  const handle = String(data.get('handle') ?? '')
    .trim()
    .replace(/^@/, '')
    .toLowerCase();
  const country = String(data.get('country') ?? '')
    .trim()
    .toUpperCase();
  const year = String(data.get('birth_year') ?? '').trim();
  const gender = String(data.get('gender') ?? '') as Gender | '';
  const listensPublic = data.get('listens_public') === 'on';
  if (name !== me.display_name) out.display_name = name;
  if (handle !== me.handle) out.handle = handle;
  if (country !== me.country) out.country = country;
  const birthYear = year === '' ? null : Number(year);
  if (birthYear !== me.birth_year) out.birth_year = birthYear;
  const genderValue = gender === '' ? null : gender;
  if (genderValue !== me.gender) out.gender = genderValue;
  if (listensPublic !== me.listens_public) out.listens_public = listensPublic;
  return out;
}

function Profile() {
  const session = useSession();
  const me = useApi('me/profile', async () => unwrap(await api.GET('/v1/me')));
  const ids = { name: useId(), handle: useId(), country: useId(), year: useId(), gender: useId(), public: useId() };
  const [status, setStatus] = useState<{ text: string; bad: boolean } | null>(null);
  const [country, setCountry] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <article class="card">
      <h2>Profile</h2>
      <Loaded state={me} label="Loading your profile">
        {(user) => (
          <form
            key={user.handle + user.display_name + user.country}
            class="stack"
            onInput={() => setStatus(null)}
            onSubmit={async (event) => {
              event.preventDefault();
              const body = changes(user, new FormData(event.currentTarget));
              if (Object.keys(body).length === 0) return setStatus({ text: 'Nothing changed.', bad: false });
              setBusy(true);
              setStatus(null);
              try {
                const saved = unwrap(await api.PATCH('/v1/me', { body }));
                session.setUser?.(saved);
                invalidate('me/profile');
                setCountry(null);
                setStatus({ text: 'Saved.', bad: false });
              } catch (failure) {
                const fields = failure instanceof ChorusError ? (failure.problem?.errors ?? []) : [];
                const detail = fields.length
                  ? fields.map((f) => `${f.pointer.replace(/^\//, '').replace('_', ' ')} ${f.detail}`).join('; ')
                  : describeError(failure);
                setStatus({ text: detail, bad: true });
              } finally {
                setBusy(false);
              }
            }}
          >
            <p class="muted small">
              Signed in as <strong>{user.email}</strong>.
            </p>
            <label for={ids.name}>Display name</label>
            <input id={ids.name} name="display_name" required maxLength={100} defaultValue={user.display_name} autocomplete="nickname" />
            <label for={ids.handle}>Handle</label>
            <input
              id={ids.handle}
              name="handle"
              required
              minLength={2}
              maxLength={32}
              pattern="@?[a-z0-9][a-z0-9_\-]{1,31}"
              defaultValue={user.handle}
              autocomplete="username"
              aria-describedby={`${ids.handle}-hint`}
            />
            <span id={`${ids.handle}-hint`} class="muted small">
              How friends find you to invite you: lower-case letters, digits, _ and -.
            </span>
            <div class="field-row">
              <span class="field">
                <label for={ids.country}>Country code</label>
                <input
                  id={ids.country}
                  name="country"
                  required
                  maxLength={2}
                  pattern="[A-Za-z]{2}"
                  class="short-input"
                  defaultValue={user.country}
                  autocapitalize="characters"
                  aria-describedby={`${ids.country}-name`}
                  onInput={(event) => setCountry(event.currentTarget.value.toUpperCase())}
                />
                <span id={`${ids.country}-name`} class="muted small">
                  {countryName(country ?? user.country) || 'Two letters, e.g. SE'}
                </span>
              </span>
              <span class="field">
                <label for={ids.year}>Birth year</label>
                <input
                  id={ids.year}
                  name="birth_year"
                  type="number"
                  min={1900}
                  max={new Date().getFullYear()}
                  class="short-input"
                  defaultValue={user.birth_year === null ? '' : String(user.birth_year)}
                />
              </span>
              <span class="field">
                <label for={ids.gender}>Gender</label>
                <select id={ids.gender} name="gender">
                  {GENDERS.map((g) => (
                    <option key={g.value} value={g.value} selected={(user.gender ?? '') === g.value}>
                      {g.label}
                    </option>
                  ))}
                </select>
              </span>
            </div>
            <span class="check">
              <input id={ids.public} name="listens_public" type="checkbox" defaultChecked={user.listens_public} />
              <label for={ids.public}>Let others see my listening history</label>
            </span>
            <p class="muted small">Others see your display name and handle, never your email, country, birth year or gender.</p>
            <Outcome outcome={status} />
            <div>
              <button type="submit" class="button" disabled={busy}>
                {busy ? 'Saving…' : 'Save profile'}
              </button>
            </div>
          </form>
        )}
      </Loaded>
    </article>
  );
}
