import { named, Page, PageQuery, Timestamp } from '@chorus/service-kit';
import { type Static, Type } from 'typebox';

export const ConnectionSchema = named(
  'Connection',
  Type.Object(
    {
      client_id: Type.String({ description: 'The app’s OAuth client id.' }),
      app_name: Type.String(),
      partner_name: Type.String({ description: 'The organisation that makes the app.' }),
      partner_verified: Type.Boolean({ description: 'Chorus verified the organisation is who it says.' }),
      scopes: Type.Array(Type.String(), { description: 'What you allowed the app to do.' }),
      created_at: Timestamp,
      last_used_at: Timestamp,
    },
    { description: 'A partner app you connected to your account.' },
  ),
);

export const ConnectionPageSchema = named('ConnectionPage', Page(ConnectionSchema));
export type ConnectionPage = Static<typeof ConnectionPageSchema>;

export const ConnectionsQuery = PageQuery;
export type ConnectionsQueryInput = Static<typeof ConnectionsQuery>;

export const ConnectionParams = Type.Object({
  client_id: Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9_-]+$', description: 'The app’s OAuth client id.' }),
});
