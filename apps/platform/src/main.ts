import { relative } from 'node:path';
import { loadConfig, runProcess, startOrExit } from '@chorus/service-kit';
import { startWorkers } from '@chorus/workers';
import { ensureWebBuilt } from '@chorus/dashboard';
import { prepareSigningKeys } from '@chorus/identity';
import { type Demo, demoBanner, seedDemo, startDemoTraffic, syncDemoRoles } from './demo.js';
import { services } from './services.js';

// The one-process platform: every service and the workers, on the embedded default or on the configured backends.
const bootStarted = performance.now();
const config = await startOrExit(async () => loadConfig());
const print = (line: string) => process.stdout.write(`${line}\n`);
let demo: Demo | undefined;
// The web app is built while the platform boots when it is missing or older than its sources (CHORUS_WEB_BUILD=0: never).
const webBuild: ReturnType<typeof ensureWebBuilt> = process.env.CHORUS_WEB_BUILD === '0' ? Promise.resolve({ built: false, ms: 0 }) : ensureWebBuilt();

function where(dir: string): string {
  const rel = relative(process.cwd(), dir);
  return rel === '' ? '.' : rel.startsWith('..') ? dir : rel;
}

await startOrExit(() =>
  runProcess(config, services, {
    title: 'Chorus API',
    beforeListen: async (deps) => {
      await prepareSigningKeys(deps);
      // Published logins never keep platform_admin on a server others can reach, demo or not.
      await syncDemoRoles(deps, print);
      // The demo's history is written and its insights replayed before the workers start, so their first
      // evaluations see it whole (no "passed 1,000 streams, up from 0" dated today).
      if (config.demo) demo = await seedDemo(deps, print);
      const stopWorkers = await startWorkers(deps);
      const traffic = demo && config.simulate ? startDemoTraffic(deps, demo) : undefined;
      return async () => {
        await traffic?.stop();
        await stopWorkers();
      };
    },
    afterListen: async (deps, address) => {
      const web = await webBuild;
      const ms = Math.round(performance.now() - bootStarted);
      const topology = config.databaseUrl ? 'production topology (external PostgreSQL)' : `embedded default (PostgreSQL under ${where(config.dataDir)}/)`;
      const queue = deps.jobs.backend === 'redis' ? 'BullMQ on Redis' : 'BullMQ on PostgreSQL';
      const lines = [
        '',
        `Chorus is up in ${ms} ms: ${topology}, ${queue}.`,
        `  Web app    ${address}/${web.error ? `  (the build failed: ${web.error.split('\n')[0]})` : web.built ? `  (built in ${(web.ms / 1000).toFixed(1)} s)` : ''}`,
        `  API        ${address}/v1`,
        `  API docs   ${address}/docs`,
        `  OpenAPI    ${address}/openapi.json`,
        `  Health     ${address}/readyz`,
        ...(demo ? demoBanner(demo, address, { loopbackOnly: config.loopbackOnly, simulate: config.simulate }) : []),
        '',
        'Press Ctrl-C to stop.',
        '',
      ];
      process.stdout.write(lines.join('\n'));
    },
  }),
);
