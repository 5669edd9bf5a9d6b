import { DateOnly, Timestamp, Uuid } from '@chorus/service-kit';
import { type Static, Type } from 'typebox';

export const INSIGHT_TYPES = ['trend', 'milestone', 'anomaly', 'audience_shift', 'playlist_momentum', 'forecast'] as const;
export const SEVERITIES = ['info', 'notable', 'major'] as const;

// --- Requests ---

export const ArtistInsightParams = Type.Object({ id: Uuid, insight_id: Uuid }, { additionalProperties: false });

export const InsightsQuery = Type.Object(
  {
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, description: 'Default 20, at most 100.' })),
    cursor: Type.Optional(Type.String({ maxLength: 256, description: 'Opaque; from a previous answer.' })),
    type: Type.Optional(Type.Enum([...INSIGHT_TYPES], { description: 'Only insights of this type.' })),
  },
  { additionalProperties: false },
);
export type InsightsQueryInput = Static<typeof InsightsQuery>;

export const RelatedQuery = Type.Object(
  { limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 50, description: 'Default 10, at most 50.' })) },
  { additionalProperties: false },
);

// --- Answers ---

export const InsightSchema = Type.Object({
  id: Uuid,
  artist_id: Uuid,
  subject: Type.Object({
    kind: Type.Enum(['artist', 'track'], { description: 'The artist itself or one of its tracks.' }),
    id: Uuid,
  }),
  type: Type.Enum([...INSIGHT_TYPES]),
  severity: Type.Enum([...SEVERITIES]),
  title: Type.String(),
  body: Type.String({ description: 'One or two sentences with the numbers behind the insight.' }),
  evidence: Type.Record(Type.String(), Type.Unknown(), {
    description: 'The figures and test behind the insight (aggregates only); its fields depend on the type.',
  }),
  created_at: Timestamp,
  read: Type.Boolean({ description: 'Whether the caller has marked it read.' }),
});
export type Insight = Static<typeof InsightSchema>;

export const InsightPage = Type.Object({
  items: Type.Array(InsightSchema, { description: 'Newest first.' }),
  next_cursor: Type.Union([Type.String(), Type.Null()]),
});
export type InsightPageBody = Static<typeof InsightPage>;

const Band = {
  lower: Type.Number({ description: 'Lower bound of the prediction interval.' }),
  upper: Type.Number({ description: 'Upper bound of the prediction interval.' }),
};

export const ForecastSchema = Type.Object({
  artist_id: Uuid,
  as_of: Type.String({ format: 'date', description: 'The last complete UTC day of history the forecast saw.' }),
  computed_at: Timestamp,
  method: Type.String({ description: 'The model and its fitted parameters.' }),
  level: Type.Number({ description: 'Coverage of the prediction intervals, e.g. 0.8.' }),
  horizon_days: Type.Integer(),
  points: Type.Array(Type.Object({ day: DateOnly, streams: Type.Number({ description: 'Expected streams that day.' }), ...Band }), {
    description: 'One per day, starting the day after as_of.',
  }),
  total: Type.Object({ streams: Type.Number({ description: 'Expected streams over the whole horizon.' }), ...Band }),
});
export type Forecast = Static<typeof ForecastSchema>;

export const RelatedSchema = Type.Object({
  artist_id: Uuid,
  computed_at: Type.Union([Timestamp, Type.Null()], { description: 'When the list was computed; null before the first computation.' }),
  items: Type.Array(
    Type.Object({
      id: Uuid,
      name: Type.String(),
      score: Type.Number({ description: 'Cosine similarity of the two audiences (0 to 1) over the last 90 days.' }),
    }),
    { description: 'Best match first.' },
  ),
});
export type Related = Static<typeof RelatedSchema>;
