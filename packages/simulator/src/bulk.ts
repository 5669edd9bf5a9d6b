import {
  ageBracket,
  type Db,
  DEVICE_CODE_GRANT,
  type DeviceClass,
  foldText,
  type ListenRow,
  listeningQueries,
  newClientId,
  type PartnerKind,
  STREAM_THRESHOLD_MS,
  uuidv7,
} from '@chorus/db';
import { sql } from 'kysely';
import type { Seed } from './random.js';
import { type Boost, ListenGenerator, type SimListen } from './traffic.js';
import { createWorld, type World } from './world.js';

export interface BulkOptions {
  seed: Seed;
  users: number;
  artists: number;
  /** Listens to write, exactly (fewer are stored when some are duplicates). */
  listens: number;
  /** The history covers the last `days` days before `now`. */
  days: number;
  batchSize?: number;
  now?: Date;
  tracksPerArtist?: number;
  /** Writer loops, each on its own connection; default 2. */
  writers?: number;
  boost?: Boost | readonly Boost[];
  /** A world built elsewhere (it must match seed, users and artists); built here when absent. */
  world?: World;
  /** Write exactly `listens` (a counting pass first, default); false takes the generator's scaled volume, about `listens`. */
  exact?: boolean;
  /**
   * Registers a few verified partners with production apps (a car maker, a device maker with a speaker and a TV app,
   * a telecom with a mobile app) and attributes listens to them as their tokens would have: every car, speaker and
   * TV listen to the app of that device class, and a fifth of the listeners' phone listens to the telecom's app.
   */
  partners?: boolean;
  /** Sees every generated listen, in time order, as it is written (the demo derives saves and playlist adds from them). */
  observe?: (listen: SimListen) => void;
  onProgress?: (progress: BulkProgress) => void;
}

export interface BulkProgress {
  phase: 'world' | 'catalog' | 'planning' | 'listens' | 'done';
  total: number;
  /** Listens written (accepted plus duplicates). */
  written: number;
  accepted: number;
  duplicates: number;
  /** Accepted listens whose batch has been applied to the rollups. */
  applied: number;
  batches: number;
  elapsedMs: number;
}

export interface BulkResult {
  world: World;
  /** Database ids by world index. */
  userIds: string[];
  artistIds: string[];
  releaseIds: string[];
  trackIds: string[];
  listens: number;
  accepted: number;
  duplicates: number;
  batches: number;
  appliedBatches: number;
  from: Date;
  to: Date;
  seconds: { world: number; catalog: number; listens: number; total: number };
  rates: {
    /** Listens inserted per second of insert time, with the writers' parallelism. */
    insertPerSecond: number;
    /** Listens applied to rollups per second of apply time, with the writers' parallelism. */
    applyPerSecond: number;
    /** Listens through insert and apply per second of wall time. */
    overallPerSecond: number;
  };
}

const DAY = 86_400_000;
const CHUNK = 1000;

/**
 * Writes a listening history straight into the database for benchmarks: users, a catalog, and `listens`
 * listens over the last `days` days, inserted and then applied batch by batch through the production
 * queries (insertBatch, applyBatch), so the rollups are exactly what live aggregation would have built.
 * Re-running against the same database reuses the users and catalog it finds (matched by email and ISRC).
 */
export async function bulkLoad(db: Db, options: BulkOptions): Promise<BulkResult> {
  const started = Date.now();
  const batchSize = options.batchSize ?? 5000;
  const writers = options.writers ?? 2;
  if (!(options.days > 0)) throw new RangeError('days must be positive');
  if (!Number.isInteger(options.listens) || options.listens < 0) throw new RangeError('listens must be a non-negative integer');
  if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 50_000) throw new RangeError('batchSize must be an integer from 1 to 50,000');
  const to = options.now ?? new Date();
  const from = new Date(to.getTime() - options.days * DAY);
  const progress: BulkProgress = { phase: 'world', total: options.listens, written: 0, accepted: 0, duplicates: 0, applied: 0, batches: 0, elapsedMs: 0 };
  const report = (phase: BulkProgress['phase']) => {
    progress.phase = phase;
    progress.elapsedMs = Date.now() - started;
    options.onProgress?.({ ...progress });
  };

  report('world');
  const world =
    options.world ??
    createWorld({
      seed: options.seed,
      users: options.users,
      artists: options.artists,
      tracksPerArtist: options.tracksPerArtist,
      startYear: to.getUTCFullYear(),
    });
  const worldDone = Date.now();

  report('catalog');
  const userIds = await insertUsers(db, world);
  const catalog = await insertCatalog(db, world);
  const partnerApps = options.partners ? await insertPartners(db) : undefined;
  await listeningQueries.ensurePartitions(db, from, to);
  const catalogDone = Date.now();

  report('planning');
  const generator = new ListenGenerator(world, { seed: options.seed, ...(options.boost ? { boost: options.boost } : {}) });
  const stream = generator.generate({ from, to, targetListens: options.listens, exact: options.exact ?? true });
  // Generating the first listen runs the counting pass; do it before the clock for the writers starts.
  let pending = stream.next();
  const nextChunk = (): ListenRow[] => {
    const rows: ListenRow[] = [];
    while (rows.length < batchSize && !pending.done) {
      options.observe?.(pending.value);
      rows.push(rowOf(pending.value, world, userIds, catalog, partnerApps));
      pending = stream.next();
    }
    return rows;
  };

  report('listens');
  const listensStarted = Date.now();
  let insertMs = 0;
  let applyMs = 0;
  let appliedBatches = 0;
  let lastReport = 0;
  const writer = async () => {
    for (let rows = nextChunk(); rows.length > 0; rows = nextChunk()) {
      const batch = { id: uuidv7(), user_id: rows[0]!.user_id, source: 'native' as const };
      const t0 = Date.now();
      const { accepted } = await retrying(() => listeningQueries.insertBatch(db, batch, rows));
      const t1 = Date.now();
      insertMs += t1 - t0;
      progress.written += rows.length;
      progress.accepted += accepted;
      progress.duplicates += rows.length - accepted;
      if (accepted > 0) {
        progress.batches++;
        await retrying(() => listeningQueries.applyBatch(db, batch.id));
        applyMs += Date.now() - t1;
        appliedBatches++;
        progress.applied += accepted;
      }
      if (Date.now() - lastReport >= 250) {
        lastReport = Date.now();
        report('listens');
      }
    }
  };
  await Promise.all(Array.from({ length: writers }, writer));
  const done = Date.now();
  report('done');

  const listensSeconds = (done - listensStarted) / 1000;
  const perSecond = (n: number, ms: number) => (ms > 0 ? n / (ms / 1000 / writers) : 0);
  return {
    world,
    userIds,
    artistIds: catalog.artistIds,
    releaseIds: catalog.releaseIds,
    trackIds: catalog.trackIds,
    listens: progress.written,
    accepted: progress.accepted,
    duplicates: progress.duplicates,
    batches: progress.batches,
    appliedBatches,
    from,
    to,
    seconds: {
      world: (worldDone - started) / 1000,
      catalog: (catalogDone - worldDone) / 1000,
      listens: listensSeconds,
      total: (done - started) / 1000,
    },
    rates: {
      insertPerSecond: perSecond(progress.written, insertMs),
      applyPerSecond: perSecond(progress.accepted, applyMs),
      overallPerSecond: listensSeconds > 0 ? progress.written / listensSeconds : 0,
    },
  };
}

interface CatalogIds {
  artistIds: string[];
  releaseIds: string[];
  trackIds: string[];
}

/** What a listen sent with a partner app's token carries (see the listening service's attribution). */
interface AppAttribution {
  app_id: string;
  partner_id: string;
  partner_kind: PartnerKind;
  device_class: DeviceClass | null;
}

type SimulatedApps = Record<'car' | 'speaker' | 'tv' | 'mobile', AppAttribution>;

const SIMULATED_PARTNERS: Array<{ name: string; kind: PartnerKind; apps: Array<[keyof SimulatedApps, string, DeviceClass | null]> }> = [
  { name: 'Simulated Motors', kind: 'automotive', apps: [['car', 'Simulated Motors head unit', 'car']] },
  {
    name: 'Simulated Home',
    kind: 'device',
    apps: [
      ['speaker', 'Simulated Home speaker', 'speaker'],
      ['tv', 'Simulated Home TV', 'tv'],
    ],
  },
  { name: 'Simulated Telecom', kind: 'telecom', apps: [['mobile', 'Simulated Telecom music', null]] },
];

/** The simulated partners and their apps, verified and in production; reused when a previous load made them. */
async function insertPartners(db: Db): Promise<SimulatedApps> {
  const apps = {} as SimulatedApps;
  for (const partner of SIMULATED_PARTNERS) {
    const found = await db.selectFrom('partners').select('id').where('name', '=', partner.name).executeTakeFirst();
    const partnerId = found?.id ?? uuidv7();
    if (!found) {
      await db
        .insertInto('partners')
        .values({ id: partnerId, name: partner.name, kind: partner.kind, website_url: 'https://partner.example.com', verified_at: new Date() })
        .execute();
    }
    for (const [use, name, deviceClass] of partner.apps) {
      const app = await db.selectFrom('partner_apps').select('id').where('partner_id', '=', partnerId).where('name', '=', name).executeTakeFirst();
      const appId = app?.id ?? uuidv7();
      if (!app) {
        await db
          .insertInto('partner_apps')
          .values({
            id: appId,
            partner_id: partnerId,
            client_id: newClientId(),
            name,
            client_type: 'public',
            redirect_uris: [],
            grant_types: [DEVICE_CODE_GRANT, 'refresh_token'],
            scopes: ['listens:write', 'listens:read'],
            device_class: deviceClass,
            review_state: 'production',
          })
          .execute();
      }
      apps[use] = { app_id: appId, partner_id: partnerId, partner_kind: partner.kind, device_class: deviceClass };
    }
  }
  return apps;
}

/** The app a simulated listen came through, if any: devices by their class, a fifth of the listeners' phones. */
function appOf(listen: SimListen, apps: SimulatedApps | undefined): AppAttribution | undefined {
  if (!apps) return undefined;
  if (listen.platform === 'car' || listen.platform === 'speaker' || listen.platform === 'tv') return apps[listen.platform];
  if ((listen.platform === 'ios' || listen.platform === 'android') && listen.userIndex % 5 === 0) return apps.mobile;
  return undefined;
}

/** One listen as ingestion would store it, naming the track fully (ids, ISRC and names) as a rich client does. */
function rowOf(listen: SimListen, world: World, userIds: string[], catalog: CatalogIds, apps?: SimulatedApps): ListenRow {
  const listener = world.listeners[listen.userIndex]!;
  const track = world.tracks[listen.trackIndex]!;
  const artist = world.artists[track.artist_index]!;
  const trackId = catalog.trackIds[track.index]!;
  return {
    id: uuidv7(),
    user_id: userIds[listen.userIndex]!,
    listened_at: listen.listened_at,
    track_key: trackId,
    track_id: trackId,
    artist_id: catalog.artistIds[artist.index]!,
    ms_played: listen.ms_played,
    is_stream: listen.ms_played >= STREAM_THRESHOLD_MS,
    context_type: listen.context.type,
    context_id: listen.context.id ?? null,
    platform: listen.platform,
    client: listen.client,
    country: listener.country,
    age_bracket: ageBracket(listener.birth_year, listen.listened_at),
    gender: listener.gender ?? 'unknown',
    artist_name: artist.name,
    track_name: track.title,
    release_name: world.releases[track.release_index]!.title,
    isrc: track.isrc,
    duration_ms: track.duration_ms,
    match_key: `n:${foldText(artist.name)}\u001f${foldText(track.title)}`,
    ...appOf(listen, apps),
  };
}

/** Deadlocks and serialization failures are transient: retry a few times (both steps are safe to repeat). */
async function retrying<T>(fn: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn();
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      if (attempt >= 5 || (code !== '40P01' && code !== '40001')) throw error;
      await new Promise((r) => setTimeout(r, 50 * attempt));
    }
  }
}

function chunks<T>(items: readonly T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Inserts the world's listeners (password_hash 'x': they never log in) and returns their ids, reusing accounts that exist. */
async function insertUsers(db: Db, world: World): Promise<string[]> {
  const ids: string[] = [];
  for (const part of chunks(world.listeners)) {
    await db
      .insertInto('users')
      .values(
        part.map((l) => ({
          id: uuidv7(),
          email: l.email,
          password_hash: 'x',
          display_name: l.display_name,
          country: l.country,
          birth_year: l.birth_year,
          gender: l.gender,
        })),
      )
      .onConflict((oc) => oc.expression(sql`lower(email)`).doNothing())
      .execute();
    const rows = await db
      .selectFrom('users')
      .select(['id', 'email'])
      .where(
        sql<string>`lower(email)`,
        'in',
        part.map((l) => l.email.toLowerCase()),
      )
      .execute();
    const byEmail = new Map(rows.map((r) => [r.email.toLowerCase(), r.id]));
    for (const l of part) ids.push(byEmail.get(l.email.toLowerCase())!);
  }
  return ids;
}

/**
 * Inserts artists, releases and tracks. An artist whose tracks are all found by ISRC is reused as it is;
 * one with only some of them is an error (the database holds another catalog under the same ISRCs).
 */
async function insertCatalog(db: Db, world: World): Promise<CatalogIds> {
  const existing = new Map<string, { id: string; artist_id: string; release_id: string }>();
  for (const part of chunks(world.tracks, 5000)) {
    const rows = await db
      .selectFrom('tracks')
      .select(['id', 'artist_id', 'release_id', 'isrc'])
      .where(
        'isrc',
        'in',
        part.map((t) => t.isrc),
      )
      .execute();
    for (const r of rows) if (r.isrc) existing.set(r.isrc.trim(), r);
  }
  const artistIds: string[] = [];
  const releaseIds: string[] = [];
  const trackIds: string[] = [];
  const newArtists: Array<{ id: string; name: string; name_folded: string; country: string; genres: string[] }> = [];
  const newReleases: Array<{
    id: string;
    artist_id: string;
    title: string;
    title_folded: string;
    type: World['releases'][number]['type'];
    release_date: string;
  }> = [];
  const newTracks: Array<{
    id: string;
    release_id: string;
    artist_id: string;
    title: string;
    title_folded: string;
    isrc: string;
    duration_ms: number;
    release_date: string;
    track_number: number;
  }> = [];

  for (const artist of world.artists) {
    const found = artist.tracks.map((t) => existing.get(world.tracks[t]!.isrc));
    if (found.every((f) => f !== undefined)) {
      artistIds[artist.index] = found[0]!.artist_id;
      for (const t of artist.tracks) {
        const row = existing.get(world.tracks[t]!.isrc)!;
        trackIds[t] = row.id;
        releaseIds[world.tracks[t]!.release_index] = row.release_id;
      }
      continue;
    }
    if (found.some((f) => f !== undefined)) {
      throw new Error(`the database already holds some but not all tracks of simulated artist "${artist.name}" (by ISRC); load into a fresh database`);
    }
    const artistId = uuidv7();
    artistIds[artist.index] = artistId;
    newArtists.push({ id: artistId, name: artist.name, name_folded: foldText(artist.name), country: artist.country, genres: artist.genres });
    for (const r of artist.releases) {
      const release = world.releases[r]!;
      const releaseId = uuidv7();
      releaseIds[r] = releaseId;
      newReleases.push({
        id: releaseId,
        artist_id: artistId,
        title: release.title,
        title_folded: foldText(release.title),
        type: release.type,
        release_date: release.release_date,
      });
      for (const t of release.tracks) {
        const track = world.tracks[t]!;
        const trackId = uuidv7();
        trackIds[t] = trackId;
        newTracks.push({
          id: trackId,
          release_id: releaseId,
          artist_id: artistId,
          title: track.title,
          title_folded: foldText(track.title),
          isrc: track.isrc,
          duration_ms: track.duration_ms,
          release_date: release.release_date,
          track_number: track.track_number,
        });
      }
    }
  }
  for (const part of chunks(newArtists)) await db.insertInto('artists').values(part).execute();
  for (const part of chunks(newReleases)) await db.insertInto('releases').values(part).execute();
  for (const part of chunks(newTracks)) await db.insertInto('tracks').values(part).execute();
  return { artistIds, releaseIds, trackIds };
}
