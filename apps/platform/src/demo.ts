import { foldText, uuidv7 } from '@chorus/db';
import { hashPassword } from '@chorus/identity';
import { type IncomingListen, ingestListens } from '@chorus/listening';
import type { ServiceDeps } from '@chorus/service-kit';
import { createWorld, ListenGenerator, startBackgroundTraffic, toNativeListen, type World } from '@chorus/simulator';

/** The demo's logins, printed at start. Passwords are public on purpose: this is the local demo only. */
export const DEMO_LOGINS = [
  { role: 'artist team admin', email: 'artist@demo.chorus.test', password: 'demo-artist-2026' },
  { role: 'listener', email: 'listener@demo.chorus.test', password: 'demo-listener-2026' },
  { role: 'product analyst and platform admin', email: 'analyst@demo.chorus.test', password: 'demo-analyst-2026' },
] as const;

const SEED = 2026;
const HISTORY_DAYS = 28;
const HISTORY_LISTENS = 20_000;

export interface Demo {
  world: World;
  trackIds: Map<number, string>;
  userIds: Map<number, string>;
}

function demoWorld(): World {
  return createWorld({ seed: SEED, users: 80, artists: 8, tracksPerArtist: 6, playlists: 20 });
}

/**
 * Seeds the demo once: a small catalog, listeners across several countries, the demo logins and four weeks
 * of listening history (ingested through the real write path, so the workers aggregate it). Later starts
 * find it and only rebuild the id maps the background traffic needs.
 */
export async function seedDemo(deps: ServiceDeps, log: (line: string) => void): Promise<Demo> {
  const { db } = deps;
  const world = demoWorld();
  const existing = await db.selectFrom('users').select('id').where('email', '=', DEMO_LOGINS[0].email).executeTakeFirst();
  if (!existing) {
    log('Seeding the demo: artists, releases, tracks, listeners and four weeks of listening…');
    await insertWorld(deps, world);
  }
  const tracks = await db.selectFrom('tracks').select(['id', 'isrc']).where('isrc', 'in', world.tracks.map((t) => t.isrc)).execute();
  const byIsrc = new Map(tracks.map((t) => [t.isrc, t.id]));
  const trackIds = new Map(world.tracks.flatMap((t) => (byIsrc.has(t.isrc) ? [[t.index, byIsrc.get(t.isrc)!] as const] : [])));
  const users = await db.selectFrom('users').select(['id', 'email']).where('email', 'in', world.listeners.map((l) => l.email)).execute();
  const byEmail = new Map(users.map((u) => [u.email, u.id]));
  const userIds = new Map(world.listeners.flatMap((l) => (byEmail.has(l.email) ? [[l.index, byEmail.get(l.email)!] as const] : [])));
  if (!existing) await seedHistory(deps, world, trackIds, userIds);
  return { world, trackIds, userIds };
}

async function insertWorld(deps: ServiceDeps, world: World): Promise<void> {
  const [artistHash, listenerHash, analystHash] = await Promise.all(DEMO_LOGINS.map((l) => hashPassword(l.password)));
  await deps.db.transaction().execute(async (trx) => {
    const artistManager = uuidv7();
    const listener = uuidv7();
    const analyst = uuidv7();
    await trx
      .insertInto('users')
      .values([
        { id: artistManager, email: DEMO_LOGINS[0].email, password_hash: artistHash!, display_name: 'Demo Artist Manager', country: 'SE', birth_year: 1988, gender: 'female', roles: [] },
        { id: listener, email: DEMO_LOGINS[1].email, password_hash: listenerHash!, display_name: 'Demo Listener', country: 'BR', birth_year: 2001, gender: 'male', roles: [] },
        { id: analyst, email: DEMO_LOGINS[2].email, password_hash: analystHash!, display_name: 'Demo Analyst', country: 'DE', birth_year: 1979, gender: 'non_binary', roles: ['product_analyst', 'platform_admin'] },
      ])
      .execute();
    // Simulated listeners cannot log in: their hash matches no password.
    await trx
      .insertInto('users')
      .values(world.listeners.map((l) => ({ id: uuidv7(), email: l.email, password_hash: '!simulated', display_name: l.display_name, country: l.country, birth_year: l.birth_year, gender: l.gender, roles: [] })))
      .execute();
    const artistIds = world.artists.map(() => uuidv7());
    await trx
      .insertInto('artists')
      .values(world.artists.map((a, i) => ({ id: artistIds[i]!, name: a.name, name_folded: foldText(a.name), bio: `${a.name} (${a.genres.join(', ')}) from ${a.country}.`, country: a.country, genres: a.genres })))
      .execute();
    // The demo artist team: the manager administers the two most popular artists.
    const top = [...world.artists].sort((a, b) => a.rank - b.rank).slice(0, 2);
    await trx.insertInto('artist_members').values(top.map((a) => ({ artist_id: artistIds[a.index]!, user_id: artistManager, role: 'admin' as const }))).execute();
    const releaseIds = world.releases.map(() => uuidv7());
    await trx
      .insertInto('releases')
      .values(world.releases.map((r, i) => ({ id: releaseIds[i]!, artist_id: artistIds[r.artist_index]!, title: r.title, title_folded: foldText(r.title), type: r.type, release_date: r.release_date })))
      .execute();
    await trx
      .insertInto('tracks')
      .values(
        world.tracks.map((t) => ({
          id: uuidv7(),
          release_id: releaseIds[t.release_index]!,
          artist_id: artistIds[t.artist_index]!,
          title: t.title,
          title_folded: foldText(t.title),
          isrc: t.isrc,
          duration_ms: t.duration_ms,
          release_date: world.releases[t.release_index]!.release_date,
          track_number: t.track_number,
        })),
      )
      .execute();
  });
}

function toIncoming(l: ReturnType<typeof toNativeListen>): IncomingListen {
  return {
    ...l,
    listened_at: new Date(l.listened_at),
    context_type: l.context?.type ?? 'other',
    context_id: l.context?.id ?? null,
  } as IncomingListen;
}

async function seedHistory(deps: ServiceDeps, world: World, trackIds: Map<number, string>, userIds: Map<number, string>) {
  const to = new Date();
  const from = new Date(to.getTime() - HISTORY_DAYS * 86_400_000);
  const perUser = new Map<number, IncomingListen[]>();
  for (const listen of new ListenGenerator(world, { seed: SEED }).generate({ from, to, targetListens: HISTORY_LISTENS })) {
    const list = perUser.get(listen.userIndex) ?? [];
    list.push(toIncoming(toNativeListen(listen, world, 'id', trackIds)));
    perUser.set(listen.userIndex, list);
  }
  for (const [userIndex, listens] of perUser) {
    const userId = userIds.get(userIndex);
    if (!userId) continue;
    for (let i = 0; i < listens.length; i += 1000) await ingestListens(deps, userId, listens.slice(i, i + 1000), 'native');
  }
}

/** A gentle trickle of live listens so the demo's counters move. */
export function startDemoTraffic(deps: ServiceDeps, demo: Demo, rate = 2) {
  return startBackgroundTraffic({
    world: demo.world,
    rate,
    seed: Date.now() % 1_000_000,
    trackIds: demo.trackIds,
    userIds: demo.userIds,
    style: 'mixed',
    submit: async (_index, listens, userId) => {
      if (!userId || listens.length === 0) return;
      await ingestListens(deps, userId, listens.map(toIncoming), 'native');
    },
    onError: () => {},
  });
}
