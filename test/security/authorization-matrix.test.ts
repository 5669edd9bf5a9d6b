import { randomBytes, randomUUID } from 'node:crypto';
import { ALL_SCOPES, hashSecret, PERSONAL_TOKEN_PREFIX, PERSONAL_TOKEN_SCOPES, type Scope } from '@chorus/service-kit';
import { createTestApp, createUser, signAppToken, signTestToken, type TestUser } from '@chorus/service-kit/testing';
import { confidentialApp, makeApp, makePartner, makePeople } from '@chorus/test-kit';
import type { LightMyRequestResponse } from 'fastify';
import t from 'tap';
import { services } from '../../apps/platform/src/services.js';
import { type Operation, operationsOf } from './operations.js';

/**
 * The authorization matrix: every operation of the OpenAPI document has a row here saying who may call it, and the
 * test checks the document and the server's answers against it, for every standing. An operation without a row, or a
 * row without an operation, fails the test: a new route cannot land without saying who may call it.
 *
 * Two layers are checked. The gate (every operation): anonymous, a bad token, an expired token, a token lacking the
 * route's scope, a partner app acting for itself, a person without the internal role, a token holding just the
 * route's scope, and personal tokens with and without it. The object (each read of an artist, a playlist or a partner): strangers, each team role, each
 * playlist role, each partner role and a platform admin, against real fixtures. Object-level checks of writes live
 * with each service's tests (they need valid bodies and change what they touch).
 */

type Gate =
  | 'public' // anyone; a token is not even looked at
  | 'lb' // the ListenBrainz API: its own personal token, its own error shape
  | 'lb-optional' // the same, and anonymous callers read what is public (a bad token reads as no token)
  | 'lb-validate' // ListenBrainz's token check: 400 without a token, 200 {valid: false} for a bad one
  | { scope: Scope; who: 'user' | 'caller' | 'optional' | 'analyst' | 'admin' };

type Standing =
  | 'anonymous'
  | 'stranger'
  | 'teamReader'
  | 'teamEditor'
  | 'teamAdmin'
  | 'platformAdmin'
  | 'owner'
  | 'playlistEditor'
  | 'playlistViewer'
  | 'partnerAdmin'
  | 'partnerDeveloper'
  | 'partnerAnalyst';

/** Which fixture an object-level read is about, and who may read it (everyone else gets 403 or 404). */
interface ObjectRule {
  of: 'artist' | 'track' | 'playlist' | 'partner' | 'app';
  allowed: Standing[];
}

interface Row {
  gate: Gate;
  object?: ObjectRule;
}

const user = (scope: Scope): Gate => ({ scope, who: 'user' });
const admin: Gate = { scope: 'admin:manage', who: 'admin' };
const product: Gate = { scope: 'product-insight:read', who: 'analyst' };
const TEAM: Standing[] = ['teamReader', 'teamEditor', 'teamAdmin'];
// Platform admins read every artist's numbers (support and disputes); they do not act as a team member.
const TEAM_OR_STAFF: Standing[] = [...TEAM, 'platformAdmin'];
const PLAYLIST: Standing[] = ['owner', 'playlistEditor', 'playlistViewer'];
const PARTNER: Standing[] = ['partnerAdmin', 'partnerDeveloper', 'partnerAnalyst'];
const PARTNER_READERS: Standing[] = ['partnerAdmin', 'partnerAnalyst'];
const partnerStats: Gate = { scope: 'partner-analytics:read', who: 'caller' };
const appWebhooks: Gate = { scope: 'partner:manage', who: 'caller' };
const team = (of: 'artist' | 'track' = 'artist'): ObjectRule => ({ of, allowed: TEAM_OR_STAFF });
const playlist: ObjectRule = { of: 'playlist', allowed: PLAYLIST };

const ROWS: Record<string, Row> = {
  'GET /': { gate: 'public' },
  'GET /.well-known/jwks.json': { gate: 'public' },
  'GET /healthz': { gate: 'public' },
  'GET /readyz': { gate: 'public' },
  'GET /metrics': { gate: admin },

  'GET /1/latest-import': { gate: 'lb-optional' },
  'POST /1/latest-import': { gate: 'lb' },
  'POST /1/submit-listens': { gate: 'lb' },
  'GET /1/user/{user_name}/listen-count': { gate: 'lb-optional' },
  'GET /1/user/{user_name}/listens': { gate: 'lb-optional' },
  'GET /1/user/{user_name}/playing-now': { gate: 'lb-optional' },
  'GET /1/validate-token': { gate: 'lb-validate' },

  'GET /v1/admin/apps': { gate: admin },
  'POST /v1/admin/apps/{app_id}/review': { gate: admin },
  'DELETE /v1/admin/artists/{id}/verification': { gate: admin },
  'POST /v1/admin/artists/{id}/verification': { gate: admin },
  'POST /v1/admin/isrc-claims/{isrc}': { gate: admin },
  'DELETE /v1/admin/partners/{id}/verification': { gate: admin },
  'POST /v1/admin/partners/{id}/verification': { gate: admin },
  'POST /v1/admin/signing-keys/rotate': { gate: admin },
  'DELETE /v1/admin/users/{id}/roles/{role}': { gate: admin },
  'PUT /v1/admin/users/{id}/roles/{role}': { gate: admin },

  'POST /v1/auth/login': { gate: 'public' },
  'POST /v1/auth/logout': { gate: 'public' },
  'POST /v1/auth/refresh': { gate: 'public' },
  'GET /v1/auth/session': { gate: 'public' },
  'POST /v1/auth/session': { gate: 'public' },
  'POST /v1/auth/session/refresh': { gate: 'public' },
  'DELETE /v1/auth/session': { gate: 'public' },
  'POST /v1/auth/signup': { gate: 'public' },
  'GET /v1/users/{handle}': { gate: 'public' },
  'GET /v1/search': { gate: 'public' },
  'GET /v1/webhook-event-types': { gate: 'public' },

  'POST /v1/artists': { gate: user('artists:manage') },
  'GET /v1/artists/{id}': { gate: 'public' },
  'PATCH /v1/artists/{id}': { gate: user('artists:manage') },
  'GET /v1/artists/{id}/related': { gate: 'public' },
  'GET /v1/artists/{id}/insights': { gate: user('artist-analytics:read'), object: team() },
  'POST /v1/artists/{id}/insights/{insight_id}/read': { gate: user('artist-analytics:read') },
  'GET /v1/artists/{id}/invitations': { gate: user('artists:manage'), object: { of: 'artist', allowed: ['teamAdmin', 'platformAdmin'] } },
  'POST /v1/artists/{id}/invitations': { gate: user('artists:manage') },
  'DELETE /v1/artists/{id}/invitations/{invitation_id}': { gate: user('artists:manage') },
  'GET /v1/artists/{id}/members': { gate: user('artists:manage'), object: { of: 'artist', allowed: TEAM_OR_STAFF } },
  'DELETE /v1/artists/{id}/members/{user_id}': { gate: user('artists:manage') },
  'PATCH /v1/artists/{id}/members/{user_id}': { gate: user('artists:manage') },
  'POST /v1/artists/{id}/releases': { gate: user('artists:manage') },
  'GET /v1/artists/{id}/stats': { gate: user('artist-analytics:read'), object: team() },
  'GET /v1/artists/{id}/stats/audience': { gate: user('artist-analytics:read'), object: team() },
  'GET /v1/artists/{id}/stats/forecast': { gate: user('artist-analytics:read'), object: team() },
  // A stream: its gate is checked; its object rule is the stats rule, tested with the live stream's own tests.
  'GET /v1/artists/{id}/stats/live': { gate: user('artist-analytics:read') },
  'GET /v1/artists/{id}/stats/playlists': { gate: user('artist-analytics:read'), object: team() },
  'GET /v1/artists/{id}/stats/sources': { gate: user('artist-analytics:read'), object: team() },
  'GET /v1/artists/{id}/stats/timeseries': { gate: user('artist-analytics:read'), object: team() },
  'GET /v1/artists/{id}/stats/tracks': { gate: user('artist-analytics:read'), object: team() },
  'GET /v1/tracks/{id}/stats': { gate: user('artist-analytics:read'), object: team('track') },
  'GET /v1/tracks/{id}/stats/timeseries': { gate: user('artist-analytics:read'), object: team('track') },
  'GET /v1/artists/{id}/webhooks': { gate: user('artists:manage'), object: { of: 'artist', allowed: ['teamAdmin', 'platformAdmin'] } },
  'POST /v1/artists/{id}/webhooks': { gate: user('artists:manage') },
  'DELETE /v1/artists/{id}/webhooks/{webhook_id}': { gate: user('artists:manage') },
  'GET /v1/artists/{id}/webhooks/{webhook_id}': { gate: user('artists:manage') },
  'PATCH /v1/artists/{id}/webhooks/{webhook_id}': { gate: user('artists:manage') },
  'GET /v1/artists/{id}/webhooks/{webhook_id}/deliveries': { gate: user('artists:manage') },
  'POST /v1/artists/{id}/webhooks/{webhook_id}/deliveries/{delivery_id}/redeliver': { gate: user('artists:manage') },
  'POST /v1/artists/{id}/webhooks/{webhook_id}/secret': { gate: user('artists:manage') },
  'POST /v1/artists/{id}/webhooks/{webhook_id}/test': { gate: user('artists:manage') },
  'GET /v1/releases/{id}': { gate: 'public' },
  'POST /v1/releases/{id}/tracks': { gate: user('artists:manage') },
  'GET /v1/tracks/{id}': { gate: 'public' },
  'PATCH /v1/tracks/{id}': { gate: user('artists:manage') },

  'GET /v1/insights/product/diversity': { gate: product },
  'GET /v1/insights/product/partner-connections': { gate: product },
  'GET /v1/insights/product/partner-kinds': { gate: product },
  'GET /v1/insights/product/engagement': { gate: product },
  'GET /v1/insights/product/integrity': { gate: product },
  'GET /v1/insights/product/platforms': { gate: product },
  'GET /v1/insights/product/retention': { gate: product },
  'GET /v1/insights/product/sources': { gate: product },
  'GET /v1/insights/product/trends': { gate: product },

  'POST /v1/listens': { gate: user('listens:write') },
  'GET /v1/me': { gate: user('profile:read') },
  'GET /v1/me/connections': { gate: user('profile:read') },
  'DELETE /v1/me/connections/{client_id}': { gate: user('profile:write') },
  'PATCH /v1/me': { gate: user('profile:write') },
  'DELETE /v1/me': { gate: user('account:manage') },
  'GET /v1/me/artists': { gate: user('profile:read') },
  'GET /v1/me/export': { gate: user('account:manage') },
  'PUT /v1/me/feedback/{track_id}': { gate: user('listens:write') },
  'GET /v1/me/listens': { gate: user('listens:read') },
  'DELETE /v1/me/listens': { gate: user('account:manage') },
  'GET /v1/me/now-playing': { gate: user('listens:read') },
  'PUT /v1/me/now-playing': { gate: user('listens:write') },
  'DELETE /v1/me/now-playing': { gate: user('listens:write') },
  'GET /v1/me/partner-invitations': { gate: user('partner:manage') },
  'POST /v1/me/partner-invitations/{id}/accept': { gate: user('partner:manage') },
  'POST /v1/me/partner-invitations/{id}/decline': { gate: user('partner:manage') },
  'GET /v1/me/playlist-invitations': { gate: user('playlists:read') },
  'DELETE /v1/me/playlist-invitations/{id}': { gate: user('playlists:write') },
  'POST /v1/me/playlist-invitations/{id}/accept': { gate: user('playlists:write') },
  'GET /v1/me/playlists': { gate: user('playlists:read') },
  'GET /v1/me/team-invitations': { gate: user('artists:manage') },
  'POST /v1/me/team-invitations/{id}/accept': { gate: user('artists:manage') },
  'POST /v1/me/team-invitations/{id}/decline': { gate: user('artists:manage') },
  'GET /v1/me/tokens': { gate: user('account:manage') },
  'POST /v1/me/tokens': { gate: user('account:manage') },
  'DELETE /v1/me/tokens/{id}': { gate: user('account:manage') },

  'GET /v1/partners': { gate: user('partner:manage') },
  'POST /v1/partners': { gate: user('partner:manage') },
  'GET /v1/partners/{id}': { gate: user('partner:manage'), object: { of: 'partner', allowed: [...PARTNER, 'platformAdmin'] } },
  'PATCH /v1/partners/{id}': { gate: user('partner:manage') },
  'GET /v1/partners/{id}/apps': { gate: user('partner:manage'), object: { of: 'partner', allowed: [...PARTNER, 'platformAdmin'] } },
  'POST /v1/partners/{id}/apps': { gate: user('partner:manage') },
  'GET /v1/partners/{id}/apps/{app_id}': { gate: user('partner:manage'), object: { of: 'app', allowed: [...PARTNER, 'platformAdmin'] } },
  'PATCH /v1/partners/{id}/apps/{app_id}': { gate: user('partner:manage') },
  'DELETE /v1/partners/{id}/apps/{app_id}': { gate: user('partner:manage') },
  'GET /v1/partners/{id}/apps/{app_id}/allow-list': { gate: user('partner:manage'), object: { of: 'app', allowed: [...PARTNER, 'platformAdmin'] } },
  'POST /v1/partners/{id}/apps/{app_id}/allow-list': { gate: user('partner:manage') },
  'DELETE /v1/partners/{id}/apps/{app_id}/allow-list/{user_id}': { gate: user('partner:manage') },
  'POST /v1/partners/{id}/apps/{app_id}/review-requests': { gate: user('partner:manage') },
  'GET /v1/partners/{id}/apps/{app_id}/reviews': { gate: user('partner:manage'), object: { of: 'app', allowed: [...PARTNER, 'platformAdmin'] } },
  'POST /v1/partners/{id}/apps/{app_id}/secret': { gate: user('partner:manage') },
  'GET /v1/partners/{id}/apps/{app_id}/usage': {
    gate: { scope: 'partner-analytics:read', who: 'caller' },
    object: { of: 'app', allowed: [...PARTNER, 'platformAdmin'] },
  },
  // An app's webhooks: the partner's admins and developers, or the app itself (client credentials with partner:manage).
  'GET /v1/partners/{id}/apps/{app_id}/webhooks': { gate: appWebhooks, object: { of: 'app', allowed: ['partnerAdmin', 'partnerDeveloper'] } },
  'POST /v1/partners/{id}/apps/{app_id}/webhooks': { gate: appWebhooks },
  'DELETE /v1/partners/{id}/apps/{app_id}/webhooks/{webhook_id}': { gate: appWebhooks },
  'GET /v1/partners/{id}/apps/{app_id}/webhooks/{webhook_id}': { gate: appWebhooks },
  'PATCH /v1/partners/{id}/apps/{app_id}/webhooks/{webhook_id}': { gate: appWebhooks },
  'GET /v1/partners/{id}/apps/{app_id}/webhooks/{webhook_id}/deliveries': { gate: appWebhooks },
  'POST /v1/partners/{id}/apps/{app_id}/webhooks/{webhook_id}/deliveries/{delivery_id}/redeliver': { gate: appWebhooks },
  'POST /v1/partners/{id}/apps/{app_id}/webhooks/{webhook_id}/secret': { gate: appWebhooks },
  'POST /v1/partners/{id}/apps/{app_id}/webhooks/{webhook_id}/test': { gate: appWebhooks },
  // A partner's statistics: its admins and analysts (not its developers), or one of its own apps acting for itself.
  'GET /v1/partners/{id}/stats': { gate: partnerStats, object: { of: 'partner', allowed: PARTNER_READERS } },
  'GET /v1/partners/{id}/stats/apps': { gate: partnerStats, object: { of: 'partner', allowed: PARTNER_READERS } },
  'GET /v1/partners/{id}/stats/audience': { gate: partnerStats, object: { of: 'partner', allowed: PARTNER_READERS } },
  // A stream, like the artist's live statistics.
  'GET /v1/partners/{id}/stats/live': { gate: partnerStats },
  'GET /v1/partners/{id}/stats/timeseries': { gate: partnerStats, object: { of: 'partner', allowed: PARTNER_READERS } },
  'GET /v1/partners/{id}/stats/top-artists': { gate: partnerStats, object: { of: 'partner', allowed: PARTNER_READERS } },
  'GET /v1/partners/{id}/stats/top-tracks': { gate: partnerStats, object: { of: 'partner', allowed: PARTNER_READERS } },
  // Invitations carry the invitees' handles and emails: the partner's admins only.
  'GET /v1/partners/{id}/invitations': { gate: user('partner:manage'), object: { of: 'partner', allowed: ['partnerAdmin'] } },
  'POST /v1/partners/{id}/invitations': { gate: user('partner:manage') },
  'DELETE /v1/partners/{id}/invitations/{invitation_id}': { gate: user('partner:manage') },
  'GET /v1/partners/{id}/members': { gate: user('partner:manage'), object: { of: 'partner', allowed: [...PARTNER, 'platformAdmin'] } },
  'DELETE /v1/partners/{id}/members/{user_id}': { gate: user('partner:manage') },
  'PATCH /v1/partners/{id}/members/{user_id}': { gate: user('partner:manage') },

  'GET /v1/playlist-invites/{token}': { gate: 'public' },
  'POST /v1/playlist-invites/{token}/accept': { gate: user('playlists:write') },
  'POST /v1/playlists': { gate: user('playlists:write') },
  'GET /v1/playlists/{id}': { gate: { scope: 'playlists:read', who: 'optional' }, object: playlist },
  'PATCH /v1/playlists/{id}': { gate: user('playlists:write') },
  'DELETE /v1/playlists/{id}': { gate: user('playlists:write') },
  'GET /v1/playlists/{id}/activity': { gate: { scope: 'playlists:read', who: 'optional' }, object: playlist },
  'GET /v1/playlists/{id}/collaborators': { gate: { scope: 'playlists:read', who: 'optional' }, object: playlist },
  'POST /v1/playlists/{id}/collaborators': { gate: user('playlists:write') },
  'DELETE /v1/playlists/{id}/collaborators/{user_id}': { gate: user('playlists:write') },
  'PATCH /v1/playlists/{id}/collaborators/{user_id}': { gate: user('playlists:write') },
  // A stream, like the live statistics.
  'GET /v1/playlists/{id}/events': { gate: { scope: 'playlists:read', who: 'optional' } },
  'PUT /v1/playlists/{id}/followers': { gate: user('playlists:write') },
  'DELETE /v1/playlists/{id}/followers': { gate: user('playlists:write') },
  'GET /v1/playlists/{id}/invites': { gate: user('playlists:write'), object: { of: 'playlist', allowed: ['owner'] } },
  'POST /v1/playlists/{id}/invites': { gate: user('playlists:write') },
  'DELETE /v1/playlists/{id}/invites/{invite_id}': { gate: user('playlists:write') },
  'GET /v1/playlists/{id}/items': { gate: { scope: 'playlists:read', who: 'optional' }, object: playlist },
  'POST /v1/playlists/{id}/items': { gate: user('playlists:write') },
  'PUT /v1/playlists/{id}/items': { gate: user('playlists:write') },
  'DELETE /v1/playlists/{id}/items': { gate: user('playlists:write') },
  'POST /v1/playlists/{id}/items/{item_id}/move': { gate: user('playlists:write') },
  'PUT /v1/playlists/{id}/items/{item_id}/vote': { gate: user('playlists:write') },
  'DELETE /v1/playlists/{id}/items/{item_id}/vote': { gate: user('playlists:write') },
  'GET /v1/playlists/{id}/suggestions': { gate: { scope: 'playlists:read', who: 'optional' }, object: playlist },
};

/** What the document must say for a row's gate. */
function documentedSecurity(gate: Gate): unknown {
  if (gate === 'public') return [];
  if (gate === 'lb') return [{ personalToken: ['listens:write'] }];
  if (gate === 'lb-validate') return [{ personalToken: [] }];
  if (gate === 'lb-optional') return [{}, { personalToken: [] }];
  const needs = [{ oauth2: [gate.scope] }, { bearerAuth: [gate.scope] }, { personalToken: [gate.scope] }];
  return gate.who === 'optional' ? [...needs, {}] : needs;
}

/** The refusals the route gate gives (anything else means the request went past it). */
const GATE_CODES = new Set(['unauthorized', 'invalid_token', 'insufficient_scope', 'insufficient_role', 'person_token_required']);

function problemCode(response: LightMyRequestResponse): string | undefined {
  if (!String(response.headers['content-type']).startsWith('application/problem+json')) return undefined;
  return (response.json() as { code?: string }).code;
}

function passedGate(response: LightMyRequestResponse): boolean {
  if (response.statusCode === 401) return false;
  return !(response.statusCode === 403 && GATE_CODES.has(problemCode(response) ?? ''));
}

/** A path with every parameter filled: from the fixtures where given, otherwise a value that names nothing. */
function urlOf(op: Operation, fixtures: Record<string, string> = {}): string {
  const path = op.path.replace(/\{(\w+)\}/g, (_, name: string) => {
    if (fixtures[name]) return fixtures[name]!;
    if (name === 'role') return 'product_analyst';
    if (name === 'isrc') return 'XXA002600001';
    if (name === 'handle' || name === 'user_name') return `nobody${randomUUID().slice(0, 8)}`;
    if (name === 'token') return 'a'.repeat(43);
    return randomUUID();
  });
  const required = op.params
    .filter((p) => p.in === 'query' && p.required)
    .map((p) => `${p.name}=${encodeURIComponent(String(p.schema.enum ? (p.schema.enum as unknown[])[0] : 'x'))}`);
  return required.length ? `${path}?${required.join('&')}` : path;
}

t.test('authorization matrix: every operation × every standing', async (t) => {
  const { app, deps } = await createTestApp(t, services, {
    env: { CHORUS_RATE_LIMITS: 'off', CHORUS_APP_RATE_LIMIT_DEV: '1000000/60s', CHORUS_APP_QUOTA_DEV: 'off', CHORUS_APP_RATE_LIMIT_PER_USER: '1000000/60s' },
  });
  const doc = app.swagger() as unknown as Parameters<typeof operationsOf>[0] & { paths: Record<string, Record<string, { security?: unknown }>> };
  const operations = operationsOf(doc);

  // Every operation has a row and every row an operation.
  const ids = new Set(operations.map((op) => op.id));
  t.same(
    operations.map((op) => op.id).filter((id) => !ROWS[id]),
    [],
    'every operation in the document has a row in the matrix',
  );
  t.same(
    Object.keys(ROWS).filter((id) => !ids.has(id)),
    [],
    'every row of the matrix is an operation in the document',
  );

  // The document says what the row says.
  const wrongDocs = operations
    .filter((op) => ROWS[op.id])
    .filter((op) => JSON.stringify(doc.paths[op.path]![op.method.toLowerCase()]!.security ?? null) !== JSON.stringify(documentedSecurity(ROWS[op.id]!.gate)))
    .map((op) => `${op.id}: ${JSON.stringify(doc.paths[op.path]![op.method.toLowerCase()]!.security)}`);
  t.same(wrongDocs, [], "the document's security requirement of every operation is its row's");

  // --- The gate, for every operation ---------------------------------------------------------------------------------
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
  const listener = await createUser(deps);
  const analyst = await createUser(deps, { roles: ['product_analyst'] });
  const platformAdmin = await createUser(deps, { roles: ['platform_admin'] });
  const expired = await signTestToken(deps, listener.id, [], -120);
  // A registered partner app (development mode), its team, and a token it holds for itself (client credentials).
  const partnerTeam = await makePeople(deps);
  const partner = await makePartner(app, deps.db, partnerTeam);
  const partnerApp = await makeApp(app, partnerTeam.admin, partner.id, { ...confidentialApp, scopes: [...confidentialApp.scopes, 'partner:manage'] });
  const appItself = await signAppToken(deps, partnerApp.client_id);
  const send = (op: Operation, headers: Record<string, string>, fixtures?: Record<string, string>) =>
    app.inject({ method: op.method as 'GET', url: urlOf(op, fixtures), headers });
  let requests = 0;
  const counted = async (response: Promise<LightMyRequestResponse>) => {
    requests++;
    return response;
  };

  const gateFindings: string[] = [];
  const expect = (ok: boolean, op: Operation, standing: string, response: LightMyRequestResponse, wanted: string) => {
    if (!ok) gateFindings.push(`${op.id} as ${standing}: wanted ${wanted}, got ${response.statusCode} ${response.body.slice(0, 160)}`);
  };
  for (const op of operations) {
    const row = ROWS[op.id];
    if (!row) continue;
    const { gate } = row;
    const anonymous = await counted(send(op, {}));
    const garbage = await counted(send(op, bearer('not.a.token')));
    if (gate === 'public') {
      expect(passedGate(anonymous), op, 'anonymous', anonymous, 'past the gate');
      expect(passedGate(garbage), op, 'a bad token', garbage, 'past the gate (a public route does not look at tokens)');
      continue;
    }
    if (gate === 'lb' || gate === 'lb-optional' || gate === 'lb-validate') {
      const badToken = await counted(send(op, { authorization: 'Token not-a-token' }));
      if (gate === 'lb') {
        expect(anonymous.statusCode === 401, op, 'anonymous', anonymous, '401');
        expect(badToken.statusCode === 401, op, 'an unknown personal token', badToken, '401');
      } else if (gate === 'lb-optional') {
        expect(anonymous.statusCode !== 401 && anonymous.statusCode !== 403, op, 'anonymous', anonymous, 'an answer (what is public)');
        expect(badToken.statusCode === anonymous.statusCode, op, 'an unknown personal token', badToken, `the anonymous answer (${anonymous.statusCode})`);
      } else {
        expect(anonymous.statusCode === 400, op, 'anonymous', anonymous, '400 (as ListenBrainz)');
        expect(
          badToken.statusCode === 200 && (badToken.json() as { valid?: boolean }).valid === false,
          op,
          'an unknown personal token',
          badToken,
          '200 {valid: false}',
        );
      }
      continue;
    }
    const stale = await counted(send(op, bearer(expired)));
    expect(stale.statusCode === 401, op, 'an expired token', stale, '401');
    expect(garbage.statusCode === 401, op, 'a bad token', garbage, '401');
    if (gate.who === 'optional') {
      expect(passedGate(anonymous), op, 'anonymous', anonymous, 'past the gate (anonymous reads what is public)');
      continue;
    }
    expect(anonymous.statusCode === 401 && problemCode(anonymous) === 'unauthorized', op, 'anonymous', anonymous, '401 unauthorized');

    // A person holding every scope but this one; then one holding just this one. A fresh person each time: some
    // routes change their caller (DELETE /v1/me removes them).
    const person = await createUser(deps, { roles: gate.who === 'admin' ? ['platform_admin'] : gate.who === 'analyst' ? ['product_analyst'] : [] });
    const others = ALL_SCOPES.filter((s) => s !== gate.scope).join(' ');
    const without = await counted(send(op, bearer(await signTestToken(deps, person.id, [], 900, others))));
    expect(without.statusCode === 403 && problemCode(without) === 'insufficient_scope', op, 'a token without its scope', without, '403 insufficient_scope');
    const withJust = await counted(send(op, bearer(await signTestToken(deps, person.id, [], 900, gate.scope))));
    expect(passedGate(withJust), op, `a token with just ${gate.scope}`, withJust, 'past the gate');

    // Personal tokens of a fresh person: one without this scope is refused; one with just it passes (when a person may
    // grant the scope at all). The refused one goes first: the other may remove its holder (DELETE /v1/me).
    const holder = await createUser(deps);
    const personal = async (scopes: string[]) => {
      const token = `${PERSONAL_TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
      await deps.db
        .insertInto('personal_tokens')
        .values({ id: randomUUID(), user_id: holder.id, name: 'matrix', token_hash: hashSecret(token), prefix: token.slice(0, 16), scopes })
        .execute();
      return { authorization: `Token ${token}` };
    };
    const otherPersonal = await counted(send(op, await personal(PERSONAL_TOKEN_SCOPES.filter((scope) => scope !== gate.scope))));
    expect(
      otherPersonal.statusCode === 403 && problemCode(otherPersonal) === 'insufficient_scope',
      op,
      'a personal token without its scope',
      otherPersonal,
      '403 insufficient_scope',
    );
    if (PERSONAL_TOKEN_SCOPES.includes(gate.scope)) {
      const justPersonal = await counted(send(op, await personal([gate.scope])));
      expect(passedGate(justPersonal), op, `a personal token with just ${gate.scope}`, justPersonal, 'past the gate');
    }

    // A partner app acting for itself (client credentials) reaches only the routes meant for it.
    const itself = await counted(send(op, bearer(appItself)));
    if (gate.who === 'caller') expect(passedGate(itself), op, 'a partner app acting for itself', itself, 'past the gate');
    else
      expect(
        itself.statusCode === 403 && problemCode(itself) === 'person_token_required',
        op,
        'a partner app acting for itself',
        itself,
        '403 person_token_required',
      );

    // An app acting for a person with every scope still needs the person's role for internal routes.
    if (gate.who === 'admin' || gate.who === 'analyst') {
      const plain = await counted(send(op, listener.auth));
      expect(plain.statusCode === 403 && problemCode(plain) === 'insufficient_role', op, 'a listener without the role', plain, '403 insufficient_role');
      const other = await counted(send(op, gate.who === 'admin' ? analyst.auth : platformAdmin.auth));
      if (gate.who === 'admin') expect(other.statusCode === 403, op, 'a product analyst', other, '403');
      else expect(passedGate(other), op, 'a platform admin', other, 'past the gate (admins read product insight)');
    }
  }
  t.same(gateFindings, [], `the gate answers as its row says for every operation (${operations.length} operations)`);

  // --- The object, for each read of a team's, a playlist's or a partner's data -------------------------------------
  const people = {} as Record<Standing, TestUser | null>;
  people.anonymous = null;
  for (const standing of ['stranger', 'teamReader', 'teamEditor', 'teamAdmin', 'owner', 'playlistEditor', 'playlistViewer'] as const)
    people[standing] = await createUser(deps);
  people.platformAdmin = platformAdmin;
  people.partnerAdmin = partnerTeam.admin;
  people.partnerDeveloper = partnerTeam.developer;
  people.partnerAnalyst = partnerTeam.analyst;

  // The artist's creator is its team's admin; the reader and the editor join straight in the database.
  const artist = await app.inject({
    method: 'POST',
    url: '/v1/artists',
    headers: people.teamAdmin!.auth,
    payload: { name: `Matrix ${randomUUID().slice(0, 6)}` },
  });
  t.equal(artist.statusCode, 201, `an artist for the object checks: ${artist.body.slice(0, 200)}`);
  const artistId = (artist.json() as { id: string }).id;
  await deps.db
    .insertInto('artist_members')
    .values([
      { artist_id: artistId, user_id: people.teamReader!.id, role: 'reader' },
      { artist_id: artistId, user_id: people.teamEditor!.id, role: 'editor' },
    ])
    .execute();
  const release = await app.inject({
    method: 'POST',
    url: `/v1/artists/${artistId}/releases`,
    headers: people.teamAdmin!.auth,
    payload: { title: 'Matrix', type: 'single' },
  });
  const releaseId = (release.json() as { id: string }).id;
  const track = await app.inject({
    method: 'POST',
    url: `/v1/releases/${releaseId}/tracks`,
    headers: people.teamAdmin!.auth,
    payload: { title: 'Row', duration_ms: 200_000 },
  });
  t.equal(track.statusCode, 201, `a track for the object checks: ${track.body.slice(0, 200)}`);
  const trackId = (track.json() as { id: string }).id;

  const created = await app.inject({
    method: 'POST',
    url: '/v1/playlists',
    headers: people.owner!.auth,
    payload: { name: 'Matrix private', visibility: 'private', collaborative: true },
  });
  t.equal(created.statusCode, 201, `a private playlist: ${created.body.slice(0, 200)}`);
  const playlistId = (created.json() as { id: string }).id;
  await deps.db
    .insertInto('playlist_collaborators')
    .values([
      { playlist_id: playlistId, user_id: people.playlistEditor!.id, role: 'editor', added_by: people.owner!.id, invite_id: null },
      { playlist_id: playlistId, user_id: people.playlistViewer!.id, role: 'viewer', added_by: people.owner!.id, invite_id: null },
    ])
    .execute();

  const fixturesFor = (of: ObjectRule['of']): Record<string, string> => {
    if (of === 'artist') return { id: artistId };
    if (of === 'track') return { id: trackId };
    if (of === 'playlist') return { id: playlistId };
    if (of === 'partner') return { id: partner.id };
    return { id: partner.id, app_id: partnerApp.id };
  };
  const objectFindings: string[] = [];
  let objectChecks = 0;
  for (const op of operations) {
    const rule = ROWS[op.id]?.object;
    if (!rule) continue;
    for (const standing of Object.keys(people) as Standing[]) {
      const who = people[standing];
      const response = await counted(send(op, who ? who.auth : {}, fixturesFor(rule.of)));
      objectChecks++;
      const allowed = rule.allowed.includes(standing);
      const ok = allowed ? response.statusCode >= 200 && response.statusCode < 300 : [401, 403, 404].includes(response.statusCode);
      if (!ok)
        objectFindings.push(
          `${op.id} as ${standing}: wanted ${allowed ? '2xx' : '401, 403 or 404'}, got ${response.statusCode} ${response.body.slice(0, 160)}`,
        );
    }
  }
  t.same(objectFindings, [], `every read of an artist's, a playlist's or a partner's data answers only its team (${objectChecks} checks)`);
  t.comment(`authorization matrix: ${operations.length} operations, ${requests} requests, ${objectChecks} object-level checks`);
});
