import type { ComponentChildren, FunctionComponent } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { api, clearCache, whenSignedOut } from './api.js';
import { Loading } from './components/States.js';
import { routes } from './routes.js';
import { Link, match, navigate, usePath } from './router.js';
import { hasRole, SessionContext, type User } from './session.js';
import { SignIn } from './pages/SignIn.js';
import { NotFound } from './pages/NotFound.js';

/** The app: who is signed in (the session cookie decides), the frame, and the page the address names. */
export function App() {
  const [user, setUser] = useState<User | null | undefined>(undefined);
  const { path } = usePath();

  useEffect(() => {
    whenSignedOut(() => setUser(null));
    // Asking the session never fails: no red 401 in the console for a person who is simply not signed in yet.
    (async () => {
      const state = (await api.GET('/v1/auth/session')).data;
      if (state?.user) return setUser(state.user);
      if (state?.renewable) {
        const renewed = (await api.POST('/v1/auth/session/refresh')).data;
        if (renewed) return setUser(renewed.user);
      }
      setUser(null);
    })().catch(() => setUser(null));
  }, []);

  if (user === undefined) return <Loading label="Opening Chorus" />;
  if (user === null) {
    return (
      <SignIn
        onSignedIn={(signedIn) => {
          clearCache();
          setUser(signedIn);
        }}
      />
    );
  }

  const signOut = async () => {
    await api.DELETE('/v1/auth/session');
    clearCache();
    setUser(null);
    navigate('/');
  };

  let page: ComponentChildren = <NotFound />;
  for (const route of routes) {
    const params = match(route.path, path);
    if (params) {
      const Page = route.page as FunctionComponent<Record<string, string>>;
      page = <Page {...params} />;
      break;
    }
  }

  return (
    <SessionContext.Provider value={{ user, signOut, setUser }}>
      <Shell user={user} signOut={signOut} path={path}>
        {page}
      </Shell>
    </SessionContext.Provider>
  );
}

function Shell({ user, signOut, path, children }: { user: User; signOut: () => void; path: string; children: ComponentChildren }) {
  const [open, setOpen] = useState(false);
  const sections = [
    { href: '/', label: 'Home', show: true },
    { href: '/artists', label: 'Artists', show: true },
    { href: '/partners', label: 'Partners', show: true },
    { href: '/product', label: 'Product insight', show: hasRole(user, 'product_analyst') || hasRole(user, 'platform_admin') },
    { href: '/playlists', label: 'Playlists', show: true },
    { href: '/account', label: 'Account', show: true },
  ];
  const current = (href: string) => (href === '/' ? path === '/' : path === href || path.startsWith(`${href}/`));
  return (
    <div class="shell">
      <a class="skip-link" href="#main">
        Skip to content
      </a>
      <header class="topbar">
        <Link href="/" class="brand" aria-label="Chorus home">
          <span class="brand-mark" aria-hidden="true">
            ◗
          </span>{' '}
          Chorus
        </Link>
        <button type="button" class="menu-button" aria-expanded={open} aria-controls="nav" onClick={() => setOpen(!open)}>
          Menu
        </button>
        <nav id="nav" class={open ? 'nav open' : 'nav'} aria-label="Main">
          {sections
            .filter((s) => s.show)
            .map((s) => (
              <Link key={s.href} href={s.href} aria-current={current(s.href) ? 'page' : undefined} onClick={() => setOpen(false)}>
                {s.label}
              </Link>
            ))}
        </nav>
        <div class="who">
          <span class="who-name" title={user.email}>
            {user.display_name}
          </span>
          <button type="button" class="button secondary small" onClick={signOut}>
            Sign out
          </button>
        </div>
      </header>
      <main id="main">{children}</main>
    </div>
  );
}
