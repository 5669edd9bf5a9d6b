import { plural } from './format.js';
import { formatInt, isoWeek } from './stats.js';
import type { InsightCandidate, Severity, Subject } from './types.js';

export interface PlaylistAdds {
  /** Playlists the track was added to in the week. */
  total: number;
  /** How many of those playlists are collaborative. */
  collaborative: number;
}

export interface PlaylistMomentumInput {
  /** The track. */
  subject: Subject;
  asOf: string;
  addsLast7: PlaylistAdds;
  addsPrev7: PlaylistAdds;
  /** Minimum playlist adds this week (default 10). */
  minAdds?: number;
}

function momentumSeverity(total: number, ratio: number): Severity {
  if (total >= 100 && ratio >= 4) return 'major';
  if (total >= 100 || ratio >= 4) return 'notable';
  return 'info';
}

/** Flags a track added to at least minAdds playlists this week and at least twice as many as the week before. */
export function detectPlaylistMomentum(input: PlaylistMomentumInput): InsightCandidate[] {
  const { subject, asOf, addsLast7: cur, addsPrev7: prev } = input;
  const minAdds = input.minAdds ?? 10;
  if (cur.total < minAdds || cur.total < 2 * prev.total) return [];
  const ratio = prev.total > 0 ? cur.total / prev.total : Number.POSITIVE_INFINITY;
  const collab = cur.collaborative > 0 ? `${formatInt(cur.collaborative)} of them collaborative` : 'none of them collaborative';
  const before = prev.total > 0 ? `against ${formatInt(prev.total)} the week before` : 'after none the week before';
  return [
    {
      type: 'playlist_momentum',
      severity: momentumSeverity(cur.total, ratio),
      title: `${subject.name} added to ${formatInt(cur.total)} ${plural(cur.total, 'playlist', 'playlists')} this week`,
      body: `${subject.name} was added to ${formatInt(cur.total)} ${plural(cur.total, 'playlist', 'playlists')} this week, ${collab}, ${before}.`,
      evidence: {
        adds_last_7: cur.total,
        collaborative_last_7: cur.collaborative,
        adds_prev_7: prev.total,
        collaborative_prev_7: prev.collaborative,
        ratio: Number.isFinite(ratio) ? ratio : null,
        min_adds: minAdds,
        as_of: asOf,
      },
      dedupe_key: `playlist_momentum:${isoWeek(asOf)}`,
      subject,
    },
  ];
}
