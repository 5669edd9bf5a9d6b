export interface RelatedArtist {
  artist_id: string;
  /** Cosine similarity of listener sets: |A ∩ B| / sqrt(|A| |B|). */
  score: number;
  /** Listeners in common. */
  overlap: number;
}

export interface RelatedArtistsInput {
  /** Listener ids per artist id (duplicates are ignored). */
  listenersByArtist: ReadonlyMap<string, ReadonlySet<string> | readonly string[]>;
  /** Pairs sharing fewer listeners are never reported (default 5). */
  minOverlap?: number;
  /** Related artists kept per artist (default 20). */
  limit?: number;
  /**
   * Listeners with more artists than this still count towards each artist's audience size but add no pair
   * overlaps (default 200). Pair work grows with the square of a listener's artist count, and someone who
   * listens to everything says little about which artists go together.
   */
  maxArtistsPerListener?: number;
}

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Related artists by co-listening cosine similarity, which does not favour merely popular artists. */
export function relatedArtists(input: RelatedArtistsInput): Map<string, RelatedArtist[]> {
  const minOverlap = input.minOverlap ?? 5;
  const limit = input.limit ?? 20;
  const maxPerListener = input.maxArtistsPerListener ?? 200;

  const artistIds = [...input.listenersByArtist.keys()].sort(compareIds);
  const listenerIndex = new Map<string, number>();
  const artistListeners: Int32Array[] = [];
  const listenerArtists: number[][] = [];
  for (let a = 0; a < artistIds.length; a++) {
    const unique = new Set(input.listenersByArtist.get(artistIds[a]!)!);
    const ids = new Int32Array(unique.size);
    let i = 0;
    for (const l of unique) {
      let li = listenerIndex.get(l);
      if (li === undefined) {
        li = listenerArtists.length;
        listenerIndex.set(l, li);
        listenerArtists.push([]);
      }
      listenerArtists[li]!.push(a);
      ids[i++] = li;
    }
    artistListeners.push(ids);
  }
  const capped = listenerArtists.map((as) => (as.length > maxPerListener ? null : as));

  // Sparse A·Aᵀ one row at a time: a dense counter plus a touched list keeps each row linear in its pairs.
  const counts = new Int32Array(artistIds.length);
  const touched: number[] = [];
  const result = new Map<string, RelatedArtist[]>();
  for (let a = 0; a < artistIds.length; a++) {
    for (const li of artistListeners[a]!) {
      const others = capped[li];
      if (!others) continue;
      for (const b of others) {
        if (b === a) continue;
        if (counts[b] === 0) touched.push(b);
        counts[b]!++;
      }
    }
    const sizeA = artistListeners[a]!.length;
    const related: RelatedArtist[] = [];
    for (const b of touched) {
      const overlap = counts[b]!;
      counts[b] = 0;
      if (overlap < minOverlap) continue;
      related.push({ artist_id: artistIds[b]!, score: overlap / Math.sqrt(sizeA * artistListeners[b]!.length), overlap });
    }
    touched.length = 0;
    related.sort((x, y) => y.score - x.score || compareIds(x.artist_id, y.artist_id));
    result.set(artistIds[a]!, related.slice(0, limit));
  }
  return result;
}
