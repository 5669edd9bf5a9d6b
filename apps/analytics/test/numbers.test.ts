import { createTestApp, createUser } from '@chorus/service-kit/testing';
import { createArtist } from '@chorus/test-kit';
import t from 'tap';
import { analyticsService } from '../src/index.js';
import { addDays, teamMember, today } from './support.js';

const env = { CHORUS_RATE_LIMITS: 'off' };

t.test('numbers a reader can trust: like with like, no change against a period before the first data', async (t) => {
  const { app, deps } = await createTestApp(t, [analyticsService], { env });
  const artist = await createArtist(deps.db, 'Newcomer', ['Debut']);
  const member = await teamMember(deps, artist.id, 'reader');
  const day0 = today();
  // First data 30 days ago (1 stream), then 100 a day: the 28 days before the 28d range hold 3 days of data.
  const rows = [{ day: addDays(day0, -30), streams: 1 }, ...Array.from({ length: 30 }, (_, i) => ({ day: addDays(day0, -29 + i), streams: 100 }))];
  for (const r of rows) await deps.db.insertInto('artist_daily').values({ artist_id: artist.id, day: r.day, streams: r.streams }).execute();
  const get = async (url: string) => {
    const res = await app.inject({ url, headers: member.auth });
    t.equal(res.statusCode, 200, url);
    return res.json();
  };

  const month = await get(`/v1/artists/${artist.id}/stats?range=28d`);
  t.equal(month.streams.previous, 201, 'the previous period holds only the first three days of data');
  t.same(
    { change: month.streams.change, change_reason: month.streams.change_reason },
    { change: null, change_reason: 'previous_period_before_first_data' },
    'so no +1,293% against it: null, with the reason',
  );
  const year = await get(`/v1/artists/${artist.id}/stats?range=365d`);
  t.same({ change: year.streams.change, change_reason: year.streams.change_reason }, { change: null, change_reason: 'no_data_in_previous_period' });
  const week = await get(`/v1/artists/${artist.id}/stats?range=7d`);
  t.same(
    { previous: week.streams.previous, change: week.streams.change, change_reason: week.streams.change_reason },
    { previous: 700, change: 0, change_reason: null },
    'a covered period compares',
  );
  t.equal(week.skips.change_reason, 'no_previous_value', 'nothing to compare with is said too');

  // 24h: the last whole day against the whole day before, never today so far against all of yesterday.
  await deps.db.updateTable('artist_daily').set({ streams: 7 }).where('artist_id', '=', artist.id).where('day', '=', day0).execute();
  const day = await get(`/v1/artists/${artist.id}/stats?range=24h`);
  t.match(day, { from: addDays(day0, -1), to: addDays(day0, -1), previous_from: addDays(day0, -2), previous_to: addDays(day0, -2) });
  t.same(day.streams, { value: 100, previous: 100, change: 0, change_reason: null }, 'a whole day against a whole day');
});

t.test('CSV on every statistics route; 406 for an Accept it cannot meet; ETag and 304', async (t) => {
  const { app, deps } = await createTestApp(t, [analyticsService], { env });
  const artist = await createArtist(deps.db, 'Exporter', ['Sheet']);
  const member = await teamMember(deps, artist.id, 'reader');
  await deps.db.insertInto('artist_daily').values({ artist_id: artist.id, day: today(), streams: 3 }).execute();
  const a = artist.id;
  const track = artist.tracks[0]!.id;
  const routes = [
    `/v1/artists/${a}/stats`,
    `/v1/artists/${a}/stats/timeseries`,
    `/v1/artists/${a}/stats/tracks`,
    `/v1/artists/${a}/stats/audience?dimension=age`,
    `/v1/artists/${a}/stats/sources`,
    `/v1/artists/${a}/stats/playlists`,
    `/v1/tracks/${track}/stats`,
    `/v1/tracks/${track}/stats/timeseries`,
  ];
  const withQuery = (url: string, query: string) => `${url}${url.includes('?') ? '&' : '?'}${query}`;
  for (const url of routes) {
    const byAccept = await app.inject({ url, headers: { ...member.auth, accept: 'text/csv' } });
    t.equal(byAccept.statusCode, 200, `${url}: CSV by Accept`);
    t.match(byAccept.headers['content-type'], /^text\/csv/);
    t.match(byAccept.headers['content-disposition'], /^attachment; filename="[\w.-]+\.csv"$/);
    const byFormat = await app.inject({ url: withQuery(url, 'format=csv'), headers: member.auth });
    t.equal(byFormat.body, byAccept.body, `${url}: the same CSV by format=csv`);
    const refused = await app.inject({ url, headers: { ...member.auth, accept: 'application/xml' } });
    t.equal(refused.statusCode, 406, `${url}: 406 for application/xml`);
    t.match(refused.headers['content-type'], /^application\/problem\+json/);
    t.equal(refused.json().code, 'not_acceptable');

    for (const accept of ['application/json', 'text/csv']) {
      const first = await app.inject({ url, headers: { ...member.auth, accept } });
      const tag = first.headers.etag as string;
      t.match(tag, /^"[\w-]+"$/, `${url} ${accept}: an ETag`);
      const again = await app.inject({ url, headers: { ...member.auth, accept, 'if-none-match': tag } });
      t.equal(again.statusCode, 304, `${url} ${accept}: 304 to If-None-Match`);
      t.equal(again.body, '');
    }
  }
  const stats = await app.inject({ url: `/v1/artists/${a}/stats?format=csv`, headers: member.auth });
  t.match(stats.body, /^metric,value,previous,change,change_reason\r\nstreams,3,0,,no_data_in_previous_period\r\n/, 'stats as rows of metrics');
  const sources = await app.inject({ url: `/v1/artists/${a}/stats/sources?format=csv`, headers: member.auth });
  t.match(sources.body, /^level,name,streams,share,previous_streams,previous_share\r\nsource,library,/);
  t.match(sources.body, /\r\nfamily,own_library_and_playlists,/);

  // A change to the numbers makes a new ETag.
  const before = (await app.inject({ url: `/v1/artists/${a}/stats`, headers: member.auth })).headers.etag as string;
  await deps.db.updateTable('artist_daily').set({ streams: 4 }).where('artist_id', '=', a).execute();
  await deps.bus.publish('listening:changed', { artists: [a], tracks: [], days: [today()], at: new Date().toISOString() });
  await new Promise((r) => setTimeout(r, 200));
  const after = await app.inject({ url: `/v1/artists/${a}/stats`, headers: { ...member.auth, 'if-none-match': before } });
  t.equal(after.statusCode, 200, 'a stale ETag gets the new answer');
  t.not(after.headers.etag, before);
});

t.test('product insight answers CSV too, with ETags', async (t) => {
  const { app, deps } = await createTestApp(t, [analyticsService], { env });
  const analyst = await createUser(deps, { roles: ['product_analyst'] });
  const artist = await createArtist(deps.db, 'Platformwide', ['Everywhere']);
  await deps.db.insertInto('listener_daily').values({ user_id: analyst.id, day: today(), streams: 2 }).execute();
  await deps.db.insertInto('artist_daily').values({ artist_id: artist.id, day: today(), streams: 2 }).execute();
  const heads: Record<string, RegExp> = {
    '/v1/insights/product/engagement': /^metric,value,previous,change,change_reason\r\ndau,1,0,,no_data_in_previous_period\r\n/,
    '/v1/insights/product/sources?range=7d': /^level,name,streams,share,previous_streams,previous_share\r\nsource,library,/,
    '/v1/insights/product/platforms': /^level,name,streams,share,previous_streams,previous_share\r\nplatform,ios,/,
    '/v1/insights/product/retention?cohorts=2': /^week,week_start,size,weeks_after,active,retention\r\n/,
    '/v1/insights/product/trends?market=SE': /^kind,id,name,artist_id,artist_name,current,previous,change,p_value\r\n/,
    '/v1/insights/product/diversity': /^period,start,end,share_outside_top,total_streams,artists,top_artists\r\nrange,/,
  };
  for (const [url, head] of Object.entries(heads)) {
    const csv = await app.inject({ url, headers: { ...analyst.auth, accept: 'text/csv' } });
    t.equal(csv.statusCode, 200, `${url}: CSV`);
    t.match(csv.body, head, `${url}: its header row`);
    t.match(csv.headers['content-disposition'], /^attachment; filename="product-[\w.-]+\.csv"$/);
    t.equal((await app.inject({ url: `${url}${url.includes('?') ? '&' : '?'}format=csv`, headers: analyst.auth })).body, csv.body, `${url}: format=csv`);
    t.equal((await app.inject({ url, headers: { ...analyst.auth, accept: 'text/html' } })).statusCode, 406, `${url}: 406`);
    const json = await app.inject({ url, headers: analyst.auth });
    t.equal((await app.inject({ url, headers: { ...analyst.auth, 'if-none-match': json.headers.etag as string } })).statusCode, 304, `${url}: 304`);
  }
});
