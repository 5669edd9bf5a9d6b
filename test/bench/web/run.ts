/**
 * Web app benchmark (issue 15, "Quality: fast"): what a first visit downloads, how long the artist overview's chart
 * takes to draw a year of days, and how soon a page revisited shows its numbers, in Debian's Chromium against the
 * one-process platform with the demo seeded.
 *
 *   node --conditions=development --import tsx test/bench/web/run.ts [--rounds 20]
 *
 * Chart: the time from handing uPlot the data to its first drawn frame (a `chorus:chart` performance measure in
 * components/Chart.tsx), for 365 daily points and, as the floor in the same run, for 7 (the previous period is drawn
 * beside them only when it has listens, which the demo's four weeks of history do not give a year). Revisit: from a click back to a page seen before to its first number on screen
 * (the app keeps answers and shows them at once, refreshing in the background), against the first visit's.
 */
import { parseArgs } from 'node:util';
import { ensureWebBuilt, initialScripts } from '@chorus/dashboard';
import { createChorusClient, unwrap } from '@chorus/sdk';
import { launchChromium, signIn } from '../../support/chromium.js';
import { startPlatform } from '../../support/platform.js';
import { DEMO } from '../../support/web.js';

const { values: args } = parseArgs({ options: { rounds: { type: 'string', default: '20' } } });
const rounds = Number(args.rounds);
const teardowns: Array<() => unknown> = [];
const t = { teardown: (fn: () => unknown) => teardowns.push(fn) };
const progress = (line: string) => process.stderr.write(`${line}\n`);

function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
}

try {
  const build = await ensureWebBuilt();
  if (build.error) throw new Error(build.error);
  const { files: initial, gzipBytes: initialGz } = await initialScripts();

  progress('starting the platform with the demo ...');
  const { baseUrl } = await startPlatform(t, { CHORUS_DEMO: '1', CHORUS_SIMULATE: '0' });
  const token = unwrap(await createChorusClient({ baseUrl }).POST('/v1/auth/login', { body: DEMO.artist })).access_token;
  const [artist] = unwrap(await createChorusClient({ baseUrl, token }).GET('/v1/me/artists', { params: { query: { limit: 1 } } })).items;
  const browser = await launchChromium(t);
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await signIn(page, baseUrl, DEMO.artist.email, DEMO.artist.password);

  const chartTimes = async (range: string): Promise<number[]> => {
    const times: number[] = [];
    for (let i = 0; i < rounds; i++) {
      await page.goto(`${baseUrl}/artists/${artist!.id}?range=${range}`);
      await page.waitForFunction(
        (points) => performance.getEntriesByName('chorus:chart').some((e) => (e as PerformanceMeasure).detail?.points === points),
        range === '365d' ? 365 : 7,
        { timeout: 30_000 },
      );
      const ms = await page.evaluate(() => {
        const entries = performance.getEntriesByName('chorus:chart') as PerformanceMeasure[];
        return entries.at(-1)!.duration;
      });
      times.push(ms);
    }
    return times;
  };
  progress(`chart: ${rounds} loads of 365 days and of 7 ...`);
  const year = await chartTimes('365d');
  const week = await chartTimes('7d');

  progress('revisits ...');
  const firstVisit: number[] = [];
  const revisit: number[] = [];
  for (let i = 0; i < Math.min(rounds, 10); i++) {
    await page.goto(`${baseUrl}/artists/${artist!.id}?range=28d`);
    await page.getByTestId('stat-streams').waitFor();
    const tracksLink = page.getByRole('link', { name: 'Tracks' });
    let started = Date.now();
    await tracksLink.click();
    await page.waitForURL(/\/tracks/);
    await page.locator('table.data-table tbody tr').first().waitFor();
    if (i === 0) firstVisit.push(Date.now() - started);
    await page.getByRole('link', { name: 'Overview' }).click();
    started = Date.now();
    await page.getByTestId('stat-streams').locator('[data-value]:not([data-value=""])').waitFor();
    revisit.push(Date.now() - started);
  }
  await context.close();

  const row = (name: string, values: number[]) =>
    `${name.padEnd(44)} ${quantile(values, 0.5).toFixed(1).padStart(8)} ${quantile(values, 0.95).toFixed(1).padStart(8)} ${Math.max(...values)
      .toFixed(1)
      .padStart(8)}`;
  const lines = [
    '',
    'Chorus web app benchmark (Chromium, one-process platform, demo seeded)',
    `initial JavaScript: ${initial.join(', ')}: ${(initialGz / 1024).toFixed(1)} KB gzipped`,
    '',
    `${'measure (ms)'.padEnd(44)} ${'p50'.padStart(8)} ${'p95'.padStart(8)} ${'max'.padStart(8)}`,
    row('chart, 365 days (data to frame)', year),
    row('chart, 7 days (floor, same run)', week),
    row('revisit of the overview: first number shown', revisit),
    row('first visit of the tracks page: first row', firstVisit),
    '',
    `${initialGz <= 200 * 1024 ? 'met   ' : 'MISSED'}  initial JavaScript <= 200 KB gzipped: ${(initialGz / 1024).toFixed(1)} KB`,
    `${quantile(year, 0.95) < 100 ? 'met   ' : 'MISSED'}  a 365-day chart renders in under 100 ms: p95 ${quantile(year, 0.95).toFixed(1)} ms (7 days: ${quantile(week, 0.95).toFixed(1)} ms)`,
    '',
  ];
  process.stdout.write(lines.join('\n'));
} finally {
  for (const fn of teardowns.reverse()) await fn();
}
