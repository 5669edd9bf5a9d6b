import { DateOnly, named, Timestamp, Uuid } from '@chorus/service-kit';
import { type Static, type TSchema, Type } from 'typebox';
import { RANGE_NAMES } from './ranges.rules.js';

export const nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

// --- Requests ---

export const RangeName = Type.Enum([...RANGE_NAMES], {
  description:
    'Whole UTC days (the rollups are daily): 24h = the last whole day (yesterday, UTC), compared with the day before; 7d = the last 7 days including today, 28d, 90d and 365d likewise; all = from the first day with data (or the creation day), at most 1096 days (3 years) back. Default 28d. Not with from/to.',
});

const rangeProperties = {
  range: Type.Optional(RangeName),
  from: Type.Optional(DateOnly),
  to: Type.Optional(
    Type.String({
      format: 'date',
      description: 'With from: a custom range of UTC days, both inclusive; to ≥ from, at most 1096 days (3 years), not after today.',
    }),
  ),
};

export const RangeQuery = Type.Object(rangeProperties, { additionalProperties: false });
export type RangeQueryInput = Static<typeof RangeQuery>;

/** On statistics routes, which answer JSON or CSV: `format` wins over Accept. */
const formatProperty = {
  format: Type.Optional(Type.Enum(['json', 'csv'], { description: 'json or csv; instead of (and over) the Accept header.' })),
};
export const StatsRangeQuery = Type.Object({ ...rangeProperties, ...formatProperty }, { additionalProperties: false });

export const SERIES_METRICS = ['streams', 'listeners', 'skips', 'saves', 'playlist_adds', 'ms_played'] as const;
export const TimeseriesQuery = Type.Object(
  {
    metric: Type.Optional(Type.Enum([...SERIES_METRICS], { description: 'Default streams. listeners = distinct listeners within each bucket.' })),
    granularity: Type.Optional(
      Type.Enum(['day', 'week', 'month'], { description: 'Default day. Weeks are ISO weeks (Monday to Sunday), months calendar months, UTC.' }),
    ),
    ...rangeProperties,
    ...formatProperty,
  },
  { additionalProperties: false },
);
export type TimeseriesInput = Static<typeof TimeseriesQuery>;

const limit = (max: number, fallback: number) => Type.Optional(Type.Integer({ minimum: 1, maximum: max, description: `Default ${fallback}, at most ${max}.` }));
const cursor = Type.Optional(Type.String({ maxLength: 128, description: 'Opaque; from a previous answer.' }));

export const TRACK_SORTS = ['streams', 'listeners', 'skips', 'saves', 'skip_rate'] as const;
export const TracksQuery = Type.Object(
  {
    ...rangeProperties,
    sort: Type.Optional(Type.Enum([...TRACK_SORTS], { description: 'Default streams. Tracks without plays have no skip rate and sort last.' })),
    order: Type.Optional(Type.Enum(['desc', 'asc'], { description: 'Default desc; ties are ordered by title, then id.' })),
    limit: limit(100, 20),
    cursor,
    ...formatProperty,
  },
  { additionalProperties: false },
);
export type TracksInput = Static<typeof TracksQuery>;

export const AudienceQuery = Type.Object(
  {
    ...rangeProperties,
    dimension: Type.Enum(['country', 'age', 'gender'], { description: 'The listener attribute to break the audience down by.' }),
    ...formatProperty,
  },
  { additionalProperties: false },
);
export type AudienceInput = Static<typeof AudienceQuery>;

export const PlaylistsQuery = Type.Object({ ...rangeProperties, limit: limit(100, 20), cursor, ...formatProperty }, { additionalProperties: false });
export type PlaylistsInput = Static<typeof PlaylistsQuery>;

export const RetentionQuery = Type.Object(
  {
    cohorts: Type.Optional(
      Type.Integer({ minimum: 1, maximum: 52, description: 'How many weekly cohorts (ending with the current ISO week) and weeks after sign-up; default 8.' }),
    ),
    ...formatProperty,
  },
  { additionalProperties: false },
);
export type RetentionInput = Static<typeof RetentionQuery>;

export const TrendsQuery = Type.Object(
  {
    market: Type.String({ pattern: '^[A-Z]{2}$', description: 'ISO 3166-1 alpha-2 country of the listeners.' }),
    to: Type.Optional(Type.String({ format: 'date', description: 'The last day of the current 7 days; default today (UTC).' })),
    limit: limit(100, 20),
    min_streams: Type.Optional(
      Type.Integer({ minimum: 1, maximum: 1_000_000_000, description: 'Minimum streams in the market in the last 7 days; default 100.' }),
    ),
    ...formatProperty,
  },
  { additionalProperties: false },
);
export type TrendsInput = Static<typeof TrendsQuery>;

// --- Answers ---

const ChangeReason = nullable(
  Type.Enum(['no_data_in_previous_period', 'previous_period_before_first_data', 'no_previous_value', 'no_current_value'], {
    description:
      'Why change is null (null when it is a number): no_data_in_previous_period, the previous period ends before the first day with data; previous_period_before_first_data, it begins before it, so it holds only part of a period and a change against it would mislead; no_previous_value, previous is 0 or none; no_current_value, a rate without plays now.',
  }),
);

export const Metric = (description: string) =>
  Type.Object(
    {
      value: Type.Number({ description: 'The range.' }),
      previous: Type.Number({ description: 'The same number of days right before the range.' }),
      change: nullable(Type.Number({ description: '(value - previous) / previous; null when the two cannot be compared (change_reason says why).' })),
      change_reason: ChangeReason,
    },
    { description },
  );

export const RateMetric = (description: string) =>
  Type.Object(
    {
      value: nullable(Type.Number({ description: 'Null when there were no plays.' })),
      previous: nullable(Type.Number()),
      change: nullable(Type.Number({ description: 'Relative change; null when the two cannot be compared (change_reason says why).' })),
      change_reason: ChangeReason,
    },
    { description },
  );

/** The resolved days of a range answer, and the period of the same length right before. */
export const Period = {
  range: Type.String({ description: 'The named range, or custom.' }),
  from: DateOnly,
  to: DateOnly,
  days: Type.Integer(),
  previous_from: DateOnly,
  previous_to: DateOnly,
};

const statsProperties = {
  ...Period,
  streams: Metric('Plays of at least 30 seconds.'),
  listeners: Metric('Distinct listeners with at least one stream in the range (exact).'),
  monthly_listeners: Metric('Distinct listeners with at least one stream in the 28 days ending at `to` (previous: ending at previous_to).'),
  skips: Metric('Plays shorter than 30 seconds.'),
  skip_rate: RateMetric('skips / (streams + skips).'),
  saves: Metric('Tracks saved (loved) by listeners, counted on the day of the save.'),
  playlist_adds: Metric('Times a track was added to a playlist.'),
  ms_played: Metric('Milliseconds played, streams and skips together.'),
};

export const ArtistStatsSchema = named('ArtistStats', Type.Object({ artist_id: Uuid, ...statsProperties }));
export const TrackStatsSchema = named('TrackStats', Type.Object({ track_id: Uuid, artist_id: Uuid, ...statsProperties }));

const SeriesPoint = Type.Object({
  start: DateOnly,
  end: DateOnly,
  value: Type.Number(),
});
const seriesProperties = {
  metric: Type.String(),
  granularity: Type.String(),
  ...Period,
  points: Type.Array(SeriesPoint, { description: 'Every bucket of the range in order, zero-filled; start and end are clipped to the range.' }),
};
export const ArtistSeriesSchema = named('ArtistTimeseries', Type.Object({ artist_id: Uuid, ...seriesProperties }));
export const TrackSeriesSchema = named('TrackTimeseries', Type.Object({ track_id: Uuid, artist_id: Uuid, ...seriesProperties }));

const TrackRow = Type.Object({
  track_id: Uuid,
  title: Type.String(),
  streams: Type.Integer(),
  listeners: Type.Integer({ description: 'Distinct listeners of the track in the range.' }),
  skips: Type.Integer(),
  skip_rate: nullable(Type.Number({ description: 'skips / (streams + skips); null without plays.' })),
  saves: Type.Integer(),
  playlist_adds: Type.Integer(),
  ms_played: Type.Integer(),
});
export const ArtistTracksSchema = named(
  'ArtistTopTracks',
  Type.Object({
    artist_id: Uuid,
    ...Period,
    sort: Type.String(),
    order: Type.String(),
    items: Type.Array(TrackRow),
    next_cursor: nullable(Type.String()),
  }),
);

export const AudienceCellSchema = Type.Union([
  Type.Object({
    value: Type.String(),
    listeners: Type.Integer({ description: 'Distinct listeners shown under this value in the range (at least k).' }),
    listener_share: nullable(Type.Number({ description: 'listeners / total_listeners.' })),
    streams: Type.Integer({ description: 'Streams of the days this value is shown on.' }),
    stream_share: nullable(Type.Number({ description: 'streams / total_streams.' })),
  }),
  Type.Object({ value: Type.String(), suppressed: Type.Literal(true) }),
]);
/** What an audience answer holds, for an artist or a partner (k-anonymous per day-cell). */
export const audienceProperties = {
  dimension: Type.String(),
  k: Type.Integer({ description: 'Minimum distinct listeners a value needs on a day to be shown for that day.' }),
  total_listeners: Type.Integer({ description: 'Distinct listeners in the range, exact (as /stats gives them).' }),
  total_streams: Type.Integer({ description: 'Streams in the range, exact.' }),
  unattributed_listeners: Type.Integer({ description: 'Listeners of the range who are shown under no value.' }),
  unattributed_streams: Type.Integer({ description: 'Streams of the range counted under no value.' }),
  suppressed_cells: Type.Integer({ description: 'Age and gender values listed as suppressed.' }),
  withheld: Type.Boolean({ description: 'True when the range has listeners but no value can be shown.' }),
  cells: Type.Array(AudienceCellSchema),
};
export const AudienceSchema = named(
  'ArtistAudience',
  Type.Object({
    artist_id: Uuid,
    ...Period,
    ...audienceProperties,
  }),
);

const SourceRow = Type.Object({
  source: Type.String(),
  streams: Type.Integer(),
  share: nullable(Type.Number()),
  previous_streams: Type.Integer(),
  previous_share: nullable(Type.Number()),
});
const FamilyRow = Type.Object({
  family: Type.String(),
  sources: Type.Array(Type.String()),
  streams: Type.Integer(),
  share: nullable(Type.Number()),
  previous_streams: Type.Integer(),
  previous_share: nullable(Type.Number()),
});
const sourcesProperties = {
  ...Period,
  total_streams: Type.Integer(),
  previous_total_streams: Type.Integer(),
  sources: Type.Array(SourceRow),
  families: Type.Array(FamilyRow),
};
const PartnerKindRow = Type.Object({
  kind: Type.String({
    description:
      "automotive, telecom, device or app: streams submitted with the access token of a partner app of that kind (verified from the app registry); unverified: streams whose client claims a partner context or a car, speaker or tv platform without a partner app's token; none: every other stream.",
  }),
  verified: Type.Boolean({ description: 'True for the partner kinds, whose attribution comes from a partner app token.' }),
  streams: Type.Integer(),
  share: nullable(Type.Number({ description: 'streams / the range’s streams; null without streams.' })),
  previous_streams: Type.Integer(),
  previous_share: nullable(Type.Number()),
});
const NamedPartnerRow = Type.Union([
  Type.Object({
    partner_id: Uuid,
    name: nullable(Type.String({ description: 'Null when the partner has since been deleted.' })),
    kind: Type.String(),
    listeners: Type.Integer({ description: 'Distinct listeners on the days this partner is shown (at least k).' }),
    streams: Type.Integer({ description: 'Verified streams through this partner on the days it is shown.' }),
    share: nullable(Type.Number({ description: 'streams / the range’s streams.' })),
  }),
  Type.Object({
    partner_id: Uuid,
    name: nullable(Type.String()),
    kind: Type.String(),
    suppressed: Type.Literal(true),
  }),
]);
export const ArtistSourcesSchema = named(
  'ArtistSources',
  Type.Object({
    artist_id: Uuid,
    ...sourcesProperties,
    partner_kinds: Type.Array(PartnerKindRow, {
      description: 'Streams by partner kind, every kind listed (automotive, telecom, device, app, unverified, none), for the range and the previous period.',
    }),
    partners: Type.Array(NamedPartnerRow, {
      description:
        'Verified streams per named partner in the range, most streams first, under the same day-cell k-anonymity as the audience (judged within each partner kind): a partner with nothing shown is {partner_id, name, kind, suppressed: true}, after those shown.',
    }),
    partners_k: Type.Integer({ description: 'The k of the named-partner breakdown.' }),
  }),
);

const PlaylistRow = Type.Union([
  Type.Object({
    playlist_id: Uuid,
    name: Type.String(),
    collaborative: Type.Boolean(),
    curators: Type.Integer({ description: 'Collaborators who can add tracks: the owner, editors and contributors.' }),
    streams: Type.Integer(),
  }),
  Type.Object({ private_or_unknown: Type.Literal(true), streams: Type.Integer() }),
]);
export const ArtistPlaylistsSchema = named(
  'ArtistPlaylists',
  Type.Object({
    artist_id: Uuid,
    ...Period,
    total_streams: Type.Integer({ description: 'Streams from every playlist context in the range.' }),
    items: Type.Array(PlaylistRow, {
      description:
        'Public playlists, most streams first; the private_or_unknown row (private playlists and unknown ids together) comes last, on the first page, when it has streams.',
    }),
    next_cursor: nullable(Type.String()),
  }),
);

// --- Product insight ---

export const EngagementSchema = named(
  'ProductEngagement',
  Type.Object({
    ...Period,
    dau: Metric('Daily active listeners: distinct listeners with at least one stream on `to` (previous: on previous_to).'),
    wau: Metric('Distinct listeners with at least one stream in the 7 days ending at `to`.'),
    mau: Metric('Distinct listeners with at least one stream in the 28 days ending at `to`.'),
    stickiness: RateMetric('DAU / MAU.'),
    active_listeners: Metric('Distinct listeners with at least one stream in the range.'),
    average_dau: RateMetric('Mean of the daily active listeners over the days of the range.'),
    streams_per_active_listener: RateMetric('Streams in the range / active_listeners.'),
    skip_rate: RateMetric('skips / (streams + skips) over every play of the range.'),
    daily: Type.Array(Type.Object({ day: DateOnly, dau: Type.Integer(), streams: Type.Integer(), skips: Type.Integer(), ms_played: Type.Integer() }), {
      description: 'Every day of the range, zero-filled.',
    }),
  }),
);

export const ProductSourcesSchema = named(
  'ProductSources',
  Type.Object({
    ...sourcesProperties,
    collaborative_playlists: Type.Object(
      { streams: Type.Integer(), share: nullable(Type.Number()), previous_streams: Type.Integer(), previous_share: nullable(Type.Number()) },
      { description: 'What collaborative playlists contribute: the collaborative_playlist source.' },
    ),
  }),
);

const PlatformRow = Type.Object({
  platform: Type.String(),
  streams: Type.Integer(),
  share: nullable(Type.Number()),
  previous_streams: Type.Integer(),
  previous_share: nullable(Type.Number()),
});
const ShareOf = (description: string) =>
  Type.Object(
    { streams: Type.Integer(), share: nullable(Type.Number()), previous_streams: Type.Integer(), previous_share: nullable(Type.Number()) },
    { description },
  );
export const PlatformsSchema = named(
  'ProductPlatforms',
  Type.Object({
    ...Period,
    total_streams: Type.Integer(),
    previous_total_streams: Type.Integer(),
    platforms: Type.Array(PlatformRow),
    partner: Type.Object({
      context: ShareOf('Streams played through partner integrations (context partner).'),
      devices: ShareOf('Streams on partner device platforms: car, speaker and tv.'),
    }),
  }),
);

export const PartnerKindsQuery = Type.Object(
  {
    granularity: Type.Optional(
      Type.Enum(['day', 'week', 'month'], { description: 'Of the series; default day. Weeks are ISO weeks, months calendar months, UTC.' }),
    ),
    ...rangeProperties,
    ...formatProperty,
  },
  { additionalProperties: false },
);
export type PartnerKindsInput = Static<typeof PartnerKindsQuery>;

export const ProductPartnerKindsSchema = named(
  'ProductPartnerKinds',
  Type.Object({
    ...Period,
    granularity: Type.String(),
    total_streams: Type.Integer(),
    previous_total_streams: Type.Integer(),
    kinds: Type.Array(PartnerKindRow, { description: 'Every partner kind with its streams and share, for the range and the previous period.' }),
    series: Type.Array(
      Type.Object({
        start: DateOnly,
        end: DateOnly,
        total_streams: Type.Integer(),
        kinds: Type.Array(Type.Object({ kind: Type.String(), streams: Type.Integer(), share: nullable(Type.Number()) })),
      }),
      { description: 'Every bucket of the range, in order, clipped to it; each kind with its share of the bucket’s streams.' },
    ),
  }),
);

const ConnectionRetention = (days: number) => ({
  [`retained_${days}d`]: nullable(
    Type.Integer({
      description: `Members of the cohort retained after ${days} days (see retention_${days}d); null until every member's ${days} days have ended.`,
    }),
  ),
  [`retention_${days}d`]: nullable(
    Type.Number({
      description: `retained_${days}d / cohort. A member (a listener whose first new connection to an app of the kind in the bucket was on UTC day c0) is retained after ${days} days when at the end of day c0 + ${days} they are still connected to an app of that kind (any partner of the kind) AND have at least one stream (a play of at least 30 seconds) submitted with the token of an app of that kind on some day from c0 + 1 to c0 + ${days}. Null while the bucket's last day + ${days} is today or later (not yet over), or when the cohort is empty.`,
    }),
  ),
});

export const ProductPartnerConnectionsSchema = named(
  'ProductPartnerConnections',
  Type.Object({
    ...Period,
    granularity: Type.String(),
    kinds: Type.Array(
      Type.Object({
        kind: Type.String({ description: 'The partner kind: automotive, telecom, device or app.' }),
        new_connections: Type.Integer({ description: 'Connections made to apps of partners of the kind in the range.' }),
        previous_new_connections: Type.Integer(),
        revoked_connections: Type.Integer({ description: 'Connections to those apps revoked in the range.' }),
        previous_revoked_connections: Type.Integer(),
        connected_users: Type.Integer({ description: 'Distinct listeners connected to at least one app of the kind at the end of `to`.' }),
        previous_connected_users: Type.Integer({ description: 'The same at the end of previous_to.' }),
      }),
      { description: 'Every partner kind, for the range and the previous period.' },
    ),
    series: Type.Array(
      Type.Object({
        start: DateOnly,
        end: DateOnly,
        kinds: Type.Array(
          Type.Object({
            kind: Type.String(),
            new_connections: Type.Integer(),
            revoked_connections: Type.Integer(),
            connected_users: Type.Integer({ description: 'At the end of the bucket’s last day.' }),
            cohort: Type.Integer({ description: 'Distinct listeners with at least one new connection to an app of the kind in the bucket.' }),
            ...ConnectionRetention(7),
            ...ConnectionRetention(28),
          }),
        ),
      }),
      { description: 'Every bucket of the range, in order, clipped to it; every partner kind in each.' },
    ),
  }),
);

export const RetentionSchema = named(
  'ProductRetention',
  Type.Object({
    weeks: Type.Integer(),
    today: DateOnly,
    cohorts: Type.Array(
      Type.Object({
        week: Type.String({ description: 'ISO week of sign-up, e.g. 2026-W47.' }),
        week_start: DateOnly,
        size: Type.Integer({ description: 'Users who signed up in that week.' }),
        retention: Type.Array(nullable(Type.Number()), {
          description:
            'Index i is week i + 1 after sign-up: the share of the cohort with at least one stream in that ISO week; null until that week has ended, or for an empty cohort.',
        }),
        active: Type.Array(nullable(Type.Integer()), { description: 'The same as counts of listeners.' }),
      }),
    ),
  }),
);

const TrendRow = Type.Object({
  id: Uuid,
  name: Type.String(),
  artist_id: Uuid,
  artist_name: Type.String(),
  current: Type.Integer({ description: 'Streams in the market in the last 7 days.' }),
  previous: Type.Integer({ description: 'Streams in the market in the 7 days before.' }),
  change: nullable(Type.Number({ description: '(current - previous) / previous; null when previous is 0.' })),
  p_value: Type.Number({ description: 'One-sided p-value of the conditional binomial test.' }),
});
export const TrendsSchema = named(
  'ProductTrends',
  Type.Object({
    market: Type.String(),
    current_from: DateOnly,
    current_to: DateOnly,
    previous_from: DateOnly,
    previous_to: DateOnly,
    min_streams: Type.Integer(),
    alpha: Type.Number(),
    artists: Type.Array(TrendRow),
    tracks: Type.Array(TrendRow),
  }),
);

const DiversityPoint = Type.Object({
  start: DateOnly,
  end: DateOnly,
  share_outside_top: nullable(Type.Number()),
  total_streams: Type.Integer(),
  artists: Type.Integer(),
  top_artists: Type.Integer(),
});
export const DiversitySchema = named(
  'ProductDiversity',
  Type.Object({
    ...Period,
    share_outside_top: RateMetric('Share of streams going to artists outside the top 1% of artists by streams in the range.'),
    total_streams: Type.Integer(),
    artists: Type.Integer({ description: 'Artists with at least one stream in the range.' }),
    top_artists: Type.Integer({ description: 'How many artists the top 1% is: ceil(artists / 100), at least 1.' }),
    weekly: Type.Array(DiversityPoint, { description: 'The same per ISO week of the range (clipped to it), each with its own top 1%.' }),
  }),
);

export const LiveEventSchema = Type.Object({
  artist_id: Uuid,
  day: DateOnly,
  streams: Type.Integer(),
  tracks: Type.Array(Type.Object({ track_id: Uuid, title: Type.String(), streams: Type.Integer() })),
  at: Timestamp,
});
export type LiveEvent = Static<typeof LiveEventSchema>;
