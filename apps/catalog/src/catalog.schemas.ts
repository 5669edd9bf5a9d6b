import { CountryCode, DateOnly, named, Page, type PageQuery, Timestamp, Uuid } from '@chorus/service-kit';
import { type Static, type TSchema, Type } from 'typebox';

// Text is trimmed before it is stored; the pattern refuses text that would be empty once trimmed.
const NOT_BLANK = '\\S';
const text = (maxLength: number, description: string) => Type.String({ minLength: 1, maxLength, pattern: NOT_BLANK, description });
const nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

export const Name = text(200, 'Trimmed; 1 to 200 characters.');
export const Bio = text(5000, 'Trimmed; up to 5000 characters.');
export const Genres = Type.Array(text(40, 'A genre, trimmed; up to 40 characters.'), { maxItems: 10, description: 'Up to 10 genres.' });
export const ArtistRoleSchema = Type.Enum(['admin', 'editor', 'reader'], {
  description: 'admin: manages the team and everything editors do; editor: edits the profile and catalog; reader: reads team-only things.',
});
export const ReleaseTypeSchema = Type.Enum(['album', 'single', 'ep', 'compilation']);
export const CreditRoleSchema = Type.Enum(['featured', 'producer', 'writer', 'composer', 'remixer', 'performer']);
export const Isrc = Type.String({
  pattern: '^[A-Za-z]{2}[A-Za-z0-9]{3}[0-9]{7}$',
  description: 'ISRC without dashes, e.g. GBAYE0601498; stored uppercased and unique across the catalog.',
});
export const DurationMs = Type.Integer({ minimum: 1, maximum: 86_400_000, description: 'Milliseconds, at most one day.' });
export const TrackNumber = Type.Integer({ minimum: 1, maximum: 10_000 });
const CreditInput = Type.Object({ artist_id: Uuid, role: CreditRoleSchema }, { additionalProperties: false });
export const CreditsInput = Type.Array(CreditInput, { maxItems: 50, description: 'Up to 50 credits; each artist and role at most once.' });

// Requests

export const ArtistMemberParams = Type.Object({ id: Uuid, user_id: Uuid }, { additionalProperties: false });

export const CreateArtistBody = named(
  'CreateArtist',
  Type.Object(
    { name: Name, bio: Type.Optional(Bio), country: Type.Optional(CountryCode), genres: Type.Optional(Genres) },
    { additionalProperties: false, examples: [{ name: 'Björk', bio: 'Icelandic singer and composer.', country: 'IS', genres: ['art pop', 'electronic'] }] },
  ),
);
export type CreateArtistInput = Static<typeof CreateArtistBody>;

export const UpdateArtistBody = named(
  'UpdateArtist',
  Type.Object(
    {
      name: Type.Optional(Name),
      bio: Type.Optional(nullable(Bio)),
      country: Type.Optional(nullable(CountryCode)),
      genres: Type.Optional(Genres),
    },
    { additionalProperties: false, minProperties: 1, description: 'At least one field; null clears bio or country.', examples: [{ bio: 'New bio.' }] },
  ),
);
export type UpdateArtistInput = Static<typeof UpdateArtistBody>;

export const Handle = Type.String({
  pattern: '^[A-Za-z0-9][A-Za-z0-9_-]{1,31}$',
  description: "A person's public handle (compared without letter case).",
});

export const InviteBody = named(
  'InviteArtistMember',
  Type.Object(
    {
      handle: Type.Optional(Handle),
      email: Type.Optional(Type.String({ format: 'email', maxLength: 320, description: 'Compared without letter case.' })),
      role: ArtistRoleSchema,
    },
    {
      additionalProperties: false,
      description:
        'Exactly one of handle and email. An invitation by email is answered the same whether or not the address has an account; the person with that email sees it once they sign in.',
      examples: [
        { handle: 'sam-manager', role: 'editor' },
        { email: 'manager@example.com', role: 'reader' },
      ],
    },
  ),
);
export type InviteInput = Static<typeof InviteBody>;

export const InvitationParams = Type.Object({ id: Uuid, invitation_id: Uuid }, { additionalProperties: false });

export const ChangeMemberBody = named(
  'ChangeArtistMember',
  Type.Object({ role: ArtistRoleSchema }, { additionalProperties: false, examples: [{ role: 'admin' }] }),
);

export const CreateReleaseBody = named(
  'CreateRelease',
  Type.Object(
    { title: Name, type: ReleaseTypeSchema, release_date: Type.Optional(DateOnly) },
    { additionalProperties: false, examples: [{ title: 'Homogenic', type: 'album', release_date: '1997-09-22' }] },
  ),
);
export type CreateReleaseInput = Static<typeof CreateReleaseBody>;

export const CreateTrackBody = named(
  'CreateTrack',
  Type.Object(
    {
      title: Name,
      duration_ms: DurationMs,
      isrc: Type.Optional(Isrc),
      release_date: Type.Optional(DateOnly),
      track_number: Type.Optional(TrackNumber),
      credits: Type.Optional(CreditsInput),
    },
    {
      additionalProperties: false,
      description: "release_date defaults to the release's; track_number to the next free one.",
      examples: [
        { title: 'Jóga', duration_ms: 305000, isrc: 'GBAYE9700012', credits: [{ artist_id: '01932c4e-7b1a-7000-8000-000000000001', role: 'producer' }] },
      ],
    },
  ),
);
export type CreateTrackInput = Static<typeof CreateTrackBody>;

export const UpdateTrackBody = named(
  'UpdateTrack',
  Type.Object(
    {
      title: Type.Optional(Name),
      duration_ms: Type.Optional(DurationMs),
      isrc: Type.Optional(nullable(Isrc)),
      release_date: Type.Optional(DateOnly),
      credits: Type.Optional(CreditsInput),
    },
    {
      additionalProperties: false,
      minProperties: 1,
      description: 'At least one field; credits replace the list; null isrc removes it.',
      examples: [{ duration_ms: 306000 }],
    },
  ),
);
export type UpdateTrackInput = Static<typeof UpdateTrackBody>;

export const SearchQuery = Type.Object(
  {
    q: Type.String({ minLength: 1, maxLength: 100, pattern: NOT_BLANK, description: 'Case- and accent-insensitive; matched anywhere in names.' }),
    type: Type.Optional(
      Type.String({ pattern: '^(artist|release|track)(,(artist|release|track))*$', description: 'Comma list; default artist,release,track.' }),
    ),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 50, default: 20, description: 'Per kind.' })),
  },
  { additionalProperties: false },
);
export type SearchInput = Static<typeof SearchQuery>;

export type PageInput = Static<typeof PageQuery>;

export const IsrcParams = Type.Object({ isrc: Isrc }, { additionalProperties: false });

export const IsrcClaimBody = named(
  'ClaimIsrc',
  Type.Object(
    { track_id: Uuid },
    { additionalProperties: false, description: 'The track that is to hold the ISRC.', examples: [{ track_id: '01932c4e-7b1a-7000-8000-000000000001' }] },
  ),
);

// Answers

const Verified = Type.Boolean({ description: 'A platform admin has confirmed the artist is who they say; name matching prefers verified artists.' });
const ArtistRef = Type.Object({ id: Uuid, name: Type.String(), verified: Verified });
const ReleaseRef = Type.Object({ id: Uuid, title: Type.String() });

export const ArtistSchema = named(
  'Artist',
  Type.Object({
    id: Uuid,
    name: Type.String(),
    verified: Verified,
    bio: nullable(Type.String()),
    country: nullable(Type.String()),
    genres: Type.Array(Type.String()),
    created_at: Timestamp,
    updated_at: Timestamp,
  }),
);
export type Artist = Static<typeof ArtistSchema>;

const ReleaseSummary = Type.Object({ id: Uuid, title: Type.String(), type: ReleaseTypeSchema, release_date: nullable(DateOnly) });

export const ArtistDetailSchema = named('ArtistDetail', Type.Object({ ...ArtistSchema.properties, releases: Type.Array(ReleaseSummary) }));
export type ArtistDetail = Static<typeof ArtistDetailSchema>;

export const MemberSchema = named('ArtistMember', Type.Object({ user_id: Uuid, display_name: Type.String(), role: ArtistRoleSchema, created_at: Timestamp }));
export type Member = Static<typeof MemberSchema>;
export const MemberPage = named('ArtistMemberPage', Page(MemberSchema));
export type MemberList = Static<typeof MemberPage>;

const PersonRef = Type.Object({ handle: Type.String(), display_name: Type.String() });

export const InvitationSchema = named(
  'ArtistInvitation',
  Type.Object(
    {
      id: Uuid,
      artist_id: Uuid,
      role: ArtistRoleSchema,
      handle: nullable(Type.String({ description: 'Set when invited by handle.' })),
      display_name: nullable(Type.String({ description: "The invitee's, when invited by handle." })),
      email: nullable(Type.String({ description: 'Set when invited by email; says nothing about whether it has an account.' })),
      invited_by: nullable(PersonRef),
      created_at: Timestamp,
      expires_at: Timestamp,
    },
    { description: 'A pending invitation, as the team admins see it.' },
  ),
);
export type Invitation = Static<typeof InvitationSchema>;
export const InvitationPage = named('ArtistInvitationPage', Page(InvitationSchema));

export const MyInvitationSchema = named(
  'MyArtistInvitation',
  Type.Object({
    id: Uuid,
    artist: ArtistRef,
    role: ArtistRoleSchema,
    invited_by: nullable(PersonRef),
    created_at: Timestamp,
    expires_at: Timestamp,
  }),
);
export type MyInvitation = Static<typeof MyInvitationSchema>;
export const MyInvitationPage = named('MyArtistInvitationPage', Page(MyInvitationSchema));

export const MyArtistSchema = named(
  'MyArtist',
  Type.Object({ id: Uuid, name: Type.String(), verified: Verified, role: ArtistRoleSchema, joined_at: Timestamp }),
);
export type MyArtist = Static<typeof MyArtistSchema>;
export const MyArtistPage = named('MyArtistPage', Page(MyArtistSchema));

export const IsrcClaimSchema = named(
  'IsrcClaim',
  Type.Object({
    isrc: Type.String(),
    track_id: Uuid,
    previous_track_id: nullable(Uuid),
    moved_listens: Type.Integer({
      description:
        "Listens of the previous track carrying this ISRC, now the track's with their counts; any that ingestion wrote meanwhile follow within seconds.",
    }),
  }),
);
export type IsrcClaim = Static<typeof IsrcClaimSchema>;

const TrackSummary = Type.Object({
  id: Uuid,
  title: Type.String(),
  isrc: nullable(Type.String()),
  duration_ms: Type.Integer(),
  release_date: nullable(DateOnly),
  track_number: Type.Integer(),
});

export const ReleaseSchema = named(
  'Release',
  Type.Object({
    id: Uuid,
    title: Type.String(),
    type: ReleaseTypeSchema,
    release_date: nullable(DateOnly),
    artist: ArtistRef,
    tracks: Type.Array(TrackSummary, { description: 'In track_number order.' }),
    created_at: Timestamp,
  }),
);
export type Release = Static<typeof ReleaseSchema>;

export const TrackSchema = named(
  'Track',
  Type.Object({
    id: Uuid,
    title: Type.String(),
    isrc: nullable(Type.String()),
    duration_ms: Type.Integer(),
    release_date: nullable(DateOnly),
    track_number: Type.Integer(),
    artist: ArtistRef,
    release: ReleaseRef,
    credits: Type.Array(Type.Object({ artist_id: Uuid, name: Type.String(), role: CreditRoleSchema })),
    created_at: Timestamp,
    updated_at: Timestamp,
  }),
);
export type Track = Static<typeof TrackSchema>;

export const SearchResultSchema = named(
  'SearchResults',
  Type.Object({
    artists: Type.Optional(
      Type.Array(Type.Object({ id: Uuid, name: Type.String(), verified: Verified, country: nullable(Type.String()), genres: Type.Array(Type.String()) })),
    ),
    releases: Type.Optional(
      Type.Array(Type.Object({ id: Uuid, title: Type.String(), type: ReleaseTypeSchema, release_date: nullable(DateOnly), artist: ArtistRef })),
    ),
    tracks: Type.Optional(
      Type.Array(
        Type.Object({ id: Uuid, title: Type.String(), isrc: nullable(Type.String()), duration_ms: Type.Integer(), artist: ArtistRef, release: ReleaseRef }),
      ),
    ),
  }),
);
export type SearchResult = Static<typeof SearchResultSchema>;
