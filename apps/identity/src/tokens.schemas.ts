import { DEFAULT_PERSONAL_TOKEN_SCOPES, named, PERSONAL_TOKEN_SCOPES, Page, Timestamp, Uuid } from '@chorus/service-kit';
import { type Static, Type } from 'typebox';

const PersonalTokenScope = named(
  'PersonalTokenScope',
  Type.Enum([...PERSONAL_TOKEN_SCOPES], { description: 'A scope a personal token may hold: any a person may grant, never an internal one.' }),
);

export const CreateTokenBody = named(
  'CreatePersonalToken',
  Type.Object(
    {
      name: Type.String({ minLength: 1, maxLength: 100, pattern: '\\S', description: 'What the token is for, e.g. the scrobbler it is pasted into.' }),
      scopes: Type.Optional(
        Type.Array(PersonalTokenScope, {
          minItems: 1,
          maxItems: PERSONAL_TOKEN_SCOPES.length,
          description: `What the token may do on /v1 and the ListenBrainz-compatible API; by default ${DEFAULT_PERSONAL_TOKEN_SCOPES.join(' and ')} (what a scrobbler needs).`,
        }),
      ),
    },
    { additionalProperties: false, examples: [{ name: 'Pano Scrobbler on my phone' }, { name: 'My stats script', scopes: ['listens:read', 'profile:read'] }] },
  ),
);
export type CreateTokenInput = Static<typeof CreateTokenBody>;

const TokenFields = {
  id: Uuid,
  name: Type.String(),
  prefix: Type.String({ description: 'The first characters of the token, to tell tokens apart.' }),
  scopes: Type.Array(Type.String(), { description: 'What the token may do.' }),
  created_at: Timestamp,
};

export const CreatedTokenSchema = named(
  'PersonalTokenCreated',
  Type.Object(
    { ...TokenFields, token: Type.String({ description: 'The token itself: shown this once, never again. Send it as `Authorization: Token <token>`.' }) },
    { description: 'A new personal API token.' },
  ),
);
export type CreatedToken = Static<typeof CreatedTokenSchema>;

export const TokenSummarySchema = named(
  'PersonalToken',
  Type.Object({ ...TokenFields, last_used_at: Type.Union([Timestamp, Type.Null()]) }, { description: 'A personal API token, without its secret.' }),
);

export const TokenPageSchema = named('PersonalTokenPage', Page(TokenSummarySchema));
export type TokenPage = Static<typeof TokenPageSchema>;
