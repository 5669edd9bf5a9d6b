import { useState } from 'preact/hooks';
import { api, describeError, unwrap } from '../api.js';
import { FormError } from '../components/controls.js';
import type { User } from '../session.js';

/** Email and password, checked by the API, which answers with an httpOnly session cookie (no token reaches this page). */
export function SignIn({ onSignedIn }: { onSignedIn: (user: User) => void }) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <main id="main" class="signin">
      <div class="signin-card">
        <h1 tabIndex={-1}>
          <span class="brand-mark" aria-hidden="true">
            ◗
          </span>{' '}
          Sign in to Chorus
        </h1>
        <p class="muted">Live insight for artists, a console for partners, and playlists made together.</p>
        <form
          onSubmit={async (event) => {
            event.preventDefault();
            const data = new FormData(event.currentTarget);
            setBusy(true);
            setError(null);
            try {
              const session = unwrap(
                await api.POST('/v1/auth/session', { body: { email: String(data.get('email')), password: String(data.get('password')) } }),
              );
              onSignedIn(session.user);
            } catch (failure) {
              setError(describeError(failure));
            } finally {
              setBusy(false);
            }
          }}
        >
          <label for="email">Email</label>
          <input id="email" name="email" type="email" autocomplete="username" required maxLength={254} />
          <label for="password">Password</label>
          <input id="password" name="password" type="password" autocomplete="current-password" required maxLength={256} />
          <FormError message={error} />
          <button type="submit" class="button" disabled={busy}>
            {busy ? 'Signing in…' : 'Sign in'}
          </button>
        </form>
        <p class="muted small">
          Trying the demo? <code>npm start</code> prints its sign-ins, for example <code>artist@demo.chorus.test</code>. The API and its documentation are at{' '}
          <a href="/docs">/docs</a>.
        </p>
      </div>
    </main>
  );
}
