import { type Db, integrityQueries } from '@chorus/db';
import { addDays } from '@chorus/insights';
import type { RangeQueryInput } from './analytics.schemas.js';
import { metric } from './metrics.rules.js';
import { resolveRange, todayUtc } from './ranges.rules.js';

const REASONS = ['over_real_time'] as const;
const SOURCES = ['native', 'listenbrainz'] as const;

/** Listens refused at ingestion over a range of UTC days (the day of the refusal), by reason and API, with the previous period and a daily series. */
export async function integrity(db: Db, query: RangeQueryInput) {
  const today = todayUtc();
  const range = resolveRange(query, today, query.range === 'all' ? await integrityQueries.firstDay(db) : undefined);
  const rows = await integrityQueries.refusalsByDay(db, range.previous_from, range.to);
  const current = rows.filter((r) => r.day >= range.from);
  const previous = rows.filter((r) => r.day < range.from);
  const sum = (list: typeof rows, key: 'listens' | 'batches') => list.reduce((n, r) => n + r[key], 0);
  const by = <K extends 'reason' | 'source'>(key: K, values: readonly string[]) =>
    [...values, ...[...new Set(rows.map((r) => r[key]))].filter((v) => !values.includes(v)).sort()].map((value) => ({
      [key]: value,
      listens: sum(
        current.filter((r) => r[key] === value),
        'listens',
      ),
      previous_listens: sum(
        previous.filter((r) => r[key] === value),
        'listens',
      ),
    }));
  return {
    ...range,
    refused_listens: metric(sum(current, 'listens'), sum(previous, 'listens')),
    refused_batches: metric(sum(current, 'batches'), sum(previous, 'batches')),
    reasons: by('reason', REASONS) as Array<{ reason: string; listens: number; previous_listens: number }>,
    sources: by('source', SOURCES) as Array<{ source: string; listens: number; previous_listens: number }>,
    daily: Array.from({ length: range.days }, (_, i) => {
      const day = addDays(range.from, i);
      const onDay = current.filter((r) => r.day === day);
      return { day, refused_listens: sum(onDay, 'listens'), refused_batches: sum(onDay, 'batches') };
    }),
  };
}
