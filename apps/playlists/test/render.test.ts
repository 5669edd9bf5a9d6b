import { foldText, playlistsQueries, uuidv7 } from '@chorus/db';
import { createUser } from '@chorus/service-kit/testing';
import t from 'tap';
import { api, createPlaylist, createTracks, playlistsApp } from './factories.js';

t.test('a page of items carries what a client shows of each track, read in one query', async (t) => {
  const { app, deps } = await playlistsApp(t);
  const call = api(app);
  const owner = await createUser(deps);
  const artist = async (name: string) => {
    const id = uuidv7();
    await deps.db
      .insertInto('artists')
      .values({ id, name, name_folded: foldText(name), bio: null, country: null, genres: [] })
      .execute();
    return id;
  };
  const main = await artist('Main Act');
  const guest = await artist('Guest Star');
  const releaseId = uuidv7();
  await deps.db
    .insertInto('releases')
    .values({ id: releaseId, artist_id: main, title: 'The Album', title_folded: 'the album', type: 'album', release_date: '2026-01-01' })
    .execute();
  const trackId = uuidv7();
  await deps.db
    .insertInto('tracks')
    .values({
      id: trackId,
      release_id: releaseId,
      artist_id: main,
      title: 'Duet',
      title_folded: 'duet',
      isrc: null,
      duration_ms: 201_000,
      release_date: '2026-01-01',
      track_number: 1,
    })
    .execute();
  await deps.db
    .insertInto('track_credits')
    .values([
      { track_id: trackId, artist_id: guest, role: 'featured' },
      { track_id: trackId, artist_id: guest, role: 'producer' },
    ])
    .execute();
  const [solo] = await createTracks(deps.db, 1);
  const id = await createPlaylist(call, owner, { visibility: 'public' });
  await call('POST', `/v1/playlists/${id}/items`, owner, { track_ids: [trackId, solo] });

  for (const url of [`/v1/playlists/${id}/items`, `/v1/playlists/${id}/items?sort=votes`]) {
    const page = await call('GET', url, null);
    t.equal(page.status, 200);
    const duet = page.body.items.find((i: { track_id: string }) => i.track_id === trackId);
    t.same(
      duet.track,
      {
        title: 'Duet',
        artist_id: main,
        artists: [
          { id: main, name: 'Main Act' },
          { id: guest, name: 'Guest Star' },
        ],
        duration_ms: 201_000,
        release: { id: releaseId, title: 'The Album' },
      },
      `${url}: title, artists (main, then featured), duration and release`,
    );
    const other = page.body.items.find((i: { track_id: string }) => i.track_id === solo);
    t.equal(other.track.artists.length, 1, 'a track without featured artists names its main artist');
    t.equal(other.track.release.title, 'Release');
  }

  // The data layer answers the whole page, artists and releases included, from one statement.
  const rows = await playlistsQueries.itemsInOrder(deps.db, id, {}, 10);
  t.match(rows[0], { title: 'Duet', artist_name: 'Main Act', release_title: 'The Album', featured: [{ id: guest, name: 'Guest Star' }] });
});
