import { createDb, type Db, ensureSchema, migrateToLatest } from '@chorus/db';
import type { ChorusConfig } from './config.js';
import { attachEmbeddedPostgres } from './embedded-postgres.js';

/**
 * The database for a command-line tool (`npm run db:migrate`, `npm run admin`): the configured one, or the
 * embedded cluster of the data folder — shared with a running `npm start` (never stopped), else started for the
 * tool alone. Migrated first, so a tool also works on a fresh database. `close()` undoes what it started.
 */
export async function openToolDatabase(
  config: ChorusConfig,
  command: string,
  log: (line: string) => void = () => {},
): Promise<{ db: Db; applied: string[]; close(): Promise<void> }> {
  const embedded = config.databaseUrl ? undefined : await attachEmbeddedPostgres({ dataDir: config.dataDir, command, log });
  const schema = config.databaseSchema;
  const db = createDb({
    url: config.databaseUrl ?? embedded!.url,
    maxConnections: 2,
    applicationName: command.replace(/^npm run /, 'chorus-').replace(/[^a-z0-9-]+/gi, '-'),
    ...(schema ? { schema } : {}),
  });
  const close = async () => {
    await db.destroy();
    await embedded?.stop();
  };
  try {
    if (schema) await ensureSchema(db, schema);
    const applied = await migrateToLatest(db, schema);
    return { db, applied, close };
  } catch (error) {
    await close();
    throw error;
  }
}
