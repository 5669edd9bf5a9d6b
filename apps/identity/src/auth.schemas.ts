import { GENDERS, type InternalRole } from '@chorus/db';
import { CountryCode, Timestamp, Uuid } from '@chorus/service-kit';
import { type Static, Type } from 'typebox';

export const INTERNAL_ROLES = ['product_analyst', 'platform_admin'] as const satisfies readonly InternalRole[];

const Email = Type.String({ format: 'email', maxLength: 254, description: 'Compared case-insensitively.' });
const RefreshToken = Type.String({ minLength: 1, maxLength: 512, description: 'A refresh token from log-in or refresh.' });

export const InternalRoleSchema = Type.Enum(INTERNAL_ROLES, { description: 'An internal role, granted by a platform admin.' });

export const UserSchema = Type.Object(
  {
    id: Uuid,
    email: Type.String(),
    display_name: Type.String(),
    country: CountryCode,
    birth_year: Type.Union([Type.Integer(), Type.Null()]),
    gender: Type.Union([Type.Enum(GENDERS), Type.Null()]),
    roles: Type.Array(InternalRoleSchema),
    created_at: Timestamp,
  },
  { description: 'An account as its owner (or a platform admin) sees it.' },
);
export type UserView = Static<typeof UserSchema>;

export const SignupBody = Type.Object(
  {
    email: Email,
    password: Type.String({ minLength: 10, maxLength: 256, description: '10 to 256 characters.' }),
    display_name: Type.String({ minLength: 1, maxLength: 100, pattern: '\\S', description: 'Trimmed; not blank.' }),
    country: Type.String({ pattern: '^[A-Z]{2}$', description: 'ISO 3166-1 alpha-2, upper case, an assigned code.' }),
    birth_year: Type.Optional(Type.Integer({ minimum: 1900, description: 'From 1900 to the current year.' })),
    gender: Type.Optional(Type.Enum(GENDERS)),
  },
  {
    additionalProperties: false,
    examples: [{ email: 'ada@example.com', password: 'correct horse battery', display_name: 'Ada', country: 'SE', birth_year: 1990, gender: 'female' }],
  },
);
export type SignupInput = Static<typeof SignupBody>;

export const LoginBody = Type.Object(
  { email: Email, password: Type.String({ minLength: 1, maxLength: 256 }) },
  { additionalProperties: false, examples: [{ email: 'ada@example.com', password: 'correct horse battery' }] },
);
export type LoginInput = Static<typeof LoginBody>;

export const RefreshBody = Type.Object(
  { refresh_token: RefreshToken },
  { additionalProperties: false, examples: [{ refresh_token: 'q3Vb9yM2lO7bX0cS1vJ8aKq6m8wY3n4tF5uE2rD1hZg' }] },
);
export type RefreshInput = Static<typeof RefreshBody>;

export const TokenResponseSchema = Type.Object(
  {
    access_token: Type.String({ description: 'An EdDSA-signed JWT; verify it with the keys at /.well-known/jwks.json.' }),
    token_type: Type.Literal('Bearer'),
    expires_in: Type.Integer({ description: 'Seconds until the access token expires.' }),
    refresh_token: Type.String({ description: 'Single use: each refresh returns a new one. Reusing a spent one revokes the whole chain.' }),
    scope: Type.String(),
  },
  { description: 'An OAuth 2.0 token response (RFC 6749, section 5.1).' },
);
export type TokenResponse = Static<typeof TokenResponseSchema>;

export const JwksSchema = Type.Object(
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
);
export type Jwks = Static<typeof JwksSchema>;
