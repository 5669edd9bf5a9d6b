import { CONTEXT_TYPES, PLATFORMS } from '@chorus/db';
import { named, Page, rawBody, Timestamp, Uuid } from '@chorus/service-kit';
import { Type } from 'typebox';
import { LB_DEFAULT_IMPORT_SERVICE, LB_IMPORT_SERVICES, MAX_IMPORT_TS } from './listenbrainz-reads.rules.js';
import { LB_MAX_BODY_BYTES, LB_MAX_LISTEN_BYTES, LB_MAX_LISTENS_PER_IMPORT, LB_MAX_NAME_CHARS } from './listenbrainz.rules.js';

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
    listened_at: Type.String({ format: 'date-time', maxLength: 64, description: 'When playback started, RFC 3339.' }),
    ms_played: Type.Integer({ minimum: 0, maximum: 86_400_000 }),
    context: Type.Optional(ContextSchema),
    platform: Type.Union(PLATFORMS.map((p) => Type.Literal(p))),
    client: Type.Optional(Type.String({ minLength: 1, maxLength: 128 })),
  },
  { additionalProperties: false },
);

export const SubmitListensBody = named(
  'SubmitListens',
  Type.Object(
    { listens: Type.Array(NativeListenSchema, { minItems: 1, maxItems: 1000 }) },
    {
      additionalProperties: false,
      examples: [
        {
          listens: [
            {
              isrc: 'SEXYZ2600001',
              listened_at: '2026-11-26T08:15:00Z',
              ms_played: 183000,
              platform: 'ios',
              context: { type: 'playlist', id: '0193f2c4-8b1e-7c2a-9d4f-1a2b3c4d5e6f' },
            },
            { artist_name: 'Björk', track_name: 'Jóga', listened_at: '2026-11-26T08:18:03Z', ms_played: 12000, platform: 'ios' },
          ],
        },
      ],
    },
  ),
);

export const SubmitListensResult = named(
  'SubmitListensResult',
  Type.Object({
    batch_id: Type.Union([Uuid, Type.Null()], { description: 'Null when every listen was a duplicate.' }),
    accepted: Type.Integer({ description: 'New listens stored.' }),
    duplicates: Type.Integer({ description: 'Listens already stored (same listener, track and time).' }),
    unmatched: Type.Integer({ description: 'Accepted listens that match no catalog track yet; they count once one does.' }),
    refused: Type.Integer({
      description:
        'New listens not stored because, with the listener’s listens already stored, they would cover more play than real time allows: each UTC hour holds at most CHORUS_LISTEN_BUDGET_PER_HOUR seconds (default 5,100: 3,600 × 1.25 for overlapping devices, plus slack); a listen covers ms_played (at least 1 s) from listened_at on.',
    }),
  }),
);

export const ListenItem = named(
  'Listen',
  Type.Object({
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
  }),
);

export const ListenPage = named('ListenPage', Page(ListenItem));

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
    from: Type.Optional(Type.String({ format: 'date-time', maxLength: 64 })),
    to: Type.Optional(Type.String({ format: 'date-time', maxLength: 64 })),
  },
  { additionalProperties: false },
);

// The ListenBrainz-compatible bodies, as documented. The routes read them raw, whatever the content type, and apply
// ListenBrainz's own rules and error shapes (listenbrainz.rules.ts, listenbrainz-reads.rules.ts).
export const NowPlayingSchema = Type.Object({
  track: Type.Union([Type.Object({ id: Uuid, title: Type.String(), artist: Type.Object({ id: Uuid, name: Type.String() }) }), Type.Null()]),
  artist_name: Type.Union([Type.String(), Type.Null()]),
  track_name: Type.Union([Type.String(), Type.Null()]),
  release_name: Type.Union([Type.String(), Type.Null()]),
  started_at: Type.String({ format: 'date-time' }),
  expires_at: Type.String({ format: 'date-time' }),
  platform: Type.String(),
  client: Type.Union([Type.String(), Type.Null()]),
  app: Type.Optional(
    Type.Union(
      [
        Type.Object({
          id: Uuid,
          name: Type.String(),
          partner_id: Uuid,
          partner_kind: Type.String(),
          device_class: Type.Union([Type.String(), Type.Null()]),
        }),
        Type.Null(),
      ],
      { description: "The partner app whose access token set this (from the app registry, never the client's claim); null for first-party clients." },
    ),
  ),
});

export const NowPlayingBody = Type.Object(
  {
    track_id: Type.Optional(Uuid),
    isrc: Type.Optional(Isrc),
    artist_name: Type.Optional(Type.String({ minLength: 1, maxLength: 512 })),
    track_name: Type.Optional(Type.String({ minLength: 1, maxLength: 512 })),
    release_name: Type.Optional(Type.String({ maxLength: 512 })),
    position_ms: Type.Optional(Type.Integer({ minimum: 0, maximum: 86_400_000 })),
    platform: Type.Union(PLATFORMS.map((p) => Type.Literal(p))),
    client: Type.Optional(Type.String({ minLength: 1, maxLength: 128 })),
  },
  { additionalProperties: false, examples: [{ track_id: '0193f2c4-8b1e-7c2a-9d4f-1a2b3c4d5e6f', position_ms: 0, platform: 'car', client: 'Volvo Sensus' }] },
);

const LbName = Type.String({ minLength: 1, maxLength: LB_MAX_NAME_CHARS });

const LbListen = Type.Object({
  listened_at: Type.Optional(
    Type.Union([Type.Integer(), Type.Number(), Type.String({ maxLength: 32 })], {
      description: 'Unix seconds, read as Python int() reads it (a numeric string or a float too); from 2002-10-01 to an hour ahead. Absent for playing_now.',
    }),
  ),
  track_metadata: Type.Object({
    artist_name: LbName,
    track_name: LbName,
    release_name: Type.Optional(Type.String({ maxLength: LB_MAX_NAME_CHARS })),
    additional_info: Type.Optional(
      Type.Object(
        {},
        {
          additionalProperties: true,
          description:
            'MBIDs, isrc, duration_ms, tags (at most 50 of 64 characters), submission_client, media_player, music_service (128 characters each) and any other keys ListenBrainz keeps.',
        },
      ),
    ),
  }),
});

export const LbSubmissionBody = rawBody(
  named(
    'ListenBrainzSubmission',
    Type.Object(
      {
        listen_type: Type.Enum(['single', 'playing_now', 'import']),
        payload: Type.Array(LbListen, {
          minItems: 1,
          maxItems: LB_MAX_LISTENS_PER_IMPORT,
          description: 'single and playing_now: exactly one listen; import: up to 1,000.',
        }),
      },
      { description: `ListenBrainz's submission: at most ${LB_MAX_BODY_BYTES} bytes in all, ${LB_MAX_LISTEN_BYTES} per listen.` },
    ),
  ),
);

export const LbLatestImportBody = rawBody(
  named(
    'ListenBrainzLatestImport',
    Type.Object({
      ts: Type.Integer({ minimum: 0, maximum: MAX_IMPORT_TS, description: 'Unix seconds of the newest listen imported; the mark only moves forward.' }),
      service: Type.Optional(Type.Enum([...LB_IMPORT_SERVICES], { description: `The service imported from; default ${LB_DEFAULT_IMPORT_SERVICE}.` })),
    }),
  ),
);

export const LbErrorSchema = Type.Object({ code: Type.Integer(), error: Type.String() }, { description: 'ListenBrainz error shape.' });
export const LbUserParams = Type.Object({ user_name: Type.String({ maxLength: 100, description: 'The listener’s handle.' }) });
export const LbTrackMetadata = Type.Object({
  artist_name: Type.String(),
  track_name: Type.String(),
  release_name: Type.Optional(Type.String()),
  additional_info: Type.Record(Type.String(), Type.Union([Type.String(), Type.Number()])),
});
