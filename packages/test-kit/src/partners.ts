import type { Db } from '@chorus/db';
import type { ServiceDeps } from '@chorus/service-kit';
import { createUser, type TestUser } from '@chorus/service-kit/testing';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';

type Deps = Pick<ServiceDeps, 'db' | 'config'>;

/** A test user with the handle the database gave them. */
export interface Person extends TestUser {
  handle: string;
}

/** A user with their handle (the test helper leaves it to the database's default). */
export async function person(deps: Deps, fields: Parameters<typeof createUser>[1] = {}): Promise<Person> {
  const user = await createUser(deps, fields);
  const row = await deps.db.selectFrom('users').select('handle').where('id', '=', user.id).executeTakeFirstOrThrow();
  return { ...user, handle: row.handle };
}

/** The people of a partner's team (admin, developer, analyst) and those outside it. */
export interface People {
  admin: Person;
  developer: Person;
  analyst: Person;
  outsider: Person;
  platformAdmin: Person;
  newcomer: Person;
}

/** Six new users, one per standing towards a partner; makePartner puts the first three on its team. */
export async function makePeople(deps: Deps): Promise<People> {
  const [admin, developer, analyst, outsider, platformAdmin, newcomer] = await Promise.all([
    person(deps, { display_name: 'Admin' }),
    person(deps, { display_name: 'Developer' }),
    person(deps, { display_name: 'Analyst' }),
    person(deps, { display_name: 'Outsider' }),
    person(deps, { display_name: 'Platform admin', roles: ['platform_admin'] }),
    person(deps, { display_name: 'Newcomer' }),
  ]);
  return { admin, developer, analyst, outsider, platformAdmin, newcomer };
}

/** A response's JSON body, asserting nothing (tests assert on what they need). */
export const body = (response: LightMyRequestResponse) => response.json();

/** Sends a request as a user. */
export function as(app: FastifyInstance, user: { auth: { authorization: string } } | null, options: InjectOptions) {
  return app.inject({ ...options, headers: { ...(options.headers as object), ...(user ? user.auth : {}) } });
}

/** A partner created through the API, with developer and analyst members added straight to the team. */
export async function makePartner(app: FastifyInstance, db: Db, team: People, fields: Record<string, unknown> = {}) {
  const created = await as(app, team.admin, {
    method: 'POST',
    url: '/v1/partners',
    payload: { name: `Partner ${Math.random().toString(36).slice(2, 8)}`, kind: 'automotive', website_url: 'https://cars.example.com', ...fields },
  });
  if (created.statusCode !== 201) throw new Error(`partner not created: ${created.body}`);
  const partner: { id: string } = body(created);
  await db
    .insertInto('partner_members')
    .values([
      { partner_id: partner.id, user_id: team.developer.id, role: 'developer' },
      { partner_id: partner.id, user_id: team.analyst.id, role: 'analyst' },
    ])
    .execute();
  return partner;
}

/** A server-side app: authorization code, refresh tokens and client credentials. */
export const confidentialApp = {
  name: 'Dashboard sync',
  client_type: 'confidential',
  redirect_uris: ['https://partner.example.com/callback'],
  grant_types: ['authorization_code', 'refresh_token', 'client_credentials'],
  scopes: ['listens:read', 'playlists:read', 'partner-analytics:read'],
};

/** An app registered through the API. */
export async function makeApp(app: FastifyInstance, user: Person, partnerId: string, fields: Record<string, unknown> = confidentialApp) {
  const created = await as(app, user, { method: 'POST', url: `/v1/partners/${partnerId}/apps`, payload: fields });
  if (created.statusCode !== 201) throw new Error(`app not created: ${created.body}`);
  return body(created) as { id: string; client_id: string; client_secret: string | null; partner_id: string };
}
