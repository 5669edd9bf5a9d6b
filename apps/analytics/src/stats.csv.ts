import { toCsv } from './csv.format.js';

interface Period {
  from: string;
  to: string;
}

/** A series as CSV: start,end,<metric>. */
export function seriesCsv(answer: Period & { metric: string; points: Array<{ start: string; end: string; value: number }> }): string {
  return toCsv(
    ['start', 'end', answer.metric],
    answer.points.map((p) => [p.start, p.end, p.value]),
  );
}

export const TRACK_COLUMNS = ['track_id', 'title', 'streams', 'listeners', 'skips', 'skip_rate', 'saves', 'playlist_adds', 'ms_played'] as const;

/** The tracks table as CSV, the rows of this page in the answer's order. */
export function tracksCsv(answer: { items: Array<Record<(typeof TRACK_COLUMNS)[number], string | number | null>> }): string {
  return toCsv(
    TRACK_COLUMNS,
    answer.items.map((item) => TRACK_COLUMNS.map((c) => item[c])),
  );
}

export const AUDIENCE_COLUMNS = ['value', 'listeners', 'listener_share', 'streams', 'stream_share', 'suppressed'] as const;

/** Audience cells as CSV; a suppressed cell has empty numbers and suppressed=true. */
export function audienceCsv(answer: {
  cells: Array<{ value: string; suppressed: true } | { value: string; listeners: number; listener_share: number | null; streams: number; stream_share: number | null }>;
}): string {
  return toCsv(
    AUDIENCE_COLUMNS,
    answer.cells.map((c) =>
      'suppressed' in c ? [c.value, null, null, null, null, true] : [c.value, c.listeners, c.listener_share, c.streams, c.stream_share, false],
    ),
  );
}

/** A file name that says what and when: <subject>-<id>-<what>-<from>-<to>.csv. */
export function csvName(subject: string, id: string, what: string, period: Period): string {
  return `${subject}-${id}-${what}-${period.from}-${period.to}.csv`;
}
