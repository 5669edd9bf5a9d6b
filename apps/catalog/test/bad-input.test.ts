import { uuidv7 } from '@chorus/db';
import { createTestApp } from '@chorus/service-kit/testing';
import { refusesBadInput } from '@chorus/test-kit';
import t from 'tap';
import { catalogService } from '../src/index.js';
import { artistSnapshot, catalogCounts, makeArtist, makePeople, makeTeamArtist, testEnv } from './support.js';

t.test('every route refuses bad input and writes nothing', async (t) => {
  const { app, deps } = await createTestApp(t, [catalogService], testEnv);
  const people = await makePeople(deps);
  const { artist, release, track } = await makeTeamArtist(deps, people);
  const guest = await makeArtist(deps, people.admin, { name: 'Guest' });
  const headers = people.admin.auth;
  const snapshot = async () => ({ counts: await catalogCounts(deps.db), artist: await artistSnapshot(deps.db, artist.id) });

  await refusesBadInput(t, app, {
    method: 'POST',
    url: '/v1/artists',
    headers,
    body: { name: 'New', bio: 'Bio', country: 'SE', genres: ['pop'] },
    required: ['name'],
    snapshot,
  });
  await refusesBadInput(t, app, {
    method: 'PATCH',
    url: `/v1/artists/${artist.id}`,
    headers,
    // bio and country accept null (it clears them), so the checker's null would not be an error for them.
    body: { name: 'Renamed', genres: ['pop'] },
    snapshot,
  });
  await refusesBadInput(t, app, { method: 'GET', url: `/v1/artists/${artist.id}/members`, headers, snapshot });
  await refusesBadInput(t, app, {
    method: 'POST',
    url: `/v1/artists/${artist.id}/invitations`,
    headers,
    body: { email: 'newcomer@example.test', role: 'reader' },
    required: ['role'],
    snapshot,
  });
  await refusesBadInput(t, app, { method: 'GET', url: `/v1/artists/${artist.id}/invitations`, headers, snapshot });
  await refusesBadInput(t, app, { method: 'DELETE', url: `/v1/artists/${artist.id}/invitations/${uuidv7()}`, headers, snapshot });
  await refusesBadInput(t, app, { method: 'GET', url: '/v1/me/artists', headers, snapshot });
  await refusesBadInput(t, app, { method: 'GET', url: '/v1/me/team-invitations', headers, snapshot });
  await refusesBadInput(t, app, { method: 'POST', url: `/v1/me/team-invitations/${uuidv7()}/accept`, headers, snapshot });
  await refusesBadInput(t, app, { method: 'POST', url: `/v1/me/team-invitations/${uuidv7()}/decline`, headers, snapshot });
  const admin = people.platformAdmin.auth;
  await refusesBadInput(t, app, { method: 'POST', url: `/v1/admin/artists/${guest.id}/verification`, headers: admin, snapshot });
  await refusesBadInput(t, app, { method: 'DELETE', url: `/v1/admin/artists/${guest.id}/verification`, headers: admin, snapshot });
  await refusesBadInput(t, app, {
    method: 'POST',
    url: `/v1/admin/isrc-claims/${track.isrc}`,
    headers: admin,
    body: { track_id: track.id },
    required: ['track_id'],
    snapshot,
  });
  await refusesBadInput(t, app, {
    method: 'PATCH',
    url: `/v1/artists/${artist.id}/members/${people.target.id}`,
    headers,
    body: { role: 'editor' },
    required: ['role'],
    snapshot,
  });
  await refusesBadInput(t, app, { method: 'DELETE', url: `/v1/artists/${artist.id}/members/${people.target.id}`, headers, snapshot });
  await refusesBadInput(t, app, {
    method: 'POST',
    url: `/v1/artists/${artist.id}/releases`,
    headers,
    body: { title: 'New', type: 'single', release_date: '2024-01-01' },
    required: ['title', 'type'],
    snapshot,
  });
  await refusesBadInput(t, app, {
    method: 'POST',
    url: `/v1/releases/${release.id}/tracks`,
    headers,
    body: {
      title: 'New',
      duration_ms: 1000,
      isrc: 'QZAAA2400001',
      release_date: '2024-01-01',
      track_number: 7,
      credits: [{ artist_id: guest.id, role: 'featured' }],
    },
    required: ['title', 'duration_ms'],
    snapshot,
  });
  await refusesBadInput(t, app, {
    method: 'PATCH',
    url: `/v1/tracks/${track.id}`,
    headers,
    // isrc accepts null (it removes the code); its bad values are covered in tracks.test.ts.
    body: { title: 'New', duration_ms: 1000, release_date: '2024-01-01', credits: [{ artist_id: guest.id, role: 'featured' }] },
    snapshot,
  });
  for (const url of [`/v1/artists/${artist.id}`, `/v1/releases/${release.id}`, `/v1/tracks/${track.id}`, '/v1/search?q=a']) {
    await refusesBadInput(t, app, { method: 'GET', url, auth: false, snapshot });
  }
});

t.test('invalid UUIDs in paths are 400; unknown ids are 404', async (t) => {
  const { app, deps } = await createTestApp(t, [catalogService], testEnv);
  const people = await makePeople(deps);
  const { artist } = await makeTeamArtist(deps, people);
  const headers = people.platformAdmin.auth;
  const before = await catalogCounts(deps.db);
  const routes: Array<{ method: 'GET' | 'POST' | 'PATCH' | 'DELETE'; url: (id: string) => string; payload?: object; code: string }> = [
    { method: 'GET', url: (id) => `/v1/artists/${id}`, code: 'artist_not_found' },
    { method: 'PATCH', url: (id) => `/v1/artists/${id}`, payload: { bio: 'x' }, code: 'artist_not_found' },
    { method: 'GET', url: (id) => `/v1/artists/${id}/members`, code: 'artist_not_found' },
    { method: 'POST', url: (id) => `/v1/artists/${id}/invitations`, payload: { email: 'a@example.test', role: 'reader' }, code: 'artist_not_found' },
    { method: 'GET', url: (id) => `/v1/artists/${id}/invitations`, code: 'artist_not_found' },
    { method: 'DELETE', url: (id) => `/v1/artists/${id}/invitations/${uuidv7()}`, code: 'artist_not_found' },
    { method: 'DELETE', url: (id) => `/v1/artists/${artist.id}/invitations/${id}`, code: 'invitation_not_found' },
    { method: 'POST', url: (id) => `/v1/me/team-invitations/${id}/accept`, code: 'invitation_not_found' },
    { method: 'POST', url: (id) => `/v1/me/team-invitations/${id}/decline`, code: 'invitation_not_found' },
    { method: 'POST', url: (id) => `/v1/admin/artists/${id}/verification`, code: 'artist_not_found' },
    { method: 'DELETE', url: (id) => `/v1/admin/artists/${id}/verification`, code: 'artist_not_found' },
    { method: 'PATCH', url: (id) => `/v1/artists/${id}/members/${people.target.id}`, payload: { role: 'editor' }, code: 'artist_not_found' },
    { method: 'DELETE', url: (id) => `/v1/artists/${id}/members/${people.target.id}`, code: 'artist_not_found' },
    { method: 'PATCH', url: (id) => `/v1/artists/${artist.id}/members/${id}`, payload: { role: 'editor' }, code: 'member_not_found' },
    { method: 'DELETE', url: (id) => `/v1/artists/${artist.id}/members/${id}`, code: 'member_not_found' },
    { method: 'POST', url: (id) => `/v1/artists/${id}/releases`, payload: { title: 'x', type: 'single' }, code: 'artist_not_found' },
    { method: 'GET', url: (id) => `/v1/releases/${id}`, code: 'release_not_found' },
    { method: 'POST', url: (id) => `/v1/releases/${id}/tracks`, payload: { title: 'x', duration_ms: 1 }, code: 'release_not_found' },
    { method: 'GET', url: (id) => `/v1/tracks/${id}`, code: 'track_not_found' },
    { method: 'PATCH', url: (id) => `/v1/tracks/${id}`, payload: { title: 'x' }, code: 'track_not_found' },
  ];
  for (const route of routes) {
    const send = (id: string) => app.inject({ method: route.method, url: route.url(id), headers, ...(route.payload ? { payload: route.payload } : {}) });
    for (const bad of ['not-a-uuid', '123', `${uuidv7()}0`, "1'; DROP TABLE artists;--"]) {
      const res = await send(encodeURIComponent(bad));
      t.equal(res.statusCode, 400, `${route.method} ${route.url(bad)}`);
      t.equal(res.json().code, 'validation_failed');
    }
    const unknown = await send(uuidv7());
    t.equal(unknown.statusCode, 404, `${route.method} ${route.url('unknown')}`);
    t.equal(unknown.json().code, route.code);
  }
  t.same(await catalogCounts(deps.db), before, 'nothing written');
});
