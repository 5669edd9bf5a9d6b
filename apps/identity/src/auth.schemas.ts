import { GENDERS, HANDLE_PATTERN, type InternalRole } from '@chorus/db';
import { CountryCode, named, Timestamp, Uuid } from '@chorus/service-kit';
import { type Static, Type } from 'typebox';

export const INTERNAL_ROLES = ['product_analyst', 'platform_admin'] as const satisfies readonly InternalRole[];

const Email = Type.String({ format: 'email', maxLength: 254, description: 'Compared case-insensitively.' });
const RefreshToken = Type.String({ minLength: 1, maxLength: 512, description: 'A refresh token from log-in or refresh.' });

export const InternalRoleSchema = Type.Enum(INTERNAL_ROLES, { description: 'An internal role, granted by a platform admin.' });
export const RoleParams = Type.Object({ id: Uuid, role: InternalRoleSchema }, { additionalProperties: false });

const HANDLE_RULE = 'Unique and URL-safe: 2 to 32 lower-case letters, digits, `_` and `-`, starting with a letter or digit.';
export const Handle = Type.String({ minLength: 2, maxLength: 32, pattern: HANDLE_PATTERN, description: HANDLE_RULE });
const DisplayName = Type.String({ minLength: 1, maxLength: 100, pattern: '\\S', description: 'Trimmed; not blank.' });
const Country = Type.String({ pattern: '^[A-Z]{2}$', description: 'ISO 3166-1 alpha-2, upper case, an assigned code.' });
const BirthYear = Type.Integer({ minimum: 1900, description: 'From 1900 to the current year.' });

export const UserSchema = named(
  'User',
  Type.Object(
    {
      id: Uuid,
      email: Type.String(),
      handle: Type.String({ description: 'Unique and URL-safe; the public profile is at /v1/users/{handle}.' }),
      display_name: Type.String(),
      country: CountryCode,
      birth_year: Type.Union([Type.Integer(), Type.Null()]),
      gender: Type.Union([Type.Enum(GENDERS), Type.Null()]),
      listens_public: Type.Boolean({ description: 'Whether others may read this listening history.' }),
      roles: Type.Array(InternalRoleSchema),
      created_at: Timestamp,
    },
    { description: 'An account as its owner (or a platform admin) sees it.' },
  ),
);
export type UserView = Static<typeof UserSchema>;

export const SessionSchema = named(
  'Session',
  Type.Object(
    {
      user: UserSchema,
      expires_in: Type.Integer({ description: 'Seconds until the session cookie must be renewed (`POST /v1/auth/session/refresh`).' }),
    },
    { description: 'A signed-in browser session: who it is for. Its tokens are in httpOnly cookies, never in the body.' },
  ),
);

export const SessionStateSchema = named(
  'SessionState',
  Type.Object(
    {
      user: Type.Union([UserSchema, Type.Null()], { description: 'The signed-in account, or null.' }),
      renewable: Type.Boolean({ description: 'A refresh cookie is present: POST /v1/auth/session/refresh can renew the session.' }),
    },
    { description: 'What the browser session cookie says, without failing when there is none.' },
  ),
);

export const SignupBody = named(
  'Signup',
  Type.Object(
    {
      email: Email,
      password: Type.String({ minLength: 10, maxLength: 256, description: '10 to 256 characters.' }),
      display_name: DisplayName,
      handle: Type.Optional(
        Type.String({ minLength: 2, maxLength: 32, pattern: HANDLE_PATTERN, description: `${HANDLE_RULE} Without one, it is derived from the display name.` }),
      ),
      country: Country,
      birth_year: Type.Optional(BirthYear),
      gender: Type.Optional(Type.Enum(GENDERS)),
    },
    {
      additionalProperties: false,
      examples: [
        { email: 'ada@example.com', password: 'correct horse battery', display_name: 'Ada', handle: 'ada', country: 'SE', birth_year: 1990, gender: 'female' },
      ],
    },
  ),
);
export type SignupInput = Static<typeof SignupBody>;

export const UpdateMeBody = named(
  'UpdateMe',
  Type.Object(
    {
      display_name: Type.Optional(DisplayName),
      handle: Type.Optional(Handle),
      country: Type.Optional(Country),
      birth_year: Type.Optional(Type.Union([BirthYear, Type.Null()], { description: 'null removes it.' })),
      gender: Type.Optional(Type.Union([Type.Enum(GENDERS), Type.Null()], { description: 'null removes it.' })),
      listens_public: Type.Optional(Type.Boolean({ description: 'Let others read your listening history.' })),
    },
    { additionalProperties: false, minProperties: 1, examples: [{ handle: 'ada-l', listens_public: true }] },
  ),
);
export type UpdateMeInput = Static<typeof UpdateMeBody>;

export const HandleParams = Type.Object({ handle: Handle }, { additionalProperties: false });

export const ProfileSchema = named(
  'Profile',
  Type.Object(
    {
      handle: Type.String(),
      display_name: Type.String(),
      listens_public: Type.Boolean({ description: 'Whether this listening history is public.' }),
      playlists: Type.Array(Type.Object({ id: Uuid, name: Type.String(), item_count: Type.Integer() }, { additionalProperties: false }), {
        description: 'Public playlists this person owns, newest first (at most 100).',
      }),
    },
    { additionalProperties: false, description: 'What anyone may see of a person.' },
  ),
);
export type ProfileView = Static<typeof ProfileSchema>;

export const LoginBody = named(
  'Login',
  Type.Object(
    { email: Email, password: Type.String({ minLength: 1, maxLength: 256 }) },
    { additionalProperties: false, examples: [{ email: 'ada@example.com', password: 'correct horse battery' }] },
  ),
);
export type LoginInput = Static<typeof LoginBody>;

export const RefreshBody = named(
  'Refresh',
  Type.Object({ refresh_token: RefreshToken }, { additionalProperties: false, examples: [{ refresh_token: 'q3Vb9yM2lO7bX0cS1vJ8aKq6m8wY3n4tF5uE2rD1hZg' }] }),
);
export type RefreshInput = Static<typeof RefreshBody>;

export const TokenResponseSchema = named(
  'TokenResponse',
  Type.Object(
    {
      access_token: Type.String({ description: 'An EdDSA-signed JWT; verify it with the keys at /.well-known/jwks.json.' }),
      token_type: Type.Literal('Bearer'),
      expires_in: Type.Integer({ description: 'Seconds until the access token expires.' }),
      refresh_token: Type.String({ description: 'Single use: each refresh returns a new one. Reusing a spent one revokes the whole chain.' }),
      scope: Type.String(),
    },
    { description: 'An OAuth 2.0 token response (RFC 6749, section 5.1).' },
  ),
);
export type TokenResponse = Static<typeof TokenResponseSchema>;

export const SignupResponseSchema = named(
  'SignupResponse',
  Type.Object({ ...TokenResponseSchema.properties, user: UserSchema }, { description: 'The tokens a log-in answers, and the new account.' }),
);
export type SignupResponse = Static<typeof SignupResponseSchema>;

export const RotationSchema = named(
  'SigningKeyRotation',
  Type.Object(
    {
      kid: Type.String({ description: 'The new signing key, now the one new tokens are signed with.' }),
      retired: Type.Array(
        Type.Object({
          kid: Type.String(),
          retired_at: Timestamp,
          verifies_until: Timestamp,
        }),
        { description: 'The keys it replaced: still published, and still verifying their tokens, until `verifies_until`.' },
      ),
    },
    { description: 'The outcome of a signing-key rotation.' },
  ),
);
export type RotationView = Static<typeof RotationSchema>;

export const JwksSchema = named(
  'Jwks',
  Type.Object(
    {
      keys: Type.Array(
        Type.Object(
          {
            kty: Type.String(),
            crv: Type.String(),
            x: Type.String(),
            kid: Type.String(),
            alg: Type.String(),
            use: Type.String(),
          },
          { additionalProperties: false },
        ),
      ),
    },
    { description: 'A JSON Web Key Set (RFC 7517) of the public keys access tokens are signed with.' },
  ),
);
export type Jwks = Static<typeof JwksSchema>;
