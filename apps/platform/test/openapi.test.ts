import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import t from 'tap';
import { generateOpenApi } from '../src/openapi.js';

const committed = fileURLToPath(new URL('../../../openapi/chorus.openapi.json', import.meta.url));

t.test('the committed OpenAPI document is what the code generates', async (t) => {
  const [generated, onDisk] = await Promise.all([generateOpenApi(), readFile(committed, 'utf8')]);
  t.ok(generated === onDisk, 'openapi/chorus.openapi.json is up to date (run `npm run openapi` and commit it)');
  const doc = JSON.parse(generated);
  t.equal(doc.openapi, '3.1.0');
  t.ok(doc.components.securitySchemes.bearerAuth, 'bearer security scheme');
  const operations = Object.values(doc.paths as Record<string, Record<string, { tags?: string[]; responses?: object }>>).flatMap((p) => Object.values(p));
  t.ok(operations.length > 50, `${operations.length} operations`);
  t.ok(
    operations.every((op) => op.tags && op.tags.length > 0),
    'every operation is tagged',
  );
});

t.test('Redocly lint reports no errors', async (t) => {
  const bin = fileURLToPath(new URL('../node_modules/.bin/redocly', import.meta.url));
  const fallback = fileURLToPath(new URL('../../../node_modules/.bin/redocly', import.meta.url));
  const run = promisify(execFile);
  const cli = await readFile(bin).then(
    () => bin,
    () => fallback,
  );
  const result = await run(cli, ['lint', committed, '--format', 'json'], {
    env: { ...process.env, REDOCLY_TELEMETRY: 'off' },
    maxBuffer: 64 * 1024 * 1024,
  }).catch((error: { stdout?: string; code?: number }) => ({ stdout: error.stdout ?? '', code: error.code }));
  const report = JSON.parse(String(result.stdout));
  const errors = (report.problems as Array<{ severity: string; message: string }>).filter((p) => p.severity === 'error');
  t.same(errors, [], 'no lint errors');
});
