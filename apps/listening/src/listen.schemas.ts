import { CONTEXT_TYPES, PLATFORMS } from '@chorus/db';
import { Page, Timestamp, Uuid } from '@chorus/service-kit';
import { Type } from 'typebox';


export const Isrc = Type.String({ pattern: '^[A-Za-z]{2}[A-Za-z0-9]{3}[0-9]{7}$', description: 'ISRC, 12 characters.' });
const Name = Type.String({ minLength: 1, maxLength: 512 });

export const ContextSchema = Type.Object(
  {
    type: Type.Union(CONTEXT_TYPES.map((c) => Type.Literal(c))),
    id: Type.Optional(Type.String({ minLength: 1, maxLength: 128, description: 'The playlist, album or artist id, where there is one.' })),
  },
  { additionalProperties: false },
);

export const NativeListenSchema = Type.Object(
  {
    track_id: Type.Optional(Uuid),
    isrc: Type.Optional(Isrc),
    artist_name: Type.Optional(Name),
    track_name: Type.Optional(Name),
    release_name: Type.Optional(Type.String({ maxLength: 512 })),
    listened_at: Type.String({ format: 'date-time', description: 'When playback started, RFC 3339.' }),
    ms_played: Type.Integer({ minimum: 0, maximum: 86_400_000 }),
    context: Type.Optional(ContextSchema),
    platform: Type.Union(PLATFORMS.map((p) => Type.Literal(p))),
    client: Type.Optional(Type.String({ minLength: 1, maxLength: 128 })),
  },
  { additionalProperties: false },
);

export const SubmitListensBody = Type.Object(
  { listens: Type.Array(NativeListenSchema, { minItems: 1, maxItems: 1000 }) },
  {
    additionalProperties: false,
    examples: [
      {
        listens: [
          { isrc: 'SEXYZ2600001', listened_at: '2026-11-26T08:15:00Z', ms_played: 183000, platform: 'ios', context: { type: 'playlist', id: '0193f2c4-8b1e-7c2a-9d4f-1a2b3c4d5e6f' } },
          { artist_name: 'Björk', track_name: 'Jóga', listened_at: '2026-11-26T08:18:03Z', ms_played: 12000, platform: 'ios' },
        ],
      },
    ],
  },
);

export const SubmitListensResult = Type.Object({
  batch_id: Type.Union([Uuid, Type.Null()], { description: 'Null when every listen was a duplicate.' }),
  accepted: Type.Integer({ description: 'New listens stored.' }),
  duplicates: Type.Integer({ description: 'Listens already stored (same listener, track and time).' }),
  unmatched: Type.Integer({ description: 'Accepted listens that match no catalog track yet; they count once one does.' }),
});

export const ListenItem = Type.Object({
  listened_at: Timestamp,
  ms_played: Type.Integer(),
  is_stream: Type.Boolean(),
  matched: Type.Boolean(),
  track: Type.Union([Type.Object({ id: Uuid, title: Type.String(), artist: Type.Object({ id: Uuid, name: Type.String() }) }), Type.Null()]),
  artist_name: Type.Union([Type.String(), Type.Null()]),
  track_name: Type.Union([Type.String(), Type.Null()]),
  release_name: Type.Union([Type.String(), Type.Null()]),
  isrc: Type.Union([Type.String(), Type.Null()]),
  context: Type.Object({ type: Type.String(), id: Type.Union([Type.String(), Type.Null()]) }),
  platform: Type.String(),
  client: Type.Union([Type.String(), Type.Null()]),
});

export const ListenPage = Page(ListenItem);

export const HistoryQuery = Type.Object(
  {
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 50 })),
    cursor: Type.Optional(Type.String({ maxLength: 512 })),
    unmatched: Type.Optional(Type.Boolean({ description: 'Only listens that match no catalog track yet.' })),
  },
  { additionalProperties: false },
);

export const RangeQuery = Type.Object(
  {
    from: Type.Optional(Type.String({ format: 'date-time' })),
    to: Type.Optional(Type.String({ format: 'date-time' })),
  },
  { additionalProperties: false },
);
