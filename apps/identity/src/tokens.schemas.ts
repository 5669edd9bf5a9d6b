import { named, Page, Timestamp, Uuid } from '@chorus/service-kit';
import { type Static, Type } from 'typebox';

export const CreateTokenBody = named(
  'CreatePersonalToken',
  Type.Object(
    { name: Type.String({ minLength: 1, maxLength: 100, pattern: '\\S', description: 'What the token is for, e.g. the scrobbler it is pasted into.' }) },
    { additionalProperties: false, examples: [{ name: 'Pano Scrobbler on my phone' }] },
  ),
);
export type CreateTokenInput = Static<typeof CreateTokenBody>;

const TokenFields = {
  id: Uuid,
  name: Type.String(),
  prefix: Type.String({ description: 'The first characters of the token, to tell tokens apart.' }),
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
