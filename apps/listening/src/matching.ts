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
 * Matches references against the catalog in three set-based look-ups (ids, ISRCs, folded names),
 * so a batch of 1,000 listens costs three queries, not a thousand. Result i belongs to reference i.
 */
export async function resolveTracks(db: Db, refs: TrackReference[]): Promise<{ matches: Array<MatchedTrack | undefined>; unknownIds: number[] }> {
  const ids = [...new Set(refs.flatMap((r) => (r.track_id ? [r.track_id] : [])))];
  const isrcs = [...new Set(refs.flatMap((r) => (r.isrc ? [r.isrc.toUpperCase()] : [])))];
  const folded = refs.map((r) => (r.artist_name && r.track_name ? { artist: foldText(r.artist_name), title: foldText(r.track_name), release: foldText(r.release_name ?? '') } : null));
  const [byId, byIsrc, byName] = await Promise.all([
    matchingQueries.byIds(db, ids),
    matchingQueries.byIsrcs(db, isrcs),
    matchingQueries.byNames(db, folded.filter((f, i) => f !== null && !refs[i]!.track_id) as Array<{ artist: string; title: string; release: string }>),
  ]);
  const idMap = new Map(byId.map((r) => [r.track_id, r]));
  const isrcMap = new Map(byIsrc.map((r) => [r.isrc!, r]));
  const nameMap = new Map(byName.map((r) => [`${r.artist}\u001f${r.title}\u001f${r.release}`, r]));
  const unknownIds: number[] = [];
  const matches = refs.map((r, i) => {
    if (r.track_id) {
      const hit = idMap.get(r.track_id);
      if (!hit) unknownIds.push(i);
      return hit;
    }
    const f = folded[i];
    return (r.isrc ? isrcMap.get(r.isrc.toUpperCase()) : undefined) ?? (f ? nameMap.get(`${f.artist}\u001f${f.title}\u001f${f.release}`) : undefined);
  });
  return { matches, unknownIds };
}
