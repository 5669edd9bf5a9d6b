import { CountryCode, DateOnly, Page, Timestamp, Uuid } from '@chorus/service-kit';
import { type Static, type TSchema, Type } from 'typebox';

export type { TypeBoxTypeProvider as TypeBoxProvider } from '@chorus/service-kit';

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

export const CreateArtistBody = Type.Object(
  { name: Name, bio: Type.Optional(Bio), country: Type.Optional(CountryCode), genres: Type.Optional(Genres) },
  { additionalProperties: false, examples: [{ name: 'Björk', bio: 'Icelandic singer and composer.', country: 'IS', genres: ['art pop', 'electronic'] }] },
);
export type CreateArtistInput = Static<typeof CreateArtistBody>;

export const UpdateArtistBody = Type.Object(
  {
    name: Type.Optional(Name),
    bio: Type.Optional(nullable(Bio)),
    country: Type.Optional(nullable(CountryCode)),
    genres: Type.Optional(Genres),
  },
  { additionalProperties: false, minProperties: 1, description: 'At least one field; null clears bio or country.', examples: [{ bio: 'New bio.' }] },
);
export type UpdateArtistInput = Static<typeof UpdateArtistBody>;

export const AddMemberBody = Type.Object(
  {
    user_id: Type.Optional(Uuid),
    email: Type.Optional(Type.String({ format: 'email', maxLength: 320 })),
    role: ArtistRoleSchema,
  },
  { additionalProperties: false, description: 'Exactly one of user_id and email.', examples: [{ email: 'manager@example.com', role: 'editor' }] },
);
export type AddMemberInput = Static<typeof AddMemberBody>;

export const ChangeMemberBody = Type.Object({ role: ArtistRoleSchema }, { additionalProperties: false, examples: [{ role: 'admin' }] });

export const CreateReleaseBody = Type.Object(
  { title: Name, type: ReleaseTypeSchema, release_date: Type.Optional(DateOnly) },
  { additionalProperties: false, examples: [{ title: 'Homogenic', type: 'album', release_date: '1997-09-22' }] },
);
export type CreateReleaseInput = Static<typeof CreateReleaseBody>;

export const CreateTrackBody = Type.Object(
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
    description: 'release_date defaults to the release\'s; track_number to the next free one.',
    examples: [{ title: 'Jóga', duration_ms: 305000, isrc: 'GBAYE9700012', credits: [{ artist_id: '01932c4e-7b1a-7000-8000-000000000001', role: 'producer' }] }],
  },
);
export type CreateTrackInput = Static<typeof CreateTrackBody>;

export const UpdateTrackBody = Type.Object(
  {
    title: Type.Optional(Name),
    duration_ms: Type.Optional(DurationMs),
    isrc: Type.Optional(nullable(Isrc)),
    release_date: Type.Optional(DateOnly),
    credits: Type.Optional(CreditsInput),
  },
  { additionalProperties: false, minProperties: 1, description: 'At least one field; credits replace the list; null isrc removes it.', examples: [{ duration_ms: 306000 }] },
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

// Answers

const ArtistRef = Type.Object({ id: Uuid, name: Type.String() });
const ReleaseRef = Type.Object({ id: Uuid, title: Type.String() });

export const ArtistSchema = Type.Object({
  id: Uuid,
  name: Type.String(),
  bio: nullable(Type.String()),
  country: nullable(Type.String()),
  genres: Type.Array(Type.String()),
  created_at: Timestamp,
  updated_at: Timestamp,
});
export type Artist = Static<typeof ArtistSchema>;

const ReleaseSummary = Type.Object({ id: Uuid, title: Type.String(), type: ReleaseTypeSchema, release_date: nullable(DateOnly) });

export const ArtistDetailSchema = Type.Object({ ...ArtistSchema.properties, releases: Type.Array(ReleaseSummary) });
export type ArtistDetail = Static<typeof ArtistDetailSchema>;

export const MemberSchema = Type.Object({ user_id: Uuid, display_name: Type.String(), role: ArtistRoleSchema, created_at: Timestamp });
export type Member = Static<typeof MemberSchema>;
export const MemberPage = Page(MemberSchema);
export type MemberList = Static<typeof MemberPage>;

const TrackSummary = Type.Object({
  id: Uuid,
  title: Type.String(),
  isrc: nullable(Type.String()),
  duration_ms: Type.Integer(),
  release_date: nullable(DateOnly),
  track_number: Type.Integer(),
});

export const ReleaseSchema = Type.Object({
  id: Uuid,
  title: Type.String(),
  type: ReleaseTypeSchema,
  release_date: nullable(DateOnly),
  artist: ArtistRef,
  tracks: Type.Array(TrackSummary, { description: 'In track_number order.' }),
  created_at: Timestamp,
});
export type Release = Static<typeof ReleaseSchema>;

export const TrackSchema = Type.Object({
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
});
export type Track = Static<typeof TrackSchema>;

export const SearchResultSchema = Type.Object({
  artists: Type.Optional(
    Type.Array(Type.Object({ id: Uuid, name: Type.String(), country: nullable(Type.String()), genres: Type.Array(Type.String()) })),
  ),
  releases: Type.Optional(
    Type.Array(Type.Object({ id: Uuid, title: Type.String(), type: ReleaseTypeSchema, release_date: nullable(DateOnly), artist: ArtistRef })),
  ),
  tracks: Type.Optional(
    Type.Array(Type.Object({ id: Uuid, title: Type.String(), isrc: nullable(Type.String()), duration_ms: Type.Integer(), artist: ArtistRef, release: ReleaseRef })),
  ),
});
export type SearchResult = Static<typeof SearchResultSchema>;
