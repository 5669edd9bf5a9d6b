import { createDb, migrateToLatest } from '@chorus/db';
import { loadConfig, startEmbeddedPostgres } from '@chorus/service-kit';

// `npm run db:migrate`: migrates the configured database, or the embedded one under .chorus/. Fails loudly.
const config = loadConfig();
const embedded = config.databaseUrl ? undefined : await startEmbeddedPostgres({ dataDir: config.dataDir });
const db = createDb({ url: config.databaseUrl ?? embedded!.url, maxConnections: 1, applicationName: 'chorus-migrate' });
try {
  const applied = await migrateToLatest(db);
  console.log(applied.length ? `applied: ${applied.join(', ')}` : 'the schema is up to date');
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await db.destroy();
  await embedded?.stop();
}
