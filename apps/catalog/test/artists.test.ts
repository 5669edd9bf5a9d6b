import { createTestApp, createUser } from '@chorus/service-kit/testing';
import t from 'tap';
import { catalogService } from '../src/index.js';
import { addToTeam, artistSnapshot, makeArtist, makeRelease, testEnv } from './support.js';

t.test('artists', async (t) => {
  const { app, deps } = await createTestApp(t, [catalogService], testEnv);
  const owner = await createUser(deps, { display_name: 'Owner' });

  t.test('create: trimmed, the creator is the admin, Location points at it', async (t) => {
    const res = await app.inject({
      method: 'POST',
      url: '/v1/artists',
      headers: owner.auth,
      payload: { name: '  Sigur Rós ', bio: ' Post-rock. ', country: 'IS', genres: [' post-rock', 'Post-rock', 'ambient '] },
    });
    t.equal(res.statusCode, 201);
    const artist = res.json();
    t.match(artist, { name: 'Sigur Rós', bio: 'Post-rock.', country: 'IS', genres: ['post-rock', 'ambient'] });
    t.match(artist.id, /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/, 'a UUID v7');
    t.equal(res.headers.location, `/v1/artists/${artist.id}`);
    const members = await app.inject({ url: `/v1/artists/${artist.id}/members`, headers: owner.auth });
    t.same(
      members.json().items.map((m: { user_id: string; role: string; display_name: string }) => [m.user_id, m.role, m.display_name]),
      [[owner.id, 'admin', 'Owner']],
    );
    const folded = await deps.db.selectFrom('artists').select('name_folded').where('id', '=', artist.id).executeTakeFirstOrThrow();
    t.equal(folded.name_folded, 'sigur ros');
  });

  t.test('blank, too long and badly formed fields are refused with a pointer', async (t) => {
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ name: '   ' }, '/name'],
      [{ name: 'x'.repeat(201) }, '/name'],
      [{ name: 'A', bio: ' \n ' }, '/bio'],
      [{ name: 'A', bio: 'x'.repeat(5001) }, '/bio'],
      [{ name: 'A', country: 'is' }, '/country'],
      [{ name: 'A', country: 'ISL' }, '/country'],
      [{ name: 'A', genres: Array.from({ length: 11 }, (_, i) => `g${i}`) }, '/genres'],
      [{ name: 'A', genres: ['x'.repeat(41)] }, '/genres/0'],
      [{ name: 'A', genres: ['ok', '  '] }, '/genres/1'],
    ];
    for (const [payload, pointer] of cases) {
      const res = await app.inject({ method: 'POST', url: '/v1/artists', headers: owner.auth, payload });
      t.equal(res.statusCode, 400, JSON.stringify(payload).slice(0, 60));
      t.ok(
        res.json().errors.some((e: { pointer: string }) => e.pointer === pointer),
        `${pointer} in ${JSON.stringify(res.json().errors)}`,
      );
    }
    t.equal((await app.inject({ method: 'POST', url: '/v1/artists', headers: owner.auth, payload: { name: 'x'.repeat(200) } })).statusCode, 201);
  });

  t.test('get: public, with a summary of releases, newest first', async (t) => {
    const artist = await makeArtist(deps, owner);
    const older = await makeRelease(deps, owner, artist.id, { title: 'Older', release_date: '2001-01-01' });
    const newer = await makeRelease(deps, owner, artist.id, { title: 'Newer', type: 'ep', release_date: '2020-02-29' });
    const res = await app.inject({ url: `/v1/artists/${artist.id}` });
    t.equal(res.statusCode, 200);
    t.same(res.json().releases, [
      { id: newer.id, title: 'Newer', type: 'ep', release_date: '2020-02-29' },
      { id: older.id, title: 'Older', type: 'album', release_date: '2001-01-01' },
    ]);
  });

  t.test('patch: any subset of fields; null clears; an empty body is refused', async (t) => {
    const artist = await makeArtist(deps, owner, { bio: 'Old', country: 'SE' });
    const renamed = await app.inject({
      method: 'PATCH',
      url: `/v1/artists/${artist.id}`,
      headers: owner.auth,
      payload: { name: ' Ólafur ', bio: null, country: null },
    });
    t.equal(renamed.statusCode, 200);
    t.match(renamed.json(), { name: 'Ólafur', bio: null, country: null, genres: [] });
    t.ok(renamed.json().updated_at > artist.updated_at, 'updated_at moves');
    const folded = await deps.db.selectFrom('artists').select('name_folded').where('id', '=', artist.id).executeTakeFirstOrThrow();
    t.equal(folded.name_folded, 'olafur', 'the folded name follows the name');
    const before = await artistSnapshot(deps.db, artist.id);
    const empty = await app.inject({ method: 'PATCH', url: `/v1/artists/${artist.id}`, headers: owner.auth, payload: {} });
    t.equal(empty.statusCode, 400);
    t.same(await artistSnapshot(deps.db, artist.id), before);
  });
});

t.test('members', async (t) => {
  const { app, deps } = await createTestApp(t, [catalogService], testEnv);
  const admin = await createUser(deps);
  const other = await createUser(deps, { display_name: 'Other' });

  t.test('the last admin can be neither demoted nor removed, nor leave', async (t) => {
    const artist = await makeArtist(deps, admin);
    await addToTeam(deps.db, artist.id, other, 'editor');
    const before = await artistSnapshot(deps.db, artist.id);
    const member = `/v1/artists/${artist.id}/members/${admin.id}`;
    const demote = await app.inject({ method: 'PATCH', url: member, headers: admin.auth, payload: { role: 'editor' } });
    t.equal(demote.statusCode, 409);
    t.equal(demote.json().code, 'last_admin');
    const leave = await app.inject({ method: 'DELETE', url: member, headers: admin.auth });
    t.equal(leave.statusCode, 409);
    t.equal(leave.json().code, 'last_admin');
    const platformAdmin = await createUser(deps, { roles: ['platform_admin'] });
    const removed = await app.inject({ method: 'DELETE', url: member, headers: platformAdmin.auth });
    t.equal(removed.statusCode, 409, 'not even a platform admin leaves a team without an admin');
    t.same(await artistSnapshot(deps.db, artist.id), before);

    const keep = await app.inject({ method: 'PATCH', url: member, headers: admin.auth, payload: { role: 'admin' } });
    t.equal(keep.statusCode, 200, 'an admin staying admin is fine');

    const promote = await app.inject({ method: 'PATCH', url: `/v1/artists/${artist.id}/members/${other.id}`, headers: admin.auth, payload: { role: 'admin' } });
    t.equal(promote.statusCode, 200);
    t.equal(promote.json().role, 'admin');
    const stepDown = await app.inject({ method: 'PATCH', url: member, headers: admin.auth, payload: { role: 'reader' } });
    t.equal(stepDown.statusCode, 200, 'with a second admin, the first may step down');
    const nowReader = await app.inject({
      method: 'PATCH',
      url: `/v1/artists/${artist.id}/members/${other.id}`,
      headers: admin.auth,
      payload: { role: 'reader' },
    });
    t.equal(nowReader.statusCode, 403, 'and is no longer an admin');
  });

  t.test('two admins demoting each other at once: exactly one succeeds', async (t) => {
    for (let round = 0; round < 5; round++) {
      const artist = await makeArtist(deps, admin);
      await addToTeam(deps.db, artist.id, other, 'admin');
      const [a, b] = await Promise.all([
        app.inject({ method: 'PATCH', url: `/v1/artists/${artist.id}/members/${admin.id}`, headers: admin.auth, payload: { role: 'editor' } }),
        app.inject({ method: 'DELETE', url: `/v1/artists/${artist.id}/members/${other.id}`, headers: other.auth }),
      ]);
      const succeeded = Number(a.statusCode === 200) + Number(b.statusCode === 204);
      t.equal(succeeded, 1, `one succeeds (got ${a.statusCode}, ${b.statusCode})`);
      t.ok(a.statusCode === 409 || b.statusCode === 409, 'the other is told last_admin');
      const admins = await deps.db.selectFrom('artist_members').select('user_id').where('artist_id', '=', artist.id).where('role', '=', 'admin').execute();
      t.equal(admins.length, 1, 'one admin remains');
    }
  });

  t.test('unknown members are 404 member_not_found', async (t) => {
    const artist = await makeArtist(deps, admin);
    const url = `/v1/artists/${artist.id}/members/${other.id}`;
    const patch = await app.inject({ method: 'PATCH', url, headers: admin.auth, payload: { role: 'reader' } });
    t.equal(patch.statusCode, 404);
    t.equal(patch.json().code, 'member_not_found');
    const del = await app.inject({ method: 'DELETE', url, headers: admin.auth });
    t.equal(del.json().code, 'member_not_found');
  });
});
