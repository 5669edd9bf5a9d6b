import { createTestApp, createUser } from '@chorus/service-kit/testing';
import { createArtist } from '@chorus/test-kit';
import t from 'tap';
import { analyticsService } from '../src/index.js';
import { addDays, teamMember, today } from './support.js';

const env = { CHORUS_RATE_LIMITS: 'off' };

t.test('range=all never spans more than the longest range, for artists, tracks and the platform', async (t) => {
  const { app, deps } = await createTestApp(t, [analyticsService], { env });
  const artist = await createArtist(deps.db, 'Veteran', ['Evergreen']);
  const member = await teamMember(deps, artist.id, 'reader');
  const analyst = await createUser(deps, { roles: ['product_analyst'] });
  const day0 = today();
  const longAgo = addDays(day0, -2000);
  const track = artist.tracks[0]!.id;
  // Data from five and a half years ago, and from yesterday.
  for (const day of [longAgo, addDays(day0, -1)]) {
    await deps.db.insertInto('artist_daily').values({ artist_id: artist.id, day, streams: 3 }).execute();
    await deps.db.insertInto('track_daily').values({ track_id: track, artist_id: artist.id, day, streams: 3 }).execute();
    await deps.db.insertInto('listener_daily').values({ user_id: member.id, day, streams: 3 }).execute();
  }
  const capped = { from: addDays(day0, -1095), to: day0, days: 1096 };
  const get = async (url: string, user = member) => {
    const res = await app.inject({ url, headers: user.auth });
    t.equal(res.statusCode, 200, url);
    return res.json();
  };
  for (const url of [
    `/v1/artists/${artist.id}/stats?range=all`,
    `/v1/artists/${artist.id}/stats/timeseries?range=all&granularity=month`,
    `/v1/artists/${artist.id}/stats/tracks?range=all`,
    `/v1/artists/${artist.id}/stats/sources?range=all`,
    `/v1/tracks/${track}/stats?range=all`,
  ]) {
    t.match(await get(url), { range: 'all', ...capped }, `${url}: capped to 1096 days`);
  }
  t.match(await get('/v1/insights/product/engagement?range=all', analyst), { range: 'all', ...capped }, 'the platform too');
  const series = await get(`/v1/artists/${artist.id}/stats/timeseries?range=all`);
  t.equal(series.points.length, 1096, 'a daily series of at most 1096 points');
});
