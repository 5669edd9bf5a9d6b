import type { CsvView } from './answer.format.js';
import { toCsv } from './csv.format.js';

interface Period {
  from: string;
  to: string;
}

/** A series as CSV: start,end,<metric>. */
export function seriesCsv(answer: Period & { metric: string; granularity: string; points: Array<{ start: string; end: string; value: number }> }): string {
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
  cells: Array<
    { value: string; suppressed: true } | { value: string; listeners: number; listener_share: number | null; streams: number; stream_share: number | null }
  >;
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

export const STATS_METRICS = ['streams', 'listeners', 'monthly_listeners', 'skips', 'skip_rate', 'saves', 'playlist_adds', 'ms_played'] as const;
export const ENGAGEMENT_METRICS = ['dau', 'wau', 'mau', 'stickiness', 'active_listeners', 'average_dau', 'streams_per_active_listener', 'skip_rate'] as const;

type MetricRow = { value: number | null; previous: number | null; change: number | null; change_reason: string | null };

/** Metrics as CSV: one row per metric with its value, previous value, change and why a change is null. */
function metricsCsv<N extends string>(names: readonly N[], answer: Record<N, MetricRow>): string {
  return toCsv(
    ['metric', 'value', 'previous', 'change', 'change_reason'],
    names.map((name) => {
      const m = answer[name];
      return [name, m.value, m.previous, m.change, m.change_reason];
    }),
  );
}

/** Headline statistics of an artist or a track as CSV, one row per metric. */
export const statsCsv = (answer: Record<(typeof STATS_METRICS)[number], MetricRow>) => metricsCsv(STATS_METRICS, answer);

/** Platform engagement as CSV, one row per metric (the daily series is in the JSON answer). */
export const engagementCsv = (answer: Record<(typeof ENGAGEMENT_METRICS)[number], MetricRow>) => metricsCsv(ENGAGEMENT_METRICS, answer);

type ShareRow = { streams: number; share: number | null; previous_streams: number; previous_share: number | null };

const SHARE_COLUMNS = ['level', 'name', 'streams', 'share', 'previous_streams', 'previous_share'];
const shareRow = (level: string, name: string, r: ShareRow) => [level, name, r.streams, r.share, r.previous_streams, r.previous_share];

/**
 * Sources as CSV: each source, then each family (level says which), with streams and shares for both periods;
 * an artist's answer then adds each partner kind (level partner_kind) and each named partner (level partner,
 * named by id; a suppressed one with empty numbers and no previous period, which is not broken down by partner).
 */
export function sourcesCsv(answer: {
  sources: Array<ShareRow & { source: string }>;
  families: Array<ShareRow & { family: string }>;
  partner_kinds?: Array<ShareRow & { kind: string }>;
  partners?: Array<{ partner_id: string; streams: number; share: number | null } | { partner_id: string; suppressed: true }>;
}): string {
  return toCsv(SHARE_COLUMNS, [
    ...answer.sources.map((r) => shareRow('source', r.source, r)),
    ...answer.families.map((r) => shareRow('family', r.family, r)),
    ...(answer.partner_kinds ?? []).map((r) => shareRow('partner_kind', r.kind, r)),
    ...(answer.partners ?? []).map((r) => ['partner', r.partner_id, 'suppressed' in r ? null : r.streams, 'suppressed' in r ? null : r.share, null, null]),
  ]);
}

/** Platforms as CSV: each platform, then what partners carry (level partner: context and devices). */
export function platformsCsv(answer: { platforms: Array<ShareRow & { platform: string }>; partner: { context: ShareRow; devices: ShareRow } }): string {
  return toCsv(SHARE_COLUMNS, [
    ...answer.platforms.map((r) => shareRow('platform', r.platform, r)),
    shareRow('partner', 'context', answer.partner.context),
    shareRow('partner', 'devices', answer.partner.devices),
  ]);
}

/** Retention as CSV, one row per cohort and week after sign-up (empty until that week has ended). */
export function retentionCsv(answer: {
  cohorts: Array<{ week: string; week_start: string; size: number; retention: Array<number | null>; active: Array<number | null> }>;
}): string {
  return toCsv(
    ['week', 'week_start', 'size', 'weeks_after', 'active', 'retention'],
    answer.cohorts.flatMap((c) => c.active.map((active, i) => [c.week, c.week_start, c.size, i + 1, active, c.retention[i] ?? null])),
  );
}

type TrendRow = { id: string; name: string; artist_id: string; artist_name: string; current: number; previous: number; change: number | null; p_value: number };

/** Trends as CSV: the rising artists, then the rising tracks (kind says which). */
export function trendsCsv(answer: { artists: TrendRow[]; tracks: TrendRow[] }): string {
  const row = (kind: string, r: TrendRow) => [kind, r.id, r.name, r.artist_id, r.artist_name, r.current, r.previous, r.change, r.p_value];
  return toCsv(
    ['kind', 'id', 'name', 'artist_id', 'artist_name', 'current', 'previous', 'change', 'p_value'],
    [...answer.artists.map((r) => row('artist', r)), ...answer.tracks.map((r) => row('track', r))],
  );
}

/** Diversity as CSV: the range, then each ISO week of it (period says which). */
export function diversityCsv(
  answer: Period & {
    share_outside_top: { value: number | null };
    total_streams: number;
    artists: number;
    top_artists: number;
    weekly: Array<{ start: string; end: string; share_outside_top: number | null; total_streams: number; artists: number; top_artists: number }>;
  },
): string {
  return toCsv(
    ['period', 'start', 'end', 'share_outside_top', 'total_streams', 'artists', 'top_artists'],
    [
      ['range', answer.from, answer.to, answer.share_outside_top.value, answer.total_streams, answer.artists, answer.top_artists],
      ...answer.weekly.map((w) => ['week', w.start, w.end, w.share_outside_top, w.total_streams, w.artists, w.top_artists]),
    ],
  );
}

/** Playlists as CSV, in the answer's order; private and unknown playlists are one row with private_or_unknown=true. */
export function playlistsCsv(answer: {
  items: Array<
    { playlist_id: string; name: string; collaborative: boolean; curators: number; streams: number } | { private_or_unknown: true; streams: number }
  >;
}): string {
  return toCsv(
    ['playlist_id', 'name', 'collaborative', 'curators', 'streams', 'private_or_unknown'],
    answer.items.map((i) =>
      'private_or_unknown' in i ? [null, null, null, null, i.streams, true] : [i.playlist_id, i.name, i.collaborative, i.curators, i.streams, false],
    ),
  );
}

/** A CSV view: the layout, and a file name <subject>-<id>-<what>-<from>-<to>.csv. */
export function csvView<T, A extends T & Period = T & Period>(
  subject: string,
  id: string,
  what: string | ((answer: A) => string),
  text: (answer: T) => string,
): CsvView<A> {
  return { name: (answer) => csvName(subject, id, typeof what === 'string' ? what : what(answer), answer), text };
}

export const PARTNER_STATS_METRICS = [
  'streams',
  'listeners',
  'monthly_listeners',
  'skips',
  'skip_rate',
  'ms_played',
  'connected_users',
  'new_connections',
  'revoked_connections',
] as const;

/** A partner's headline statistics as CSV, one row per metric. */
export const partnerStatsCsv = (answer: Record<(typeof PARTNER_STATS_METRICS)[number], MetricRow>) => metricsCsv(PARTNER_STATS_METRICS, answer);

/** A partner's top artists as CSV, in the answer's order. */
export function topArtistsCsv(answer: { items: Array<{ artist_id: string; name: string | null; streams: number; share: number | null }> }): string {
  return toCsv(
    ['artist_id', 'name', 'streams', 'share'],
    answer.items.map((r) => [r.artist_id, r.name, r.streams, r.share]),
  );
}

/** A partner's top tracks as CSV, in the answer's order. */
export function topTracksCsv(answer: {
  items: Array<{ track_id: string; title: string | null; artist_id: string; artist_name: string | null; streams: number; share: number | null }>;
}): string {
  return toCsv(
    ['track_id', 'title', 'artist_id', 'artist_name', 'streams', 'share'],
    answer.items.map((r) => [r.track_id, r.title, r.artist_id, r.artist_name, r.streams, r.share]),
  );
}

type AppFigures = { streams: number; previous_streams: number; listeners: number; skips: number; skip_rate: number | null; ms_played: number };

const CONNECTION_COLUMNS = [
  'connected_users',
  'previous_connected_users',
  'new_connections',
  'previous_new_connections',
  'revoked_connections',
  'previous_revoked_connections',
] as const;
type ConnectionFigures = Record<(typeof CONNECTION_COLUMNS)[number], number>;

/**
 * A partner's apps as CSV: one row per app and device class (level app), then per device class (level
 * device_class), then per app its connections (level connections; the listening columns empty, as the connection
 * columns are on the other rows).
 */
export function partnerAppsCsv(answer: {
  apps: Array<AppFigures & { app_id: string; name: string | null; device_class: string }>;
  device_classes: Array<AppFigures & { device_class: string }>;
  connections: Array<ConnectionFigures & { app_id: string; name: string }>;
}): string {
  const figures = (r: AppFigures) => [r.streams, r.previous_streams, r.listeners, r.skips, r.skip_rate, r.ms_played];
  const none = CONNECTION_COLUMNS.map(() => null);
  return toCsv(
    ['level', 'app_id', 'name', 'device_class', 'streams', 'previous_streams', 'listeners', 'skips', 'skip_rate', 'ms_played', ...CONNECTION_COLUMNS],
    [
      ...answer.apps.map((r) => ['app', r.app_id, r.name, r.device_class, ...figures(r), ...none]),
      ...answer.device_classes.map((r) => ['device_class', null, null, r.device_class, ...figures(r), ...none]),
      ...answer.connections.map((r) => ['connections', r.app_id, r.name, null, null, null, null, null, null, null, ...CONNECTION_COLUMNS.map((c) => r[c])]),
    ],
  );
}

/** The partner-kind share as CSV: the range per kind (period range), then each bucket per kind (period bucket). */
export function partnerKindsCsv(answer: {
  from: string;
  to: string;
  kinds: Array<{ kind: string; streams: number; share: number | null; previous_streams: number; previous_share: number | null }>;
  series: Array<{ start: string; end: string; kinds: Array<{ kind: string; streams: number; share: number | null }> }>;
}): string {
  return toCsv(
    ['period', 'start', 'end', 'kind', 'streams', 'share', 'previous_streams', 'previous_share'],
    [
      ...answer.kinds.map((k) => ['range', answer.from, answer.to, k.kind, k.streams, k.share, k.previous_streams, k.previous_share]),
      ...answer.series.flatMap((b) => b.kinds.map((k) => ['bucket', b.start, b.end, k.kind, k.streams, k.share, null, null])),
    ],
  );
}

type ConnectionKindRow = { kind: string; new_connections: number; revoked_connections: number; connected_users: number };

/**
 * Partner connections by kind as CSV: the range per kind (period range, with the previous period), then each
 * bucket per kind (period bucket, with its cohort and retention).
 */
export function partnerConnectionsCsv(answer: {
  from: string;
  to: string;
  kinds: Array<ConnectionKindRow & { previous_new_connections: number; previous_revoked_connections: number; previous_connected_users: number }>;
  series: Array<{
    start: string;
    end: string;
    kinds: Array<
      ConnectionKindRow & {
        cohort: number;
        retained_7d: number | null;
        retention_7d: number | null;
        retained_28d: number | null;
        retention_28d: number | null;
      }
    >;
  }>;
}): string {
  return toCsv(
    [
      'period',
      'start',
      'end',
      'kind',
      'new_connections',
      'revoked_connections',
      'connected_users',
      'previous_new_connections',
      'previous_revoked_connections',
      'previous_connected_users',
      'cohort',
      'retained_7d',
      'retention_7d',
      'retained_28d',
      'retention_28d',
    ],
    [
      ...answer.kinds.map((k) => [
        'range',
        answer.from,
        answer.to,
        k.kind,
        k.new_connections,
        k.revoked_connections,
        k.connected_users,
        k.previous_new_connections,
        k.previous_revoked_connections,
        k.previous_connected_users,
        null,
        null,
        null,
        null,
        null,
      ]),
      ...answer.series.flatMap((b) =>
        b.kinds.map((k) => [
          'bucket',
          b.start,
          b.end,
          k.kind,
          k.new_connections,
          k.revoked_connections,
          k.connected_users,
          null,
          null,
          null,
          k.cohort,
          k.retained_7d,
          k.retention_7d,
          k.retained_28d,
          k.retention_28d,
        ]),
      ),
    ],
  );
}
