import { ageBracket, type Db, type ListenRow, listenerQueries, listeningQueries, STREAM_THRESHOLD_MS, uuidv7 } from '@chorus/db';
import { aggregateBatchJob } from '@chorus/jobs';
import { problems, type ServiceDeps } from '@chorus/service-kit';
import type { ContextType, Platform } from '@chorus/db';
import { type Attribution, attributedPlatform } from './attribution.rules.js';
import { matchKeyOf, resolveTracks } from './matching.js';

/** A listen as either API describes it, before matching. */
export interface IncomingListen {
  track_id?: string | undefined;
  isrc?: string | null | undefined;
  artist_name?: string | null | undefined;
  track_name?: string | null | undefined;
  release_name?: string | null | undefined;
  listened_at: Date;
  /** Null when the client does not say (ListenBrainz): the listen then counts as a stream. */
  ms_played: number | null;
  duration_ms?: number | null | undefined;
  context_type: ContextType;
  context_id?: string | null | undefined;
  platform: Platform;
  client?: string | null | undefined;
}

export interface IngestResult {
  batch_id: string | null;
  accepted: number;
  duplicates: number;
  unmatched: number;
  /** New listens not stored because, with what the listener already has, they claim more than real time. */
  refused: number;
}

/** The longest play a listen can claim: a day (the native API's bound; a ListenBrainz duration may say 24 days). */
export const MAX_MS_PLAYED = 86_400_000;

async function loadListener(db: Db, userId: string) {
  const user = await listenerQueries.listenerProfile(db, userId);
  if (!user) throw problems.unauthorized('The account of this token no longer exists.', 'unknown_user');
  return user;
}

/**
 * Stores a batch of listens for one listener: matches them against the catalog, writes the events and the
 * outbox row in one transaction, answers after commit, then queues aggregation under the batch id.
 * Listens that would make the listener's hours hold more play than real time allows are refused and counted
 * (config.listenBudgetPerHourSeconds; see listeningQueries.insertBatch).
 * A lost enqueue is harmless: the sweeper finds the batch pending and queues it again.
 * With an attribution (the partner app of the access token) the batch and every listen carry the app, its
 * partner and kind, and the platform comes from the app's device class, whatever the listens claim.
 */
export async function ingestListens(
  deps: Pick<ServiceDeps, 'db' | 'jobs' | 'config'>,
  userId: string,
  listens: IncomingListen[],
  source: 'native' | 'listenbrainz',
  log?: { warn(obj: object, msg: string): void },
  attribution: Attribution | null = null,
): Promise<IngestResult> {
  const { db } = deps;
  const listener = await loadListener(db, userId);

  const { matches, unknownIds } = await resolveTracks(db, listens);
  if (unknownIds.length) {
    throw problems.validation(
      unknownIds.map((i) => ({ pointer: `/listens/${i}/track_id`, detail: 'no such track', in: 'body' })),
      'Some listens name tracks that do not exist.',
    );
  }

  const rows: ListenRow[] = listens.map((l, i) => {
    const isrc = l.isrc ? l.isrc.toUpperCase() : null;
    const match = matches[i];
    const matchKey = matchKeyOf(l);
    // ListenBrainz clients submit only plays that count (half the track or four minutes): a stream.
    const msPlayed = Math.min(l.ms_played ?? l.duration_ms ?? match?.duration_ms ?? STREAM_THRESHOLD_MS, MAX_MS_PLAYED);
    return {
      id: uuidv7(),
      user_id: userId,
      listened_at: l.listened_at,
      track_key: match ? match.track_id : matchKey!,
      track_id: match?.track_id ?? null,
      artist_id: match?.artist_id ?? null,
      ms_played: msPlayed,
      is_stream: l.ms_played === null ? true : msPlayed >= STREAM_THRESHOLD_MS,
      context_type: l.context_type,
      context_id: l.context_id ?? null,
      platform: attributedPlatform(attribution, l.platform),
      client: l.client ?? null,
      country: listener.country,
      age_bracket: ageBracket(listener.birth_year, l.listened_at),
      gender: listener.gender ?? 'unknown',
      artist_name: l.artist_name?.trim() || null,
      track_name: l.track_name?.trim() || null,
      release_name: l.release_name?.trim() || null,
      isrc,
      duration_ms: l.duration_ms ?? null,
      match_key: matchKey,
      app_id: attribution?.app_id ?? null,
      partner_id: attribution?.partner_id ?? null,
      partner_kind: attribution?.partner_kind ?? null,
      device_class: attribution?.device_class ?? null,
    };
  });

  const batchId = uuidv7();
  const { accepted, unmatched, refused } = await listeningQueries.insertBatch(
    db,
    { id: batchId, user_id: userId, source, app_id: attribution?.app_id ?? null, partner_id: attribution?.partner_id ?? null },
    rows,
    {
      hourBudgetMs: deps.config.listenBudgetPerHourSeconds * 1000,
    },
  );
  if (accepted > 0) {
    await deps.jobs.enqueue(aggregateBatchJob, { batchId }).catch((error: unknown) => {
      log?.warn({ err: error, batchId }, 'could not queue aggregation; the outbox sweeper will');
    });
  }
  return { batch_id: accepted > 0 ? batchId : null, accepted, duplicates: rows.length - accepted - refused, unmatched, refused };
}
