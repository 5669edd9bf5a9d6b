import { type DemoFeedbackRow, type DemoPlaylistRows, demoQueries, uuidv7 } from '@chorus/db';
import { hashPassword } from '@chorus/identity';
import { RELATED_ARTISTS_SETTINGS } from '@chorus/jobs';
import { type IncomingListen, ingestListens } from '@chorus/listening';
import { evenKeys, snapshotId } from '@chorus/playlists';
import { type ServiceDeps, StartupError } from '@chorus/service-kit';
import {
  type Boost,
  bulkLoad,
  CONTEXT_TYPES,
  createWorld,
  ListenGenerator,
  Rng,
  type SimListen,
  startBackgroundTraffic,
  type toNativeListen,
  type World,
} from '@chorus/simulator';
import { computeRelated, replayArtistInsights } from '@chorus/workers';

/** The demo's logins, printed at start. Passwords are public on purpose: this is the local demo only. */
export const DEMO_LOGINS = [
  { key: 'artist', role: 'artist team admin', email: 'artist@demo.chorus.test', password: 'demo-artist-2026' },
  { key: 'listener', role: 'listener', email: 'listener@demo.chorus.test', password: 'demo-listener-2026' },
  { key: 'analyst', role: 'product analyst', email: 'analyst@demo.chorus.test', password: 'demo-analyst-2026' },
] as const;

/** The published logins never hold platform_admin on a server beyond loopback (see syncDemoRoles). */
const ADMIN_LOGIN = 'analyst';
const EDITORS_EMAIL = 'editors@demo.chorus.test';

const SEED = 2026;
const HISTORY_DAYS = 28;
const DAY_MS = 86_400_000;
// Dense enough that audience cells (country, age, gender) of the team's artists pass k = 10 on most days: 400
// listeners in four markets at their natural activity (about 4,500 listens a day). With 300, the small gender
// values are often too few to hide together, and then female or male is hidden with them (the complementary rule).
const WORLD = { seed: SEED, users: 400, artists: 8, tracksPerArtist: 6, playlists: 24, markets: ['US', 'GB', 'DE', 'BR'], startYear: 2026 } as const;
/** The demo team administers this many of the most played artists. */
const TEAM_SIZE = 2;
/** A planted story the insights find in the history: the team's second artist takes off in Brazil ten days ago. */
const RISE = { teamRank: 1, country: 'BR', daysAgo: 10, factor: 2.5 } as const;
/** The demo listener listens more than most, so their history, saves and playlists have something to show. */
const DEMO_LISTENER_SESSIONS = 2.5;

export interface DemoArtist {
  id: string;
  name: string;
}

export interface Demo {
  world: World;
  trackIds: Map<number, string>;
  userIds: Map<number, string>;
  /** The demo team's artists, most played first. */
  artists: DemoArtist[];
}

/** The demo world: deterministic, so a restart rebuilds the same one and finds its ids by email and ISRC. */
function demoWorld(): World {
  const world = createWorld(WORLD);
  // The demo listener is listener 0: a regular of a collaborative playlist, with a history worth reading.
  const me = world.listeners[0]!;
  me.email = DEMO_LOGINS[1].email;
  me.display_name = 'Demo Listener';
  me.sessions_per_day = Math.max(me.sessions_per_day, DEMO_LISTENER_SESSIONS);
  const collaborative = world.playlists.find((p) => p.type === 'collaborative_playlist' && p.tracks.length > 0);
  if (collaborative && !me.collaborative_playlists.includes(collaborative.index)) me.collaborative_playlists.push(collaborative.index);
  const weight = CONTEXT_TYPES.indexOf('collaborative_playlist');
  if (me.collaborative_playlists.length && !(me.source_weights[weight]! > 0)) me.source_weights[weight] = 1.5;
  return world;
}

/** The team's artists by world index: the most played first. */
function teamArtists(world: World): number[] {
  return [...world.artists]
    .sort((a, b) => a.rank - b.rank)
    .slice(0, TEAM_SIZE)
    .map((a) => a.index);
}

function rise(world: World, from: Date): Boost {
  return { artistIndex: teamArtists(world)[RISE.teamRank]!, country: RISE.country, from, factor: RISE.factor };
}

const utcDay = (at: Date) => at.toISOString().slice(0, 10);

/**
 * Seeds the demo once (a later start finds it and only rebuilds the id maps): the catalog, 400 listeners with
 * four weeks of listening written through the ingestion queries and aggregated, public editorial and
 * collaborative playlists and the listeners' own, saves and playlist adds made along the history, related
 * artists, and the insights the history holds, each dated the day it happened.
 */
export async function seedDemo(deps: ServiceDeps, log: (line: string) => void): Promise<Demo> {
  const { db } = deps;
  const world = demoWorld();
  const logins = await demoQueries.usersByEmail(
    db,
    DEMO_LOGINS.map((l) => l.email),
  );
  if (logins.length > 0 && logins.length < DEMO_LOGINS.length) {
    const where = deps.config.databaseUrl ? 'the database' : deps.config.dataDir;
    throw new StartupError(`the demo was only partly seeded (its first start was interrupted): delete ${where} to seed it again, or start with CHORUS_DEMO=0.`);
  }
  if (logins.length === 0) {
    const started = Date.now();
    log('Seeding the demo: 8 artists, 400 listeners in four countries and four weeks of their listening…');
    await seedHistory(deps, world, new Date(), log);
    log(`Seeded the demo in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
  }
  return demoIds(deps, world);
}

/** The demo's ids by world index, and the team's artists, read back from the database. */
async function demoIds(deps: ServiceDeps, world: World): Promise<Demo> {
  const { db } = deps;
  const tracks = await demoQueries.tracksByIsrc(
    db,
    world.tracks.map((t) => t.isrc),
  );
  const byIsrc = new Map(tracks.map((t) => [t.isrc, t.id]));
  const artistByIsrc = new Map(tracks.map((t) => [t.isrc, t.artist_id]));
  const trackIds = new Map(world.tracks.flatMap((t) => (byIsrc.has(t.isrc) ? [[t.index, byIsrc.get(t.isrc)!] as const] : [])));
  const users = await demoQueries.usersByEmail(
    db,
    world.listeners.map((l) => l.email),
  );
  const byEmail = new Map(users.map((u) => [u.email, u.id]));
  const userIds = new Map(world.listeners.flatMap((l) => (byEmail.has(l.email) ? [[l.index, byEmail.get(l.email)!] as const] : [])));
  const team = teamArtists(world).flatMap((a) => artistByIsrc.get(world.tracks[world.artists[a]!.tracks[0]!]!.isrc) ?? []);
  const rows = await demoQueries.artistsById(db, team);
  const artists = team.flatMap((id) => rows.filter((r) => r.id === id));
  return { world, trackIds, userIds, artists };
}

async function seedHistory(deps: ServiceDeps, world: World, now: Date, log: (line: string) => void): Promise<void> {
  const { db } = deps;
  // Whole UTC days and today so far: a 28-day range is the history, and the range before it is empty.
  const from = new Date(Date.parse(`${utcDay(now)}T00:00:00Z`) - (HISTORY_DAYS - 1) * DAY_MS);
  const [artistHash, listenerHash, analystHash] = await Promise.all(DEMO_LOGINS.map((l) => hashPassword(l.password)));
  const me = world.listeners[0]!;
  const editors = uuidv7();
  // The listener login first (the history is theirs too), then the history, then the other logins: the analyst
  // account, written last, marks a finished seed.
  await demoQueries.insertUsers(db, [
    {
      id: uuidv7(),
      email: me.email,
      password_hash: listenerHash!,
      display_name: me.display_name,
      country: me.country,
      birth_year: me.birth_year,
      gender: me.gender,
      roles: [],
    },
    { id: editors, email: EDITORS_EMAIL, password_hash: '!simulated', display_name: 'Chorus Editors', country: 'SE', roles: [] },
  ]);

  const observed: SimListen[] = [];
  const loaded = await bulkLoad(db, {
    seed: SEED,
    users: WORLD.users,
    artists: WORLD.artists,
    world,
    now,
    days: (now.getTime() - from.getTime()) / DAY_MS,
    // The listeners' natural volume, which the live simulator keeps up (same listens per hour).
    listens: Math.round(new ListenGenerator(world, { seed: SEED }).expectedListens(from, now)),
    exact: false,
    boost: rise(world, new Date(now.getTime() - RISE.daysAgo * DAY_MS)),
    observe: (listen) => observed.push(listen),
  });
  log(`  ${loaded.accepted.toLocaleString('en')} listens written and aggregated in ${loaded.seconds.listens.toFixed(1)} s`);

  let mark = Date.now();
  const lap = () => {
    const ms = Date.now() - mark;
    mark = Date.now();
    return `${(ms / 1000).toFixed(1)} s`;
  };
  await demoQueries.insertPlaylists(db, playlistRows(world, observed, loaded.userIds, loaded.trackIds, editors, from));
  await demoQueries.insertFeedback(db, feedbackRows(observed, loaded.userIds, loaded.trackIds));
  await demoQueries.analyzeRollups(db);
  log(`  playlists, saves and playlist adds in ${lap()}`);

  const team = teamArtists(world).map((a) => loaded.artistIds[a]!);
  const manager = uuidv7();
  await demoQueries.insertUsers(db, [
    {
      id: manager,
      email: DEMO_LOGINS[0].email,
      password_hash: artistHash!,
      display_name: 'Demo Artist Manager',
      country: 'SE',
      birth_year: 1988,
      gender: 'female',
      roles: [],
    },
  ]);
  await demoQueries.insertTeamAdmin(db, manager, team);

  // What the daily jobs would have found: related artists from the co-listening, and the insights of each day.
  await computeRelated(db, { ...RELATED_ARTISTS_SETTINGS }, now);
  log(`  related artists in ${lap()}`);
  const insights = await replayArtistInsights(deps, loaded.artistIds, utcDay(from), now, team);
  log(`  ${insights} insights found in the history in ${lap()}`);

  await demoQueries.insertUsers(db, [
    {
      id: uuidv7(),
      email: DEMO_LOGINS[2].email,
      password_hash: analystHash!,
      display_name: 'Demo Analyst',
      country: 'DE',
      birth_year: 1979,
      gender: 'non_binary',
      roles: deps.config.loopbackOnly ? ['product_analyst', 'platform_admin'] : ['product_analyst'],
    },
  ]);
}

/** A small deterministic hash in [0, 1): whether a listener loves a track, when someone joined a playlist. */
function unit(...parts: Array<string | number>): number {
  return Rng.derive(SEED, 'demo', ...parts).next();
}

/**
 * Loves and hates that follow the listening: a listener may love a track at its third stream, and may hate one
 * they skipped three times without ever streaming it.
 */
function feedbackRows(listens: readonly SimListen[], userIds: readonly string[], trackIds: readonly string[]): DemoFeedbackRow[] {
  const streams = new Map<string, number>();
  const skips = new Map<string, number>();
  const rows: DemoFeedbackRow[] = [];
  const given = new Set<string>();
  for (const l of listens) {
    const key = `${l.userIndex}:${l.trackIndex}`;
    if (given.has(key)) continue;
    const give = (score: 1 | -1) => {
      given.add(key);
      rows.push({ user_id: userIds[l.userIndex]!, track_id: trackIds[l.trackIndex]!, score, day: utcDay(l.listened_at), created_at: l.listened_at });
    };
    if (l.ms_played >= 30_000) {
      const n = (streams.get(key) ?? 0) + 1;
      streams.set(key, n);
      if (n === 3 && unit('love', key) < 0.35) give(1);
    } else {
      const n = (skips.get(key) ?? 0) + 1;
      skips.set(key, n);
      if (n === 3 && !streams.has(key) && unit('hate', key) < 0.25) give(-1);
    }
  }
  return rows;
}

interface PlannedItem {
  track: number;
  by: number | null;
  at: Date;
}

/**
 * The world's shared playlists (public: editorial ones by the editors, collaborative ones by their members) and
 * every listener's own (private), each track added shortly before it was first played from that playlist (a
 * track nobody played from it at some time in the history), with the activity log the playlists service writes.
 */
function playlistRows(
  world: World,
  listens: readonly SimListen[],
  userIds: readonly string[],
  trackIds: readonly string[],
  editors: string,
  from: Date,
): DemoPlaylistRows[] {
  const firstPlay = new Map<string, SimListen>();
  const plays = new Map<string, number>();
  const playedFrom = new Map<string, Set<number>>();
  for (const l of listens) {
    const id = l.context.id;
    if (!id || (l.context.type !== 'playlist' && l.context.type !== 'collaborative_playlist' && l.context.type !== 'own_playlist')) continue;
    const key = `${id}:${l.trackIndex}`;
    if (!firstPlay.has(key)) firstPlay.set(key, l);
    playedFrom.set(id, (playedFrom.get(id) ?? new Set()).add(l.trackIndex));
    const byUser = `${id}:u${l.userIndex}`;
    plays.set(byUser, (plays.get(byUser) ?? 0) + 1);
  }
  const members = new Map<number, number[]>();
  for (const l of world.listeners) for (const p of l.collaborative_playlists) members.set(p, [...(members.get(p) ?? []), l.index]);
  const addedBefore = (key: string, fallback: () => Date, by: number | null): PlannedItem['at'] => {
    const first = firstPlay.get(key);
    // A few minutes to a day before its first play from the playlist; by whoever played it, in their own playlist.
    return first ? new Date(first.listened_at.getTime() - Math.floor(60_000 + unit('add', key, by ?? -1) * DAY_MS)) : fallback();
  };
  const span = (key: string) => new Date(from.getTime() + Math.floor(unit('later', key) * HISTORY_DAYS * DAY_MS));
  const rows: DemoPlaylistRows[] = [];

  for (const p of world.playlists) {
    const collaborative = p.type === 'collaborative_playlist';
    const crew = collaborative ? (members.get(p.index) ?? [p.index % world.listeners.length]) : [];
    const owner = collaborative ? userIds[crew[0]!]! : editors;
    const created = new Date(from.getTime() - Math.floor((7 + unit('created', p.id) * 50) * DAY_MS));
    const items = [...new Set(p.tracks)].map((track, i): PlannedItem => {
      const by = collaborative ? crew[i % crew.length]! : null;
      return { track, by, at: addedBefore(`${p.id}:${track}`, () => span(`${p.id}:${track}`), by) };
    });
    const followers = world.listeners.filter((l) => !crew.includes(l.index) && (plays.get(`${p.id}:u${l.index}`) ?? 0) >= 5).map((l) => l.index);
    rows.push(playlistOf(p.id, p.name, collaborative, 'public', owner, created, crew.slice(1), items, followers, userIds, trackIds, editors));
  }
  for (const l of world.listeners) {
    for (const [n, id] of l.own_playlists.entries()) {
      const tracks = [...(playedFrom.get(id) ?? [])];
      if (tracks.length === 0) continue;
      const items = tracks.map((track): PlannedItem => ({ track, by: l.index, at: addedBefore(`${id}:${track}`, () => from, l.index) }));
      const created = new Date(Math.min(...items.map((i) => i.at.getTime())) - DAY_MS);
      rows.push(
        playlistOf(
          id,
          n === 0 ? `${l.display_name}'s favourites` : `${l.display_name}'s mix ${n + 1}`,
          false,
          'private',
          userIds[l.index]!,
          created,
          [],
          items,
          [],
          userIds,
          trackIds,
          editors,
        ),
      );
    }
  }
  return rows;
}

function playlistOf(
  id: string,
  name: string,
  collaborative: boolean,
  visibility: 'public' | 'private',
  owner: string,
  created: Date,
  crew: number[],
  planned: PlannedItem[],
  followers: number[],
  userIds: readonly string[],
  trackIds: readonly string[],
  editors: string,
): DemoPlaylistRows {
  const createdAt = new Date(Math.min(created.getTime(), ...planned.map((i) => i.at.getTime() - 60_000)));
  const sorted = [...planned].sort((a, b) => a.at.getTime() - b.at.getTime());
  const keys = evenKeys(sorted.length);
  const items = sorted.map((item, i) => ({
    id: uuidv7(),
    playlist_id: id,
    track_id: trackIds[item.track]!,
    position_key: keys[i]!,
    added_by: item.by === null ? editors : userIds[item.by]!,
    added_at: item.at,
  }));
  let version = 1;
  let seq = 1;
  const activity: DemoPlaylistRows['activity'] = [
    {
      playlist_id: id,
      seq,
      actor_id: owner,
      type: 'playlist_created',
      payload: JSON.stringify({ name, visibility, collaborative }),
      snapshot_id: snapshotId(id, version),
      item_count: 0,
      created_at: createdAt,
    },
  ];
  const collaborators: DemoPlaylistRows['collaborators'] = [{ playlist_id: id, user_id: owner, role: 'owner', added_by: owner }];
  for (const member of crew) {
    const joined = new Date(createdAt.getTime() + 60_000 * (1 + collaborators.length));
    collaborators.push({ playlist_id: id, user_id: userIds[member]!, role: 'editor', added_by: owner, created_at: joined });
    activity.push({
      playlist_id: id,
      seq: ++seq,
      actor_id: owner,
      type: 'collaborator_added',
      payload: JSON.stringify({ user_id: userIds[member]!, role: 'editor' }),
      snapshot_id: snapshotId(id, version),
      item_count: 0,
      created_at: joined,
    });
  }
  // One items_added event per run of adds by one person within an hour, as a client adding a few tracks makes.
  for (let start = 0; start < items.length; ) {
    let end = start + 1;
    while (
      end < items.length &&
      items[end]!.added_by === items[start]!.added_by &&
      items[end]!.added_at.getTime() - items[start]!.added_at.getTime() < 3_600_000
    )
      end++;
    const run = items.slice(start, end).map((item, k) => ({ item_id: item.id, track_id: item.track_id, position: start + k }));
    activity.push({
      playlist_id: id,
      seq: ++seq,
      actor_id: items[start]!.added_by,
      type: 'items_added',
      payload: JSON.stringify({ items: run }),
      snapshot_id: snapshotId(id, ++version),
      item_count: run.length,
      created_at: items[end - 1]!.added_at,
    });
    start = end;
  }
  const last = activity.reduce((a, b) => (b.created_at > a ? b.created_at : a), createdAt);
  return {
    playlist: {
      id,
      owner_id: owner,
      name,
      description: null,
      visibility,
      collaborative,
      version,
      last_seq: seq,
      item_count: items.length,
      created_at: createdAt,
      updated_at: last,
    },
    collaborators,
    items,
    activity,
    followers: followers.map((f) => ({ playlist_id: id, user_id: userIds[f]!, created_at: createdAt })),
  };
}

/**
 * Keeps the published logins' roles right for where the server listens: platform_admin for the demo analyst on a
 * loopback-only demo, taken from every demo login otherwise (also from an earlier loopback run's accounts).
 */
export async function syncDemoRoles(deps: Pick<ServiceDeps, 'db' | 'config'>, log: (line: string) => void): Promise<void> {
  const emails = DEMO_LOGINS.map((l) => l.email);
  if (deps.config.loopbackOnly) {
    if (deps.config.demo)
      await demoQueries.setRole(
        deps.db,
        DEMO_LOGINS.filter((l) => l.key === ADMIN_LOGIN).map((l) => l.email),
        'platform_admin',
        true,
      );
    return;
  }
  const revoked = await demoQueries.setRole(deps.db, emails, 'platform_admin', false);
  if (revoked > 0)
    log(`The demo logins are published and ${deps.config.host} is reachable beyond this machine: platform_admin was taken from ${revoked} of them.`);
}

/** The start-up lines about the demo: its logins, the team's artists with their ids, and a one-line curl for the first one's stats. */
export function demoBanner(demo: Demo, address: string, options: { loopbackOnly: boolean; simulate: boolean }): string[] {
  const role = (login: (typeof DEMO_LOGINS)[number]) => (login.key === ADMIN_LOGIN && options.loopbackOnly ? `${login.role} and platform admin` : login.role);
  const manager = DEMO_LOGINS[0];
  const width = Math.max(0, ...demo.artists.map((a) => a.name.length));
  const first = demo.artists[0];
  const login = `curl -s ${address}/v1/auth/login -H 'content-type: application/json' -d '{"email":"${manager.email}","password":"${manager.password}"}'`;
  const token = `$(${login} | node -pe 'JSON.parse(require("fs").readFileSync(0)).access_token')`;
  return [
    '',
    'Demo logins (POST /v1/auth/login with email and password):',
    ...DEMO_LOGINS.map((l) => `  ${role(l).padEnd(36)} ${l.email}  ${l.password}`),
    '',
    `Demo artists (the ${manager.role} manages them):`,
    ...demo.artists.map((a) => `  ${a.name.padEnd(width)}  ${a.id}`),
    ...(first ? [`${first.name}'s last 28 days, in one line:`, `  curl -s ${address}/v1/artists/${first.id}/stats -H "authorization: Bearer ${token}"`] : []),
    ...(options.simulate
      ? [
          '',
          `A simulator keeps the demo's listeners listening as in their history, about ${demoListensPerHour(demo)} listens an hour (CHORUS_SIMULATE=0 stops it).`,
        ]
      : []),
  ];
}

function toIncoming(l: ReturnType<typeof toNativeListen>): IncomingListen {
  return {
    ...l,
    listened_at: new Date(l.listened_at),
    context_type: l.context?.type ?? 'other',
    context_id: l.context?.id ?? null,
  } as IncomingListen;
}

/**
 * Live listening in real time: the same listeners at the same natural volume and daily rhythm as the seeded
 * history (the rise it planted goes on), sent through the ingestion path.
 */
export function startDemoTraffic(deps: ServiceDeps, demo: Demo) {
  const what = 'the demo listening simulator';
  return startBackgroundTraffic({
    world: demo.world,
    realTime: true,
    seed: Date.now() % 1_000_000,
    trackIds: demo.trackIds,
    userIds: demo.userIds,
    style: 'mixed',
    boost: rise(demo.world, new Date(0)),
    submit: async (_index, listens, userId) => {
      if (!userId || listens.length === 0) return;
      await ingestListens(deps, userId, listens.map(toIncoming), 'native');
      deps.outages.recovered(what);
    },
    onError: (error) => deps.outages.failed(what, error),
  });
}

/** Listens an hour the live simulator sends, on average over the next day: the history's own pace. */
export function demoListensPerHour(demo: Demo, now = new Date()): number {
  const perDay = new ListenGenerator(demo.world, { seed: SEED }).expectedListens(now, new Date(now.getTime() + DAY_MS));
  return Math.round(perDay / 24);
}
