import { createDb } from '@chorus/db';
import { JobSystem } from '@chorus/jobs';
import { buildApp, KeyStore, loadConfig, MemoryBus, Metrics, OutageLog, openApiDocument, StreamLimiter, stderrWarn } from '@chorus/service-kit';
import { services } from './services.js';

/** Sorts object keys so the committed document only changes when the API does. */
function stable(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(stable);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, stable((value as Record<string, unknown>)[k])]),
    );
  }
  return value;
}

/**
 * Builds the platform's OpenAPI 3.1 document from the route schemas, without touching any backend:
 * the pool and queues are created lazily and never used.
 */
export async function generateOpenApi(): Promise<string> {
  // Never used to encrypt anything: the document is built without touching a backend.
  const config = loadConfig({
    CHORUS_DATABASE_URL: 'postgres://openapi@127.0.0.1:1/none',
    CHORUS_KEY_ENCRYPTION_KEY: '0'.repeat(64),
    CHORUS_LOG_LEVEL: 'silent',
  });
  const db = createDb({ url: config.databaseUrl!, maxConnections: 1 });
  const jobs = new JobSystem({ databaseUrl: config.databaseUrl! });
  const app = await buildApp(
    {
      config,
      db,
      jobs,
      bus: new MemoryBus(),
      redis: undefined,
      keys: new KeyStore(db, config.auth),
      namespace: 'openapi',
      streams: new StreamLimiter(config.streams),
      metrics: new Metrics(),
      outages: new OutageLog(stderrWarn),
    },
    services,
    { logger: false },
  );
  try {
    await app.ready();
    return `${JSON.stringify(stable(openApiDocument(app)), null, 2)}\n`;
  } finally {
    await app.close();
    await db.destroy();
  }
}
