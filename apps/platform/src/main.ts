import { relative } from 'node:path';
import { loadConfig, runProcess } from '@chorus/service-kit';
import { startWorkers } from '@chorus/workers';
import { DEMO_LOGINS, type Demo, seedDemo, startDemoTraffic } from './demo.js';
import { services } from './services.js';

// The one-process platform: every service and the workers, on the embedded default or on the configured backends.
const bootStarted = performance.now();
const config = loadConfig();

await runProcess(config, services, {
  title: 'Chorus API',
  beforeListen: async (deps) => {
    const stopWorkers = await startWorkers(deps);
    let demo: Demo | undefined;
    if (config.demo) demo = await seedDemo(deps, (line) => process.stdout.write(`${line}\n`));
    const traffic = demo && config.simulate ? startDemoTraffic(deps, demo) : undefined;
    return async () => {
      await traffic?.stop();
      await stopWorkers();
    };
  },
  afterListen: (deps, address) => {
    const ms = Math.round(performance.now() - bootStarted);
    const topology = config.databaseUrl
      ? 'production topology (external PostgreSQL)'
      : `embedded default (PostgreSQL under ${relative(process.cwd(), config.dataDir) || '.'}/)`;
    const queue = deps.jobs.backend === 'redis' ? 'BullMQ on Redis' : 'BullMQ on PostgreSQL';
    const lines = [
      '',
      `Chorus is up in ${ms} ms: ${topology}, ${queue}.`,
      `  API        ${address}/v1`,
      `  API docs   ${address}/docs`,
      `  OpenAPI    ${address}/openapi.json`,
      `  Health     ${address}/readyz`,
      ...(config.demo
        ? ['', 'Demo logins (POST /v1/auth/login with email and password):', ...DEMO_LOGINS.map((l) => `  ${l.role.padEnd(36)} ${l.email}  ${l.password}`)]
        : []),
      ...(config.demo && config.simulate ? ['', 'A simulator is sending a few listens a second (CHORUS_SIMULATE=0 to stop it).'] : []),
      '',
      'Press Ctrl-C to stop.',
      '',
    ];
    process.stdout.write(lines.join('\n'));
  },
});
