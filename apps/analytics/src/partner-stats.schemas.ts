import { DateOnly, named, Timestamp, Uuid } from '@chorus/service-kit';
import { type Static, Type } from 'typebox';
import { audienceProperties, Metric, nullable, Period, RangeName, RateMetric } from './analytics.schemas.js';

// --- Requests ---

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

export const PARTNER_SERIES_METRICS = ['streams', 'listeners', 'skips', 'ms_played'] as const;
export const PartnerTimeseriesQuery = Type.Object(
  {
    metric: Type.Optional(Type.Enum([...PARTNER_SERIES_METRICS], { description: 'Default streams. listeners = distinct listeners within each bucket.' })),
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
