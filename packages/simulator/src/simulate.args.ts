import { parseArgs } from 'node:util';

const UNITS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** "60s", "5m", "1h30m", "250ms" or plain seconds ("90") as milliseconds. */
export function parseDuration(text: string): number {
  const trimmed = text.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Number(trimmed) * 1000;
  const parts = [...trimmed.matchAll(/(\d+(?:\.\d+)?)(ms|s|m|h|d)/g)];
  if (parts.length === 0 || parts.map((p) => p[0]).join('') !== trimmed) throw new Error(`not a duration: "${text}" (try 60s, 5m or 1h)`);
  return parts.reduce((sum, p) => sum + Number(p[1]) * UNITS[p[2]!]!, 0);
}

export const USAGE = `Chorus traffic simulator

Live traffic against a running Chorus (start it with CHORUS_RATE_LIMITS=off for load):
  npm run simulate -- --users N --rate R --duration D --seed S [--target URL] [--artists A] [--concurrency C]
    R listens per second for D (60s, 5m, 1h); default target http://127.0.0.1:3000

A history straight into PostgreSQL, for benchmarks:
  npm run simulate -- --bulk --listens N --days D --users U --artists A --seed S [--database-url URL] [--batch-size B]
    default database: CHORUS_DATABASE_URL, else postgres://postgres@127.0.0.1:5432/chorus
`;

export interface HttpArgs {
  mode: 'http';
  target: string;
  users: number;
  artists: number;
  rate: number;
  durationMs: number;
  seed: number;
  concurrency: number;
  tracksPerArtist: number;
}

export interface BulkArgs {
  mode: 'bulk';
  databaseUrl: string;
  users: number;
  artists: number;
  listens: number;
  days: number;
  seed: number;
  batchSize: number;
  tracksPerArtist: number;
}

export type SimulateArgs = HttpArgs | BulkArgs | { mode: 'help' };

function number(name: string, raw: string | undefined, fallback: number, { integer = true, min = 1 } = {}): number {
  if (raw === undefined) return fallback;
  const n = Number(raw.replace(/_/g, ''));
  if (!Number.isFinite(n) || (integer && !Number.isInteger(n)) || n < min)
    throw new Error(`--${name} must be ${integer ? 'an integer' : 'a number'} >= ${min}, got "${raw}"`);
  return n;
}

/** Parses the command line; `env` supplies the default database URL. */
export function parseSimulateArgs(argv: string[], env: Record<string, string | undefined>): SimulateArgs {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      bulk: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
      users: { type: 'string' },
      artists: { type: 'string' },
      listens: { type: 'string' },
      days: { type: 'string' },
      seed: { type: 'string' },
      rate: { type: 'string' },
      duration: { type: 'string' },
      target: { type: 'string' },
      concurrency: { type: 'string' },
      'database-url': { type: 'string' },
      'batch-size': { type: 'string' },
      'tracks-per-artist': { type: 'string' },
    },
  });
  if (values.help) return { mode: 'help' };
  const seed = number('seed', values.seed, 1, { min: 0 });
  const tracksPerArtist = number('tracks-per-artist', values['tracks-per-artist'], 8);
  if (values.bulk) {
    return {
      mode: 'bulk',
      databaseUrl: values['database-url'] ?? env.CHORUS_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/chorus',
      users: number('users', values.users, 5000),
      artists: number('artists', values.artists, 500),
      listens: number('listens', values.listens, 100_000),
      days: number('days', values.days, 90, { integer: false, min: 0.001 }),
      seed,
      batchSize: number('batch-size', values['batch-size'], 5000),
      tracksPerArtist,
    };
  }
  const target = values.target ?? 'http://127.0.0.1:3000';
  if (!/^https?:\/\//.test(target)) throw new Error(`--target must be an http(s) URL, got "${target}"`);
  return {
    mode: 'http',
    target,
    users: number('users', values.users, 100),
    artists: number('artists', values.artists, 30),
    rate: number('rate', values.rate, 10, { integer: false, min: 0.01 }),
    durationMs: values.duration === undefined ? 60_000 : parseDuration(values.duration),
    seed,
    concurrency: number('concurrency', values.concurrency, 16),
    tracksPerArtist,
  };
}
