import { type Db, foldText, type MatchedTrack, matchingQueries } from '@chorus/db';

export interface TrackReference {
  track_id?: string | undefined;
  isrc?: string | null | undefined;
  artist_name?: string | null | undefined;
  track_name?: string | null | undefined;
  release_name?: string | null | undefined;
}

/** The key under which an unmatched listen waits for a track: folded artist and title, else its ISRC. */
export function matchKeyOf(ref: TrackReference): string | null {
  if (ref.artist_name && ref.track_name) return `n:${foldText(ref.artist_name)}\u001f${foldText(ref.track_name)}`;
  return ref.isrc ? `i:${ref.isrc.toUpperCase()}` : null;
}

/**
 * A track's artist never changes and tracks are never deleted, so what a listen needs from a track named by id
 * can be kept: for a minute, per database (a WeakMap on the Db, so tests in their own schemas never share one).
 * Only a duration edit can then be seen late, by listens that say neither how long they played nor the track's
 * duration. Ids the catalog does not know are never kept: the track may be created the next moment.
 * Each batch names hundreds of tracks, and looking them up again was a tenth of ingestion's work in PostgreSQL.
 */
const TRACK_TTL_MS = 60_000;
const TRACK_CACHE_MAX = 100_000;
const trackCaches = new WeakMap<Db, Map<string, { track: MatchedTrack; until: number }>>();

async function tracksByIds(db: Db, ids: Iterable<string>): Promise<Map<string, MatchedTrack>> {
  let cache = trackCaches.get(db);
  if (!cache) {
    cache = new Map();
    trackCaches.set(db, cache);
  }
  const now = Date.now();
  const found = new Map<string, MatchedTrack>();
  const missing: string[] = [];
  for (const id of ids) {
    const hit = cache.get(id);
    if (hit !== undefined && hit.until > now) found.set(id, hit.track);
    else missing.push(id);
  }
  if (missing.length > 0) {
    const rows = await matchingQueries.byIds(db, missing);
    if (cache.size + rows.length > TRACK_CACHE_MAX) cache.clear();
    for (const row of rows) {
      found.set(row.track_id, row);
      cache.set(row.track_id, { track: row, until: now + TRACK_TTL_MS });
    }
  }
  return found;
}

/**
 * Matches references against the catalog in three set-based look-ups (ids, ISRCs, folded names),
 * so a batch of 1,000 listens costs three queries, not a thousand. Result i belongs to reference i.
 */
export async function resolveTracks(db: Db, refs: TrackReference[]): Promise<{ matches: Array<MatchedTrack | undefined>; unknownIds: number[] }> {
  // Plain loops: this runs over every listen of every batch, and flatMap's one-element arrays showed in profiles.
  const ids = new Set<string>();
  const isrcs = new Set<string>();
  const folded = new Array<{ artist: string; title: string; release: string } | null>(refs.length);
  const byNameKeys: Array<{ artist: string; title: string; release: string }> = [];
  for (let i = 0; i < refs.length; i++) {
    const r = refs[i]!;
    if (r.track_id) ids.add(r.track_id);
    if (r.isrc) isrcs.add(r.isrc.toUpperCase());
    const f =
      r.artist_name && r.track_name ? { artist: foldText(r.artist_name), title: foldText(r.track_name), release: foldText(r.release_name ?? '') } : null;
    folded[i] = f;
    if (f && !r.track_id) byNameKeys.push(f);
  }
  const [idMap, byIsrc, byName] = await Promise.all([tracksByIds(db, ids), matchingQueries.byIsrcs(db, [...isrcs]), matchingQueries.byNames(db, byNameKeys)]);
  const isrcMap = new Map(byIsrc.map((r) => [r.isrc!, r]));
  const nameMap = new Map(byName.map((r) => [`${r.artist}\u001f${r.title}\u001f${r.release}`, r]));
  const unknownIds: number[] = [];
  const matches = new Array<MatchedTrack | undefined>(refs.length);
  for (let i = 0; i < refs.length; i++) {
    const r = refs[i]!;
    if (r.track_id) {
      const hit = idMap.get(r.track_id);
      if (!hit) unknownIds.push(i);
      matches[i] = hit;
      continue;
    }
    const f = folded[i];
    matches[i] = (r.isrc ? isrcMap.get(r.isrc.toUpperCase()) : undefined) ?? (f ? nameMap.get(`${f.artist}\u001f${f.title}\u001f${f.release}`) : undefined);
  }
  return { matches, unknownIds };
}
