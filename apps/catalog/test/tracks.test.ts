import { createTestApp, createUser } from '@chorus/service-kit/testing';
import { isrc } from '@chorus/test-kit';
import t from 'tap';
import { catalogService } from '../src/index.js';
import { artistSnapshot, catalogCounts, makeArtist, makeRelease, makeTrack, testEnv } from './support.js';

t.test('releases and tracks', async (t) => {
  const { app, deps } = await createTestApp(t, [catalogService], testEnv);
  const owner = await createUser(deps);
  const artist = await makeArtist(deps, owner, { name: 'Björk' });

  t.test('a release: created by an editor, public, with its tracks in track_number order', async (t) => {
    const res = await app.inject({
      method: 'POST',
      url: `/v1/artists/${artist.id}/releases`,
      headers: owner.auth,
      payload: { title: ' Homogenic ', type: 'album', release_date: '1997-09-22' },
    });
    t.equal(res.statusCode, 201);
    const release = res.json();
    t.match(release, { title: 'Homogenic', type: 'album', release_date: '1997-09-22', artist: { id: artist.id, name: 'Björk' }, tracks: [] });
    t.equal(res.headers.location, `/v1/releases/${release.id}`);

    const third = await makeTrack(deps, owner, release.id, { title: 'Three', track_number: 3 });
    const first = await makeTrack(deps, owner, release.id, { title: 'One', track_number: 1 });
    const next = await makeTrack(deps, owner, release.id, { title: 'Four' });
    t.equal(next.track_number, 4, 'the default is the next number after the highest');
    t.equal(next.release_date, '1997-09-22', "release_date defaults to the release's");
    const got = await app.inject({ url: `/v1/releases/${release.id}` });
    t.same(
      got.json().tracks.map((tr: { id: string; track_number: number }) => [tr.id, tr.track_number]),
      [
        [first.id, 1],
        [third.id, 3],
        [next.id, 4],
      ],
    );

    const taken = await app.inject({
      method: 'POST',
      url: `/v1/releases/${release.id}/tracks`,
      headers: owner.auth,
      payload: { title: 'Dup', duration_ms: 1, track_number: 3 },
    });
    t.equal(taken.statusCode, 409);
    t.equal(taken.json().code, 'track_number_taken');
  });

  t.test('release types and dates are checked', async (t) => {
    const url = `/v1/artists/${artist.id}/releases`;
    for (const [payload, pointer] of [
      [{ title: 'X', type: 'mixtape' }, '/type'],
      [{ title: 'X', type: 'single', release_date: '2023-02-29' }, '/release_date'],
      [{ title: 'X', type: 'single', release_date: '2024-13-01' }, '/release_date'],
      [{ title: 'X', type: 'single', release_date: '2024-01-01T00:00:00Z' }, '/release_date'],
      [{ title: ' ', type: 'single' }, '/title'],
    ] as const) {
      const res = await app.inject({ method: 'POST', url, headers: owner.auth, payload });
      t.equal(res.statusCode, 400, JSON.stringify(payload));
      t.equal(res.json().errors[0].pointer, pointer);
    }
    const leap = await app.inject({ method: 'POST', url, headers: owner.auth, payload: { title: 'Leap', type: 'single', release_date: '2024-02-29' } });
    t.equal(leap.statusCode, 201);
  });

  t.test('a track: full answer, ISRC uppercased, credits named', async (t) => {
    const release = await makeRelease(deps, owner, artist.id, { release_date: '2001-08-27' });
    const producer = await makeArtist(deps, owner, { name: 'Matmos' });
    const res = await app.inject({
      method: 'POST',
      url: `/v1/releases/${release.id}/tracks`,
      headers: owner.auth,
      payload: {
        title: ' Hidden Place ',
        duration_ms: 328_000,
        isrc: 'gbaye0100001',
        credits: [
          { artist_id: producer.id, role: 'producer' },
          { artist_id: artist.id, role: 'writer' },
        ],
      },
    });
    t.equal(res.statusCode, 201, res.body);
    const track = res.json();
    t.match(track, {
      title: 'Hidden Place',
      isrc: 'GBAYE0100001',
      duration_ms: 328_000,
      release_date: '2001-08-27',
      track_number: 1,
      artist: { id: artist.id, name: 'Björk' },
      release: { id: release.id, title: release.title },
    });
    t.same(track.credits, [
      { artist_id: producer.id, name: 'Matmos', role: 'producer' },
      { artist_id: artist.id, name: 'Björk', role: 'writer' },
    ]);
    t.equal(res.headers.location, `/v1/tracks/${track.id}`);
    t.same((await app.inject({ url: `/v1/tracks/${track.id}` })).json(), track, 'GET answers what POST did');
  });

  t.test('ISRC: unique, also for lowercase input and on PATCH', async (t) => {
    const release = await makeRelease(deps, owner, artist.id);
    const code = isrc();
    const first = await makeTrack(deps, owner, release.id, { isrc: code });
    const counts = await catalogCounts(deps.db);
    const dup = await app.inject({
      method: 'POST',
      url: `/v1/releases/${release.id}/tracks`,
      headers: owner.auth,
      payload: { title: 'Dup', duration_ms: 1000, isrc: code.toLowerCase() },
    });
    t.equal(dup.statusCode, 409);
    t.equal(dup.json().code, 'isrc_taken');
    t.same(await catalogCounts(deps.db), counts, 'nothing written');

    const second = await makeTrack(deps, owner, release.id, { isrc: isrc() });
    const clash = await app.inject({ method: 'PATCH', url: `/v1/tracks/${second.id}`, headers: owner.auth, payload: { isrc: code, title: 'Not saved' } });
    t.equal(clash.statusCode, 409);
    t.equal(clash.json().code, 'isrc_taken');
    t.equal((await app.inject({ url: `/v1/tracks/${second.id}` })).json().title, second.title, 'the rest of a refused PATCH is not saved');

    const own = await app.inject({ method: 'PATCH', url: `/v1/tracks/${first.id}`, headers: owner.auth, payload: { isrc: code.toLowerCase() } });
    t.equal(own.statusCode, 200, 'a track keeps its own ISRC');
    const cleared = await app.inject({ method: 'PATCH', url: `/v1/tracks/${first.id}`, headers: owner.auth, payload: { isrc: null } });
    t.equal(cleared.json().isrc, null);
    const reused = await app.inject({ method: 'PATCH', url: `/v1/tracks/${second.id}`, headers: owner.auth, payload: { isrc: code } });
    t.equal(reused.json().isrc, code, 'a freed ISRC can be used again');

    for (const bad of ['GBAYE010000', 'GBAYE01000011', 'G1AYE0100001', 'GBAYE01000A1', 'GB-AYE-01-00001']) {
      const res = await app.inject({
        method: 'POST',
        url: `/v1/releases/${release.id}/tracks`,
        headers: owner.auth,
        payload: { title: 'X', duration_ms: 1, isrc: bad },
      });
      t.equal(res.statusCode, 400, bad);
      t.equal(res.json().errors[0].pointer, '/isrc');
    }
  });

  t.test('ISRC under concurrency: one 201, one 409', async (t) => {
    for (let round = 0; round < 5; round++) {
      const [a, b] = await Promise.all([makeRelease(deps, owner, artist.id), makeRelease(deps, owner, artist.id)]);
      const code = isrc().toLowerCase();
      const responses = await Promise.all(
        [a, b, a].map((release) =>
          app.inject({
            method: 'POST',
            url: `/v1/releases/${release.id}/tracks`,
            headers: owner.auth,
            payload: { title: 'Race', duration_ms: 1000, isrc: code },
          }),
        ),
      );
      t.same(responses.map((r) => r.statusCode).sort(), [201, 409, 409]);
      const rows = await deps.db.selectFrom('tracks').select('id').where('isrc', '=', code.toUpperCase()).execute();
      t.equal(rows.length, 1);
    }
  });

  t.test('durations are 1 ms to one day', async (t) => {
    const release = await makeRelease(deps, owner, artist.id);
    for (const [duration_ms, status] of [
      [0, 400],
      [86_400_001, 400],
      [1.5, 400],
      [1, 201],
      [86_400_000, 201],
    ] as const) {
      const res = await app.inject({ method: 'POST', url: `/v1/releases/${release.id}/tracks`, headers: owner.auth, payload: { title: 'D', duration_ms } });
      t.equal(res.statusCode, status, String(duration_ms));
    }
  });

  t.test('credits: unknown artists and repeats are pointed at; PATCH replaces the list', async (t) => {
    const release = await makeRelease(deps, owner, artist.id);
    const guest = await makeArtist(deps, owner, { name: 'Guest' });
    const before = await artistSnapshot(deps.db, artist.id);
    const unknown = '01932c4e-7b1a-7000-8000-00000000beef';
    const res = await app.inject({
      method: 'POST',
      url: `/v1/releases/${release.id}/tracks`,
      headers: owner.auth,
      payload: {
        title: 'X',
        duration_ms: 1000,
        credits: [
          { artist_id: guest.id, role: 'featured' },
          { artist_id: unknown, role: 'producer' },
          { artist_id: guest.id, role: 'featured' },
        ],
      },
    });
    t.equal(res.statusCode, 400);
    t.same(
      res
        .json()
        .errors.map((e: { pointer: string }) => e.pointer)
        .sort(),
      ['/credits/1/artist_id', '/credits/2'],
    );
    const badRole = await app.inject({
      method: 'POST',
      url: `/v1/releases/${release.id}/tracks`,
      headers: owner.auth,
      payload: { title: 'X', duration_ms: 1000, credits: [{ artist_id: guest.id, role: 'singer' }] },
    });
    t.equal(badRole.json().errors[0].pointer, '/credits/0/role');
    t.same(await artistSnapshot(deps.db, artist.id), before, 'nothing written');

    const track = await makeTrack(deps, owner, release.id, { credits: [{ artist_id: guest.id, role: 'featured' }] });
    const replaced = await app.inject({
      method: 'PATCH',
      url: `/v1/tracks/${track.id}`,
      headers: owner.auth,
      payload: { credits: [{ artist_id: artist.id, role: 'composer' }], title: ' New title ', duration_ms: 1234, release_date: '2020-01-01' },
    });
    t.equal(replaced.statusCode, 200);
    t.match(replaced.json(), { title: 'New title', duration_ms: 1234, release_date: '2020-01-01' });
    t.same(replaced.json().credits, [{ artist_id: artist.id, name: 'Björk', role: 'composer' }]);
    const unknownOnPatch = await app.inject({
      method: 'PATCH',
      url: `/v1/tracks/${track.id}`,
      headers: owner.auth,
      payload: { credits: [{ artist_id: unknown, role: 'writer' }] },
    });
    t.equal(unknownOnPatch.statusCode, 400);
    t.equal(unknownOnPatch.json().errors[0].pointer, '/credits/0/artist_id');
    const cleared = await app.inject({ method: 'PATCH', url: `/v1/tracks/${track.id}`, headers: owner.auth, payload: { credits: [] } });
    t.same(cleared.json().credits, []);
    const empty = await app.inject({ method: 'PATCH', url: `/v1/tracks/${track.id}`, headers: owner.auth, payload: {} });
    t.equal(empty.statusCode, 400, 'an empty PATCH is refused');
  });
});
