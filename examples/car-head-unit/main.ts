/**
 * A car head unit connecting to Chorus with the device authorization grant (RFC 8628): it shows a code, the
 * listener approves it on their phone, then the car reports what it plays. Run it with CHORUS_URL and
 * CHORUS_CLIENT_ID set (a public app with the device grant, device class car); see README.md.
 */
import { createChorusClient, deviceAuthorization, OAuthError, pollDeviceToken, refreshingToken, unwrap } from '@chorus/sdk';

const baseUrl = required('CHORUS_URL');
const clientId = required('CHORUS_CLIENT_ID');
// How long each demo track "plays" before the next; a real head unit reports real plays.
const trackSeconds = Number(process.env.CHORUS_TRACK_SECONDS ?? '2');

const CLIENT = 'Chorus example head unit';
const PLAYLIST = [
  { artist_name: 'Kraftwerk', track_name: 'Autobahn', release_name: 'Autobahn' },
  { artist_name: 'Bruce Springsteen', track_name: 'Born to Run', release_name: 'Born to Run' },
  { artist_name: 'Chuck Berry', track_name: 'Route 66', release_name: 'Rockin’ at the Hops' },
];

// 1. Ask for a device code and show it, big, on the dashboard.
const device = await deviceAuthorization({ baseUrl, clientId, scope: 'listens:write listens:read profile:read' });
const box = (lines: string[]) => {
  const width = Math.max(...lines.map((l) => l.length));
  const edge = `+${'-'.repeat(width + 4)}+`;
  return [edge, ...lines.map((l) => `|  ${l.padEnd(width)}  |`), edge].join('\n');
};
console.log(
  box([
    'Connect this car to Chorus',
    '',
    `On your phone, open   ${device.verification_uri}`,
    `and enter the code    ${device.user_code}`,
    '',
    ...(device.verification_uri_complete ? [`or open ${device.verification_uri_complete}`] : []),
    `The code works for ${Math.round(device.expires_in / 60)} minutes.`,
  ]),
);
console.log(`user_code=${device.user_code}`);

// 2. Poll until the listener approved (or refused, or the code expired). Ctrl-C stops waiting.
const stop = new AbortController();
process.once('SIGINT', () => stop.abort(new Error('cancelled')));
let tokens: Awaited<ReturnType<typeof pollDeviceToken>>;
try {
  tokens = await pollDeviceToken({
    baseUrl,
    clientId,
    device,
    signal: stop.signal,
    onWait: (interval, reason) => console.log(`waiting for approval (${reason}, next check in ${interval} s)`),
  });
} catch (error) {
  if (error instanceof OAuthError && error.error === 'access_denied') console.error('The listener said no: not connected.');
  else if (error instanceof OAuthError && error.error === 'expired_token') console.error('The code expired: start again for a new one.');
  else console.error('Could not connect:', (error as Error).message);
  process.exit(1);
}
console.log(`connected: scopes ${tokens.scope}, access token good for ${tokens.expires_in} s`);

// 3. The typed API client; its token is refreshed shortly before it expires (the refresh token rotates).
const token = refreshingToken({
  baseUrl,
  clientId,
  tokens,
  onRefresh: (fresh) => console.log(`refreshed the access token (good for ${fresh.expires_in} s)`),
});
const api = createChorusClient({ baseUrl, token });

const me = unwrap(await api.GET('/v1/me'));
console.log(`hello, ${me.display_name} (@${me.handle})`);

// 4. Play the tracks: now playing when each starts, then the listens once they are done.
for (const track of PLAYLIST) {
  unwrap(await api.PUT('/v1/me/now-playing', { body: { ...track, platform: 'car', client: CLIENT } }));
  console.log(`now playing: ${track.artist_name} – ${track.track_name}`);
  await new Promise((resolve) => setTimeout(resolve, trackSeconds * 1000));
}
// The demo claims 200 s plays while it waits less: they are dated 4 minutes apart, ending now.
const listens = PLAYLIST.map((track, i) => ({
  ...track,
  listened_at: new Date(Date.now() - (PLAYLIST.length - i) * 240_000).toISOString(),
  ms_played: 200_000,
  platform: 'car' as const,
  client: CLIENT,
}));
const submitted = unwrap(await api.POST('/v1/listens', { body: { listens } }));
console.log(
  `submitted ${listens.length} listens: ${submitted.accepted} accepted, ${submitted.duplicates} duplicates, ${submitted.unmatched} not in the catalog yet`,
);

const history = unwrap(await api.GET('/v1/me/listens', { params: { query: { limit: 5 } } }));
console.log('latest listens:');
for (const listen of history.items)
  console.log(`  ${listen.listened_at}  ${listen.artist_name ?? listen.track?.artist.name} – ${listen.track_name ?? listen.track?.title}`);
console.log('done');

function required(name: string): string {
  const value = process.env[name];
  if (!value) {
    console.error(`Set ${name} (see examples/car-head-unit/README.md).`);
    process.exit(2);
  }
  return value;
}
