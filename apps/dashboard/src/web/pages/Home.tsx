import { api, unwrap, useApi, useMyArtists, useMyPartners } from '../api.js';
import { Empty, Loaded } from '../components/States.js';
import { Link } from '../router.js';
import { useSession } from '../session.js';
import { useInsightAccess } from './product/ProductLayout.js';

/** Where each person starts: their artists, their partner organisations, their playlists, product insight if theirs. */
export function Home() {
  const { user } = useSession();
  const insight = useInsightAccess();
  const artists = useMyArtists();
  const partners = useMyPartners();
  const playlists = useApi('me/playlists', async () => unwrap(await api.GET('/v1/me/playlists', { params: { query: { limit: 5 } } })));
  return (
    <section class="page">
      <h1 tabIndex={-1}>Hello, {user.display_name}</h1>
      <div class="grid two">
        <article class="card">
          <h2>Your artists</h2>
          <Loaded state={artists} label="Loading your artists">
            {(page) =>
              page.items.length === 0 ? (
                <Empty title="You are not on an artist's team yet.">An artist team admin can invite you; the invitation shows up here.</Empty>
              ) : (
                <ul class="list">
                  {page.items.map((a) => (
                    <li key={a.id}>
                      <Link href={`/artists/${a.id}`}>{a.name}</Link> <span class="badge">{a.role}</span>
                      {a.verified ? <span class="badge ok">verified</span> : null}
                    </li>
                  ))}
                </ul>
              )
            }
          </Loaded>
        </article>
        <article class="card">
          <h2>Your partner organisations</h2>
          <Loaded state={partners} label="Loading your organisations">
            {(page) =>
              page.items.length === 0 ? (
                <Empty title="No partner organisation yet.">
                  Building an app, a car or a device on Chorus? <Link href="/partners">Create an organisation</Link> and register your first app.
                </Empty>
              ) : (
                <ul class="list">
                  {page.items.map((p) => (
                    <li key={p.id}>
                      <Link href={`/partners/${p.id}`}>{p.name}</Link>
                    </li>
                  ))}
                </ul>
              )
            }
          </Loaded>
        </article>
        <article class="card">
          <h2>Your playlists</h2>
          <Loaded state={playlists} label="Loading your playlists">
            {(page) =>
              page.items.length === 0 ? (
                <Empty title="No playlists yet.">
                  <Link href="/playlists">Create one</Link> and invite friends to build it with you.
                </Empty>
              ) : (
                <ul class="list">
                  {page.items.map((p) => (
                    <li key={p.id}>
                      <Link href={`/playlists/${p.id}`}>{p.name}</Link>
                      {p.collaborative ? <span class="badge">collaborative</span> : null}
                    </li>
                  ))}
                </ul>
              )
            }
          </Loaded>
        </article>
        {insight ? (
          <article class="card">
            <h2>Product insight</h2>
            <p>
              Engagement, sources, platforms, retention, markets, diversity and partners across Chorus. <Link href="/product">Open product insight</Link>.
            </p>
          </article>
        ) : null}
      </div>
    </section>
  );
}
