import { createTestApp } from '@chorus/service-kit/testing';
import { createArtist } from '@chorus/test-kit';
import t from 'tap';
import { analyticsService } from '../src/index.js';
import { teamMember } from './support.js';

const env = { CHORUS_RATE_LIMITS: 'off' };

t.test('a track title that is a formula reaches CSV as text, not as a formula', async (t) => {
  const { app, deps } = await createTestApp(t, [analyticsService], { env });
  const artist = await createArtist(deps.db, 'Spreadsheet', ['=HYPERLINK("http://evil.example","x")', '@SUM(A1:A9)', '-3', 'Plain']);
  const member = await teamMember(deps, artist.id, 'reader');
  const res = await app.inject({ url: `/v1/artists/${artist.id}/stats/tracks?sort=streams`, headers: { ...member.auth, accept: 'text/csv' } });
  t.equal(res.statusCode, 200);
  const lines = res.body.split('\r\n');
  const titleOf = (id: string) =>
    lines
      .find((line) => line.startsWith(id))!
      .slice(id.length + 1)
      .split(',0,')[0];
  t.equal(titleOf(artist.tracks[0]!.id), `"'=HYPERLINK(""http://evil.example"",""x"")"`);
  t.equal(titleOf(artist.tracks[1]!.id), `"'@SUM(A1:A9)"`);
  t.equal(titleOf(artist.tracks[2]!.id), `"'-3"`, 'a title is text even when it looks like a number');
  t.equal(titleOf(artist.tracks[3]!.id), 'Plain');
  t.ok(
    lines.slice(1).every((line) => line === '' || /,0,0,0,,0,0,0$/.test(line)),
    'the numeric columns are plain numbers',
  );
});
