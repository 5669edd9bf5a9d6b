import { loadConfig, openToolDatabase, startOrExit } from '@chorus/service-kit';

// `npm run db:migrate`: migrates the configured database, or the embedded one under .chorus/ (beside a running
// `npm start` it uses that process's PostgreSQL and leaves it running). Fails loudly.
const config = loadConfig();
try {
  const { applied, close } = await startOrExit(() => openToolDatabase(config, 'npm run db:migrate', (line) => console.log(line)));
  console.log(applied.length ? `applied: ${applied.join(', ')}` : 'the schema is up to date');
  await close();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
}
