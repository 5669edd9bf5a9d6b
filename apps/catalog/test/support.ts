import { randomInt } from 'node:crypto';
import { type ArtistRole, catalogQueries, type Db, uuidv7 } from '@chorus/db';
import type { ServiceDeps } from '@chorus/service-kit';
import { createUser, signTestToken, type TestUser } from '@chorus/service-kit/testing';
import { isrc } from '@chorus/test-kit';
import type { Caller } from '../src/access.service.js';
import { createArtist } from '../src/artists.service.js';
import type { CreateArtistInput, CreateReleaseInput, CreateTrackInput } from '../src/catalog.schemas.js';
import { createRelease } from '../src/releases.service.js';
import { createTrack } from '../src/tracks.service.js';

export type Deps = Pick<ServiceDeps, 'db' | 'config'>;

export const testEnv = { env: { CHORUS_RATE_LIMITS: 'off' } };

export function callerOf(user: TestUser): Caller {
  return { userId: user.id, roles: [] };
}

export async function makeArtist(deps: Deps, owner: TestUser, fields: Partial<CreateArtistInput> = {}) {
  return createArtist(deps.db, callerOf(owner), { name: `Artist ${randomInt(1e9)}`, ...fields });
}

export async function addToTeam(db: Db, artistId: string, user: TestUser, role: ArtistRole) {
  await catalogQueries.insertMember(db, { artist_id: artistId, user_id: user.id, role });
}

export async function makeRelease(deps: Deps, owner: TestUser, artistId: string, fields: Partial<CreateReleaseInput> = {}) {
  return createRelease(deps.db, callerOf(owner), artistId, { title: `Release ${randomInt(1e9)}`, type: 'album', release_date: '2024-05-17', ...fields });
}

export async function makeTrack(deps: Deps, owner: TestUser, releaseId: string, fields: Partial<CreateTrackInput> = {}) {
  return createTrack(deps.db, callerOf(owner), releaseId, { title: `Track ${randomInt(1e9)}`, duration_ms: 200_000, isrc: isrc(), ...fields });
}

/** Everything stored about one artist: a refused write must leave this unchanged. */
export async function artistSnapshot(db: Db, artistId: string) {
  const [artist, members, invitations, releases, tracks, credits] = await Promise.all([
    db.selectFrom('artists').selectAll().where('id', '=', artistId).execute(),
    db.selectFrom('artist_members').selectAll().where('artist_id', '=', artistId).orderBy('user_id').execute(),
    db.selectFrom('artist_invitations').selectAll().where('artist_id', '=', artistId).orderBy('id').execute(),
    db.selectFrom('releases').selectAll().where('artist_id', '=', artistId).orderBy('id').execute(),
    db.selectFrom('tracks').selectAll().where('artist_id', '=', artistId).orderBy('id').execute(),
    db
      .selectFrom('track_credits')
      .innerJoin('tracks', 'tracks.id', 'track_credits.track_id')
      .selectAll('track_credits')
      .where('tracks.artist_id', '=', artistId)
      .orderBy('track_credits.track_id')
      .orderBy('track_credits.artist_id')
      .orderBy('track_credits.role')
      .execute(),
  ]);
  return JSON.parse(JSON.stringify({ artist, members, invitations, releases, tracks, credits })) as unknown;
}

/** Row counts of every catalog table. */
export async function catalogCounts(db: Db) {
  const count = async (table: 'artists' | 'artist_members' | 'artist_invitations' | 'releases' | 'tracks' | 'track_credits') =>
    Number(
      (
        await db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  return {
    artists: await count('artists'),
    artist_members: await count('artist_members'),
    artist_invitations: await count('artist_invitations'),
    releases: await count('releases'),
    tracks: await count('tracks'),
    track_credits: await count('track_credits'),
  };
}

export interface Team {
  admin: TestUser;
  editor: TestUser;
  reader: TestUser;
  /** A reader that admins act upon in member routes. */
  target: TestUser;
  outsider: TestUser;
  platformAdmin: TestUser;
  /** A user on no team, to be added. */
  newcomer: TestUser;
}

/** The people of a team; reusable across artists, since each artist gets its own memberships. */
export async function makePeople(deps: Deps): Promise<Team> {
  const [admin, editor, reader, target, outsider, platformAdmin, newcomer] = await Promise.all([
    createUser(deps, { display_name: 'Admin' }),
    createUser(deps, { display_name: 'Editor' }),
    createUser(deps, { display_name: 'Reader' }),
    createUser(deps, { display_name: 'Target' }),
    createUser(deps, { display_name: 'Outsider' }),
    createUser(deps, { display_name: 'Platform admin', roles: ['platform_admin'] }),
    createUser(deps, { display_name: 'Newcomer' }),
  ]);
  return { admin, editor, reader, target, outsider, platformAdmin, newcomer };
}

/** A fresh artist whose team is the given people, with one release holding one credited track. */
export async function makeTeamArtist(deps: Deps, people: Team) {
  const artist = await makeArtist(deps, people.admin);
  await addToTeam(deps.db, artist.id, people.editor, 'editor');
  await addToTeam(deps.db, artist.id, people.reader, 'reader');
  await addToTeam(deps.db, artist.id, people.target, 'reader');
  const release = await makeRelease(deps, people.admin, artist.id);
  const track = await makeTrack(deps, people.admin, release.id, { credits: [{ artist_id: artist.id, role: 'performer' }] });
  return { artist, release, track };
}

/** The user's public handle (test users get a random one). */
export async function handleOf(db: Db, user: TestUser): Promise<string> {
  return (await db.selectFrom('users').select('handle').where('id', '=', user.id).executeTakeFirstOrThrow()).handle;
}

/** A user signed up with the given email (createUser makes one up). */
export async function userWithEmail(deps: Deps, email: string, display_name = 'Invitee'): Promise<TestUser> {
  const id = uuidv7();
  await deps.db.insertInto('users').values({ id, email, password_hash: 'x', display_name, country: 'SE', birth_year: null, gender: null, roles: [] }).execute();
  const token = await signTestToken(deps, id);
  return { id, email, token, auth: { authorization: `Bearer ${token}` } };
}
