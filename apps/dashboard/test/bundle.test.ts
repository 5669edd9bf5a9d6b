import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import t from 'tap';
import { initialScripts } from '../src/index.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
/** Issue 15: the JavaScript a first visit loads, gzipped. */
const BUDGET_BYTES = 200 * 1024;

t.test('the JavaScript a first visit loads stays within 200 KB gzipped', async (t) => {
  const out = await mkdtemp(join(tmpdir(), 'chorus-web-build-'));
  t.teardown(() => rm(out, { recursive: true, force: true }));
  const vite = join(ROOT, '..', '..', 'node_modules', 'vite', 'bin', 'vite.js');
  const build = spawnSync(process.execPath, [vite, 'build', '--logLevel', 'error', '--outDir', out], { cwd: ROOT, encoding: 'utf8', timeout: 240_000 });
  t.equal(build.status, 0, `vite build: ${build.stderr}`);
  // The entry script and what it preloads: everything the first page needs before it can draw.
  const { html, files: initial, gzipBytes: total } = await initialScripts(out);
  t.ok(initial.length >= 1, `initial scripts: ${initial.join(', ')}`);
  t.ok(total <= BUDGET_BYTES, `initial JavaScript ${(total / 1024).toFixed(1)} KB gzipped (budget ${BUDGET_BYTES / 1024} KB)`);
  t.notMatch(html, /<script>(?!<\/script>)/, 'no inline script (the page policy forbids them)');
});
