import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { readdirSync, statSync } from 'node:fs';
import { readFile, rename, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

/** The package's root, from sources (src/server) and from dist (dist/server) alike. */
const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** Where `vite build` writes the app. */
export const WEB_DIST = join(ROOT, 'dist', 'web');
const SOURCES = [join(ROOT, 'src', 'web'), join(ROOT, 'vite.config.ts'), join(ROOT, '..', '..', 'packages', 'sdk', 'src')];

/** The newest modification time under the given files and folders (0 when none exist). */
function newest(paths: string[]): number {
  let latest = 0;
  const stack = [...paths];
  while (stack.length > 0) {
    const path = stack.pop()!;
    let info: ReturnType<typeof statSync>;
    try {
      info = statSync(path);
    } catch {
      continue;
    }
    if (info.isDirectory()) for (const entry of readdirSync(path)) stack.push(join(path, entry));
    else latest = Math.max(latest, info.mtimeMs);
  }
  return latest;
}

/** Whether dist/web is missing or older than the app's sources (a source checkout only: a deployed dist has none). */
export function webBuildStale(): boolean {
  const built = newest([join(WEB_DIST, 'index.html')]);
  if (built === 0) return true;
  return newest(SOURCES) > built;
}

/**
 * Builds the web app when it is missing or stale (`npm start` calls this while the platform boots; about 5 to 15 s
 * on two cores). The build goes to a folder of its own and is swapped in whole, so processes building at the same
 * time, or serving meanwhile, never see half an app. Answers what it did, for the start-up log.
 */
export async function ensureWebBuilt(): Promise<{ built: boolean; ms: number; error?: string }> {
  if (!webBuildStale()) return { built: false, ms: 0 };
  const started = Date.now();
  const out = `${WEB_DIST}-${process.pid}-${started}`;
  const vite = join(ROOT, '..', '..', 'node_modules', 'vite', 'bin', 'vite.js');
  const child = spawn(process.execPath, [vite, 'build', '--logLevel', 'warn', '--outDir', out], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString('utf8')).slice(-4000);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const [code] = (await once(child, 'close')) as [number | null];
  const ms = Date.now() - started;
  if (code !== 0) {
    await rm(out, { recursive: true, force: true });
    return { built: false, ms, error: output.trim() || `vite build exited with ${code}` };
  }
  const old = `${WEB_DIST}-old-${process.pid}-${started}`;
  await rename(WEB_DIST, old).catch(() => undefined);
  await rename(out, WEB_DIST).catch(async () => {
    // Another process swapped its build in first: theirs is as new as ours.
    await rm(out, { recursive: true, force: true });
  });
  await rm(old, { recursive: true, force: true });
  return { built: true, ms };
}

/**
 * What a first visit loads before it can draw: the entry script and the modules index.html preloads, with their
 * gzipped size (the bundle test holds it to the budget; test/bench/web reports it).
 */
export async function initialScripts(dist = WEB_DIST): Promise<{ html: string; files: string[]; gzipBytes: number }> {
  const html = await readFile(join(dist, 'index.html'), 'utf8');
  const files = [...html.matchAll(/<(?:script[^>]+src|link[^>]+rel="modulepreload"[^>]+href)="\/([^"]+\.js)"/g)].map((m) => m[1]!);
  let gzipBytes = 0;
  for (const file of files) gzipBytes += gzipSync(await readFile(join(dist, file))).length;
  return { html, files, gzipBytes };
}
