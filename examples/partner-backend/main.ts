/**
 * A partner's back end reading its own numbers with client credentials: no person signs in, the app acts for
 * itself with the partner-level scope partner-analytics:read: its app's usage and limits, then the partner's
 * statistics. Needs a confidential app; see README.md.
 */
import { clientCredentials, createChorusClient, unwrap, unwrapJson } from '@chorus/sdk';

const baseUrl = required('CHORUS_URL');
const clientId = required('CHORUS_CLIENT_ID');
const clientSecret = required('CHORUS_CLIENT_SECRET');
const partnerId = required('CHORUS_PARTNER_ID');
// The usage route is per app: the app's own id (the id in the create answer, not its client id).
const appId = required('CHORUS_APP_ID');

const tokens = await clientCredentials({ baseUrl, clientId, clientSecret, scope: 'partner-analytics:read' });
console.log(`signed in as the app itself: scope ${tokens.scope}, good for ${tokens.expires_in} s`);
const api = createChorusClient({ baseUrl, token: tokens.access_token });

const to = new Date().toISOString().slice(0, 10);
const from = new Date(Date.now() - 6 * 86_400_000).toISOString().slice(0, 10);
const answer = await api.GET('/v1/partners/{id}/apps/{app_id}/usage', { params: { path: { id: partnerId, app_id: appId }, query: { from, to } } });
const usage = unwrap(answer);

console.log(`Usage report for app ${usage.app_id} (partner ${partnerId}), ${usage.from} to ${usage.to}`);
console.log(`  mode            ${usage.mode}`);
console.log(`  requests        ${usage.totals.requests}`);
console.log(`  errors          ${usage.totals.errors}`);
console.log(`  rate limited    ${usage.totals.rate_limited}`);
console.log(`  app limit       ${usage.limits.app.limit} per ${usage.limits.app.window_seconds} s${usage.limits.enforced ? '' : ' (not enforced here)'}`);
if (usage.limits.quota) console.log(`  quota           ${usage.limits.quota.limit} per ${usage.limits.quota.window_seconds} s`);
for (const day of usage.days) {
  const groups = day.route_groups.map((g) => `${g.route_group} ${g.requests}`).join(', ');
  console.log(`  ${day.day}      ${day.requests} requests (${groups})`);
}
// The app's limits as of this request, in the IETF draft's headers (absent when limits are off).
console.log(`  RateLimit-Policy: ${answer.response.headers.get('ratelimit-policy') ?? '(none)'}`);
console.log(`  RateLimit:        ${answer.response.headers.get('ratelimit') ?? '(none)'}`);

// The partner's own numbers: what its apps' listeners played, verified by their tokens (never the clients' claims).
const range = { path: { id: partnerId }, query: { range: '7d' as const } };
const stats = unwrapJson(await api.GET('/v1/partners/{id}/stats', { params: range }));
console.log(`Partner statistics, ${stats.from} to ${stats.to} (previous: ${stats.previous_from} to ${stats.previous_to})`);
console.log(`  streams         ${stats.streams.value} (previous ${stats.streams.previous})`);
console.log(`  listeners       ${stats.listeners.value}`);
console.log(`  skip rate       ${stats.skip_rate.value === null ? 'no plays' : `${(stats.skip_rate.value * 100).toFixed(1)} %`}`);
const perApp = unwrapJson(await api.GET('/v1/partners/{id}/stats/apps', { params: range }));
for (const app of perApp.apps) {
  console.log(`  ${app.device_class.padEnd(12)}  ${app.name ?? '(deleted app)'}  ${app.streams} streams, ${app.listeners} listeners`);
}
console.log('report done');

function required(name: string): string {
  const value = process.env[name];
  if (!value) {
    console.error(`Set ${name} (see examples/partner-backend/README.md).`);
    process.exit(2);
  }
  return value;
}
