import { createTestApp, createUser } from '@chorus/service-kit/testing';
import { isrc } from '@chorus/test-kit';
import t from 'tap';
import { catalogService } from '../src/index.js';
import { createTrack } from '../src/tracks.service.js';
import { artistSnapshot, callerOf, makeArtist, makeRelease, makeTrack, testEnv } from './support.js';

t.test('verified artists', async (t) => {
  const { app, deps } = await createTestApp(t, [catalogService], testEnv);
  const owner = await createUser(deps);
  const platformAdmin = await createUser(deps, { roles: ['platform_admin'] });
  const verification = (id: string) => `/v1/admin/artists/${id}/verification`;

  t.test('platform admins verify and unverify; artist views and search say so', async (t) => {
    const artist = await makeArtist(deps, owner, { name: 'Verifiable Vera' });
    const release = await makeRelease(deps, owner, artist.id, { title: 'Vera Sings' });
    const track = await makeTrack(deps, owner, release.id, { title: 'Vera Song' });
    t.equal((await app.inject({ url: `/v1/artists/${artist.id}` })).json().verified, false);

    const on = await app.inject({ method: 'POST', url: verification(artist.id), headers: platformAdmin.auth });
    t.equal(on.statusCode, 200, on.body);
    t.match(on.json(), { id: artist.id, name: 'Verifiable Vera', verified: true });
    const first = await deps.db.selectFrom('artists').select('verified_at').where('id', '=', artist.id).executeTakeFirstOrThrow();
    t.equal((await app.inject({ method: 'POST', url: verification(artist.id), headers: platformAdmin.auth })).statusCode, 200, 'again is fine');
    const second = await deps.db.selectFrom('artists').select('verified_at').where('id', '=', artist.id).executeTakeFirstOrThrow();
    t.same(second.verified_at, first.verified_at, 'and keeps when it was first verified');

    t.equal((await app.inject({ url: `/v1/artists/${artist.id}` })).json().verified, true);
    const search = (await app.inject({ url: '/v1/search?q=vera' })).json();
    t.same(search.artists, [{ id: artist.id, name: 'Verifiable Vera', verified: true, country: null, genres: [] }]);
    t.same(search.releases[0].artist, { id: artist.id, name: 'Verifiable Vera', verified: true });
    t.same(search.tracks[0].artist, { id: artist.id, name: 'Verifiable Vera', verified: true });
    t.same((await app.inject({ url: `/v1/tracks/${track.id}` })).json().artist, { id: artist.id, name: 'Verifiable Vera', verified: true });
    t.same((await app.inject({ url: `/v1/releases/${release.id}` })).json().artist, { id: artist.id, name: 'Verifiable Vera', verified: true });

    const off = await app.inject({ method: 'DELETE', url: verification(artist.id), headers: platformAdmin.auth });
    t.equal(off.statusCode, 204);
    t.equal((await app.inject({ url: `/v1/artists/${artist.id}` })).json().verified, false);
    t.equal((await app.inject({ url: '/v1/search?q=vera&type=artist' })).json().artists[0].verified, false);
  });

  t.test('nobody else may, not even the artist team admin', async (t) => {
    const artist = await makeArtist(deps, owner);
    const before = await artistSnapshot(deps.db, artist.id);
    for (const method of ['POST', 'DELETE'] as const) {
      const teamAdmin = await app.inject({ method, url: verification(artist.id), headers: owner.auth });
      t.equal(teamAdmin.statusCode, 403);
      t.equal(teamAdmin.json().code, 'insufficient_role');
      t.equal((await app.inject({ method, url: verification(artist.id) })).statusCode, 401);
    }
    t.same(await artistSnapshot(deps.db, artist.id), before);
  });

  t.test("a verified artist's ISRC is claimed: others are told so", async (t) => {
    const real = await makeArtist(deps, owner, { name: 'Real' });
    const other = await makeArtist(deps, owner, { name: 'Other' });
    await app.inject({ method: 'POST', url: verification(real.id), headers: platformAdmin.auth });
    const code = isrc();
    await makeTrack(deps, owner, (await makeRelease(deps, owner, real.id)).id, { isrc: code });
    const release = await makeRelease(deps, owner, other.id);
    const create = await app.inject({
      method: 'POST',
      url: `/v1/releases/${release.id}/tracks`,
      headers: owner.auth,
      payload: { title: 'Copy', duration_ms: 1000, isrc: code },
    });
    t.equal(create.statusCode, 409);
    t.equal(create.json().code, 'isrc_claimed');
    const track = await createTrack(deps.db, callerOf(owner), release.id, { title: 'No code yet', duration_ms: 1000 });
    const patch = await app.inject({ method: 'PATCH', url: `/v1/tracks/${track.id}`, headers: owner.auth, payload: { isrc: code } });
    t.equal(patch.statusCode, 409);
    t.equal(patch.json().code, 'isrc_claimed');

    const free = isrc();
    await makeTrack(deps, owner, release.id, { isrc: free });
    const taken = await app.inject({
      method: 'POST',
      url: `/v1/releases/${(await makeRelease(deps, owner, real.id)).id}/tracks`,
      headers: owner.auth,
      payload: { title: 'Mine', duration_ms: 1000, isrc: free },
    });
    t.equal(taken.statusCode, 409);
    t.equal(taken.json().code, 'isrc_taken', 'an unverified holder: taken, and a platform admin can settle it');
    t.match(taken.json().detail, /platform admin/);
  });
});
