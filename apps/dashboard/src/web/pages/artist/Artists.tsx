import { useMyArtists } from '../../api.js';
import { Empty, Loaded } from '../../components/States.js';
import { formatDay } from '../../components/format.js';
import { Link } from '../../router.js';

/** The artists whose team the person is on. */
export function Artists() {
  const artists = useMyArtists();
  return (
    <section class="page">
      <h1 tabIndex={-1}>Artists</h1>
      <Loaded state={artists} label="Loading your artists">
        {(page) =>
          page.items.length === 0 ? (
            <Empty title="You are not on an artist's team yet.">
              An artist team admin invites you by email (<code>POST /v1/artists/{'{id}'}/invitations</code>); accepted invitations appear here.
            </Empty>
          ) : (
            <ul class="cards">
              {page.items.map((a) => (
                <li key={a.id} class="card">
                  <h2>
                    <Link href={`/artists/${a.id}`}>{a.name}</Link>
                  </h2>
                  <p class="muted">
                    Your role: {a.role} · on the team since {formatDay(a.joined_at)}
                    {a.verified ? ' · verified artist' : ''}
                  </p>
                </li>
              ))}
            </ul>
          )
        }
      </Loaded>
    </section>
  );
}
