import { DateOnly, named, Timestamp, Uuid } from '@chorus/service-kit';
import { type Static, Type } from 'typebox';
import { audienceProperties, Metric, nullable, Period, RangeName, RateMetric } from './analytics.schemas.js';

// --- Requests ---

/** Who counts as connected, as every answer that counts connections says it. */
export const CONNECTED =
  "distinct listeners with a live connection (an OAuth approval not since revoked) to at least one of the partner's apps; a listener connected at the end of a UTC day was connected before the day ended and had not revoked by then";
const CONNECTIONS =
  'A connection is counted when a listener approves an app (again after revoking it; approving an app they are connected to is not a new connection) and counted as revoked when they disconnect it. Counts only: no listener is named.';

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
const formatProperty = {
  format: Type.Optional(Type.Enum(['json', 'csv'], { description: 'json or csv; instead of (and over) the Accept header.' })),
};

export const CONNECTION_SERIES_METRICS = ['new_connections', 'revoked_connections', 'connected_users'] as const;
export const PARTNER_SERIES_METRICS = ['streams', 'listeners', 'skips', 'ms_played', ...CONNECTION_SERIES_METRICS] as const;
export const PartnerTimeseriesQuery = Type.Object(
  {
    metric: Type.Optional(
      Type.Enum([...PARTNER_SERIES_METRICS], {
        description: `Default streams. listeners = distinct listeners within each bucket. new_connections and revoked_connections: connections of listeners to the partner's apps made and revoked in each bucket. connected_users: ${CONNECTED} at the end of each bucket's last day (clipped to the range).`,
      }),
    ),
    granularity: Type.Optional(
      Type.Enum(['day', 'week', 'month'], { description: 'Default day. Weeks are ISO weeks (Monday to Sunday), months calendar months, UTC.' }),
    ),
    ...rangeProperties,
    ...formatProperty,
  },
  { additionalProperties: false },
);
export type PartnerTimeseriesInput = Static<typeof PartnerTimeseriesQuery>;

export const PartnerTopQuery = Type.Object(
  {
    ...rangeProperties,
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, description: 'Default 20, at most 100.' })),
    ...formatProperty,
  },
  { additionalProperties: false },
);
export type PartnerTopInput = Static<typeof PartnerTopQuery>;

// --- Answers ---

export const PartnerStatsSchema = named(
  'PartnerStats',
  Type.Object({
    partner_id: Uuid,
    ...Period,
    streams: Metric("Plays of at least 30 seconds submitted with the partner's app tokens."),
    listeners: Metric('Distinct listeners with at least one such stream in the range (exact).'),
    monthly_listeners: Metric('Distinct listeners with at least one such stream in the 28 days ending at `to` (previous: ending at previous_to).'),
    skips: Metric('Plays shorter than 30 seconds.'),
    skip_rate: RateMetric('skips / (streams + skips).'),
    ms_played: Metric('Milliseconds played, streams and skips together.'),
    connected_users: Metric(
      `Connected users: ${CONNECTED}; value at the end of \`to\`, previous at the end of previous_to. Exact; a listener connected to two of the apps counts once.`,
    ),
    new_connections: Metric(`Connections made to the partner's apps in the range. ${CONNECTIONS}`),
    revoked_connections: Metric("Connections to the partner's apps revoked (disconnected by the listener) in the range."),
  }),
);

const SeriesPoint = Type.Object({ start: DateOnly, end: DateOnly, value: Type.Number() });
export const PartnerSeriesSchema = named(
  'PartnerTimeseries',
  Type.Object({
    partner_id: Uuid,
    metric: Type.String(),
    granularity: Type.String(),
    ...Period,
    points: Type.Array(SeriesPoint, { description: 'Every bucket of the range in order, zero-filled; start and end are clipped to the range.' }),
  }),
);

export const PartnerTopArtistsSchema = named(
  'PartnerTopArtists',
  Type.Object({
    partner_id: Uuid,
    ...Period,
    total_artists: Type.Integer({ description: 'Artists with at least one stream through the partner in the range.' }),
    items: Type.Array(
      Type.Object({
        artist_id: Uuid,
        name: nullable(Type.String({ description: 'Null when the artist has since been removed.' })),
        streams: Type.Integer(),
        share: nullable(Type.Number({ description: "streams / the partner's streams in the range." })),
      }),
      { description: 'Most streams first; ties by artist id.' },
    ),
  }),
);

export const PartnerTopTracksSchema = named(
  'PartnerTopTracks',
  Type.Object({
    partner_id: Uuid,
    ...Period,
    total_tracks: Type.Integer({ description: 'Tracks with at least one stream through the partner in the range.' }),
    items: Type.Array(
      Type.Object({
        track_id: Uuid,
        title: nullable(Type.String()),
        artist_id: Uuid,
        artist_name: nullable(Type.String()),
        streams: Type.Integer(),
        share: nullable(Type.Number({ description: "streams / the partner's streams in the range." })),
      }),
      { description: 'Most streams first; ties by track id.' },
    ),
  }),
);

export const PartnerAudienceSchema = named(
  'PartnerAudience',
  Type.Object({
    partner_id: Uuid,
    ...Period,
    ...audienceProperties,
  }),
);

const AppFigures = {
  streams: Type.Integer(),
  previous_streams: Type.Integer({ description: 'Streams in the previous period.' }),
  listeners: Type.Integer({ description: 'Distinct listeners with at least one stream in the range (exact).' }),
  skips: Type.Integer(),
  skip_rate: nullable(Type.Number({ description: 'skips / (streams + skips); null without plays.' })),
  ms_played: Type.Integer(),
};
export const PartnerAppsSchema = named(
  'PartnerAppStats',
  Type.Object({
    partner_id: Uuid,
    ...Period,
    apps: Type.Array(
      Type.Object({
        app_id: Uuid,
        name: nullable(Type.String({ description: 'Null when the app has since been deleted.' })),
        device_class: Type.String({
          description: "The app's device class when the listens were submitted: car, speaker, tv, wearable, other, or unspecified.",
        }),
        ...AppFigures,
      }),
      { description: 'Per app and device class with plays in the range or the previous period; most streams first, ties by app id.' },
    ),
    device_classes: Type.Array(Type.Object({ device_class: Type.String(), ...AppFigures }), {
      description: "Per device class over all of the partner's apps (a listener on two apps of a class counts once), most streams first.",
    }),
    connections: Type.Array(
      Type.Object({
        app_id: Uuid,
        name: Type.String(),
        connected_users: Type.Integer({ description: 'Listeners connected to the app at the end of `to`.' }),
        previous_connected_users: Type.Integer({ description: 'At the end of previous_to.' }),
        new_connections: Type.Integer({ description: 'Connections made to the app in the range.' }),
        previous_new_connections: Type.Integer(),
        revoked_connections: Type.Integer({ description: 'Connections to the app revoked in the range.' }),
        previous_revoked_connections: Type.Integer(),
      }),
      {
        description: `Per app of the partner (every app registered now, zeros included): connections. ${CONNECTIONS} Most connected users first, ties by app id.`,
      },
    ),
  }),
);

export const PartnerLiveEventSchema = Type.Object({
  partner_id: Uuid,
  day: DateOnly,
  streams: Type.Integer(),
  skips: Type.Integer(),
  apps: Type.Array(Type.Object({ app_id: Uuid, name: nullable(Type.String()), streams: Type.Integer(), skips: Type.Integer() })),
  at: Timestamp,
});
export type PartnerLiveEvent = Static<typeof PartnerLiveEventSchema>;
