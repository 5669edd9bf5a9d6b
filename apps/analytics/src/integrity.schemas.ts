import { DateOnly, named } from '@chorus/service-kit';
import { Type } from 'typebox';
import { Period } from './analytics.schemas.js';

const Count = Type.Object(
  {
    value: Type.Integer({ description: 'The range.' }),
    previous: Type.Integer({ description: 'The same number of days right before.' }),
    change: Type.Union([Type.Number(), Type.Null()]),
  },
  { description: 'change = (value - previous) / previous; null when previous is 0.' },
);

export const IntegritySchema = named(
  'ProductIntegrity',
  Type.Object({
    ...Period,
    refused_listens: Count,
    refused_batches: Count,
    reasons: Type.Array(
      Type.Object({
        reason: Type.String({ description: 'over_real_time: the listener’s listens would cover more play in an hour than real time allows.' }),
        listens: Type.Integer(),
        previous_listens: Type.Integer(),
      }),
    ),
    sources: Type.Array(
      Type.Object({
        source: Type.String({ description: 'The API: native (POST /v1/listens) or listenbrainz.' }),
        listens: Type.Integer(),
        previous_listens: Type.Integer(),
      }),
    ),
    daily: Type.Array(Type.Object({ day: DateOnly, refused_listens: Type.Integer(), refused_batches: Type.Integer() }), {
      description: 'Every day of the range, zero-filled.',
    }),
  }),
);
