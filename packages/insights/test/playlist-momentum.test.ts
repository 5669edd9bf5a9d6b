import t from 'tap';
import type { Subject } from '../src/index.js';
import { detectPlaylistMomentum } from '../src/index.js';

const track: Subject = { kind: 'track', id: 'tr_9', name: 'Glass Harbour' };
const asOf = '2026-11-20';

t.test('flags a track added to many playlists this week', async (t) => {
  const [c, ...rest] = detectPlaylistMomentum({
    subject: track,
    asOf,
    addsLast7: { total: 12, collaborative: 5 },
    addsPrev7: { total: 4, collaborative: 1 },
  });
  t.equal(rest.length, 0);
  t.ok(c);
  t.equal(c!.type, 'playlist_momentum');
  t.equal(c!.title, 'Glass Harbour added to 12 playlists this week');
  t.match(c!.body, '12 playlists this week, 5 of them collaborative, against 4 the week before');
  t.equal(c!.dedupe_key, 'playlist_momentum:2026-W47');
  t.equal(c!.severity, 'info');
  t.match(c!.evidence, { adds_last_7: 12, collaborative_last_7: 5, adds_prev_7: 4, ratio: 3 });
});

t.test('thresholds', async (t) => {
  const base = { subject: track, asOf };
  t.same(detectPlaylistMomentum({ ...base, addsLast7: { total: 9, collaborative: 0 }, addsPrev7: { total: 0, collaborative: 0 } }), []);
  t.same(
    detectPlaylistMomentum({ ...base, addsLast7: { total: 30, collaborative: 0 }, addsPrev7: { total: 16, collaborative: 0 } }),
    [],
    'less than double last week',
  );
  const exactlyDouble = detectPlaylistMomentum({ ...base, addsLast7: { total: 30, collaborative: 0 }, addsPrev7: { total: 15, collaborative: 2 } });
  t.equal(exactlyDouble.length, 1);
  t.match(exactlyDouble[0]!.body, 'none of them collaborative');
  const fresh = detectPlaylistMomentum({ ...base, addsLast7: { total: 120, collaborative: 1 }, addsPrev7: { total: 0, collaborative: 0 } });
  t.equal(fresh[0]!.severity, 'major');
  t.match(fresh[0]!.body, '120 playlists this week, 1 of them collaborative, after none the week before');
  t.equal(detectPlaylistMomentum({ ...base, minAdds: 3, addsLast7: { total: 3, collaborative: 0 }, addsPrev7: { total: 1, collaborative: 0 } }).length, 1);
});
