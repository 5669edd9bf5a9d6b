import { uuidv7 } from '@chorus/db';
import { createTestApp, type TestUser } from '@chorus/service-kit/testing';
import type { InjectOptions } from 'fastify';
import t from 'tap';
import { catalogService } from '../src/index.js';
import { artistSnapshot, makePeople, makeTeamArtist, type Team, testEnv } from './support.js';

type Actor = 'admin' | 'editor' | 'reader' | 'non-member' | 'platform_admin' | 'anonymous';
type Fixture = Awaited<ReturnType<typeof makeTeamArtist>> & { invitationId: string };

interface Row {
  route: string;
  request: (f: Fixture, people: Team) => InjectOptions;
  /** Expected status per caller; a 2xx on a write must change the artist's data, anything else must not. */
  expect: Record<Actor, number>;
  /** The problem code of a 403, by caller. */
  forbidden?: Partial<Record<Actor, string>>;
  read?: boolean;
}

// Artists, releases and tracks are public: outsiders are told 403 on writes. The team is not: outsiders are told 404.
const catalogWrite = { admin: 0, editor: 0, reader: 403, 'non-member': 403, platform_admin: 0, anonymous: 401 };
const teamWrite = { editor: 403, reader: 403, 'non-member': 404, anonymous: 401 };
const catalogForbidden = { reader: 'insufficient_role', 'non-member': 'not_a_member' } as const;
const teamForbidden = { editor: 'insufficient_role', reader: 'insufficient_role' } as const;

const matrix: Row[] = [
  {
    route: 'PATCH /v1/artists/{id}',
    request: (f) => ({ method: 'PATCH', url: `/v1/artists/${f.artist.id}`, payload: { bio: 'Changed.' } }),
    expect: { ...catalogWrite, admin: 200, editor: 200, platform_admin: 200 },
    forbidden: catalogForbidden,
  },
  {
    route: 'GET /v1/artists/{id}/members',
    request: (f) => ({ method: 'GET', url: `/v1/artists/${f.artist.id}/members` }),
    expect: { admin: 200, editor: 200, reader: 200, 'non-member': 404, platform_admin: 200, anonymous: 401 },
    read: true,
  },
  {
    route: 'POST /v1/artists/{id}/invitations',
    request: (f) => ({ method: 'POST', url: `/v1/artists/${f.artist.id}/invitations`, payload: { email: 'newcomer@example.test', role: 'reader' } }),
    expect: { ...teamWrite, admin: 202, platform_admin: 202 },
    forbidden: teamForbidden,
  },
  {
    route: 'GET /v1/artists/{id}/invitations',
    request: (f) => ({ method: 'GET', url: `/v1/artists/${f.artist.id}/invitations` }),
    expect: { ...teamWrite, admin: 200, platform_admin: 200 },
    forbidden: teamForbidden,
    read: true,
  },
  {
    route: 'DELETE /v1/artists/{id}/invitations/{invitation_id}',
    request: (f) => ({ method: 'DELETE', url: `/v1/artists/${f.artist.id}/invitations/${f.invitationId}` }),
    expect: { ...teamWrite, admin: 204, platform_admin: 204 },
    forbidden: teamForbidden,
  },
  {
    route: 'PATCH /v1/artists/{id}/members/{user_id}',
    request: (f, p) => ({ method: 'PATCH', url: `/v1/artists/${f.artist.id}/members/${p.target.id}`, payload: { role: 'editor' } }),
    expect: { ...teamWrite, admin: 200, platform_admin: 200 },
    forbidden: teamForbidden,
  },
  {
    route: 'DELETE /v1/artists/{id}/members/{user_id}',
    request: (f, p) => ({ method: 'DELETE', url: `/v1/artists/${f.artist.id}/members/${p.target.id}` }),
    expect: { ...teamWrite, admin: 204, platform_admin: 204 },
    forbidden: teamForbidden,
  },
  {
    route: 'POST /v1/artists/{id}/releases',
    request: (f) => ({ method: 'POST', url: `/v1/artists/${f.artist.id}/releases`, payload: { title: 'New', type: 'single' } }),
    expect: { ...catalogWrite, admin: 201, editor: 201, platform_admin: 201 },
    forbidden: catalogForbidden,
  },
  {
    route: 'POST /v1/releases/{id}/tracks',
    request: (f) => ({ method: 'POST', url: `/v1/releases/${f.release.id}/tracks`, payload: { title: 'New', duration_ms: 1000 } }),
    expect: { ...catalogWrite, admin: 201, editor: 201, platform_admin: 201 },
    forbidden: catalogForbidden,
  },
  {
    route: 'PATCH /v1/tracks/{id}',
    request: (f) => ({ method: 'PATCH', url: `/v1/tracks/${f.track.id}`, payload: { title: 'Renamed', credits: [] } }),
    expect: { ...catalogWrite, admin: 200, editor: 200, platform_admin: 200 },
    forbidden: catalogForbidden,
  },
];

const actors: Actor[] = ['admin', 'editor', 'reader', 'non-member', 'platform_admin', 'anonymous'];

function userOf(people: Team, actor: Actor): TestUser | undefined {
  switch (actor) {
    case 'admin':
      return people.admin;
    case 'editor':
      return people.editor;
    case 'reader':
      return people.reader;
    case 'non-member':
      return people.outsider;
    case 'platform_admin':
      return people.platformAdmin;
    case 'anonymous':
      return undefined;
  }
}

t.test('role matrix: every caller on every team-guarded route', async (t) => {
  const { app, deps } = await createTestApp(t, [catalogService], testEnv);
  const people = await makePeople(deps);

  for (const row of matrix) {
    for (const actor of actors) {
      const want = row.expect[actor];
      t.test(`${row.route} as ${actor} → ${want}`, async (t) => {
        const fixture = { ...(await makeTeamArtist(deps, people)), invitationId: uuidv7() };
        await deps.db
          .insertInto('artist_invitations')
          .values({
            id: fixture.invitationId,
            artist_id: fixture.artist.id,
            role: 'reader',
            invitee_user_id: people.newcomer.id,
            invitee_email: null,
            invited_by: people.admin.id,
            expires_at: new Date(Date.now() + 86_400_000),
          })
          .execute();
        const before = await artistSnapshot(deps.db, fixture.artist.id);
        const request = row.request(fixture, people);
        const user = userOf(people, actor);
        const res = await app.inject({ ...request, headers: user ? user.auth : {} });
        t.equal(res.statusCode, want, res.body);
        const after = await artistSnapshot(deps.db, fixture.artist.id);
        if (want >= 400) {
          t.match(res.headers['content-type'], /application\/problem\+json/);
          const code = row.forbidden?.[actor];
          if (want === 403 && code) t.equal(res.json().code, code);
          // Only where the artist is public anyway may a refusal say the caller is not on its team.
          if (code === 'not_a_member') t.equal(res.json().detail, "You are not a member of this artist's team.");
          if (want === 404) {
            const ghost = await app.inject({ ...row.request({ ...fixture, artist: { ...fixture.artist, id: uuidv7() } }, people), headers: user?.auth ?? {} });
            t.same(
              { code: res.json().code, detail: res.json().detail },
              { code: ghost.json().code, detail: ghost.json().detail },
              'a hidden team answers exactly as an artist that does not exist',
            );
          }
          t.same(after, before, 'a refused request changes nothing');
        } else if (row.read) {
          t.same(after, before, 'a read changes nothing');
        } else {
          t.notSame(after, before, 'an allowed write is stored');
        }
      });
    }
  }
});

t.test('any member may leave; an outsider cannot "leave" a team they cannot see', async (t) => {
  const { app, deps } = await createTestApp(t, [catalogService], testEnv);
  const people = await makePeople(deps);
  const { artist } = await makeTeamArtist(deps, people);
  for (const user of [people.reader, people.editor]) {
    const res = await app.inject({ method: 'DELETE', url: `/v1/artists/${artist.id}/members/${user.id}`, headers: user.auth });
    t.equal(res.statusCode, 204);
  }
  const outsider = await app.inject({ method: 'DELETE', url: `/v1/artists/${artist.id}/members/${people.outsider.id}`, headers: people.outsider.auth });
  t.equal(outsider.statusCode, 404);
  const members = await app.inject({ url: `/v1/artists/${artist.id}/members`, headers: people.admin.auth });
  t.same(
    members
      .json()
      .items.map((m: { user_id: string }) => m.user_id)
      .sort(),
    [people.admin.id, people.target.id].sort(),
  );
  const gone = await app.inject({ url: `/v1/artists/${artist.id}/members`, headers: people.reader.auth });
  t.equal(gone.statusCode, 404, 'a member who left no longer sees the team');
});
