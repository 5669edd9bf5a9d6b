import t from 'tap';
import {
  addDays,
  binomialUpperTail,
  countryName,
  daysBetween,
  formatDate,
  formatInt,
  formatPercent,
  isoWeek,
  logBeta,
  logGamma,
  mad,
  mean,
  median,
  normalCdf,
  normalQuantile,
  quantile,
} from '../src/index.js';

t.test('central tendency and spread', async (t) => {
  t.equal(mean([1, 2, 3, 4]), 2.5);
  t.ok(Number.isNaN(mean([])));
  t.equal(median([5, 1, 3]), 3);
  t.equal(median([4, 1, 3, 2]), 2.5);
  t.equal(quantile([1, 2, 3, 4, 5], 0.25), 2);
  t.equal(quantile([10, 20], 0.1), 11);
  // |x - 3| = 2, 1, 0, 1, 97 → median 1; one wild value does not move it.
  t.equal(mad([1, 2, 3, 4, 100]), 1);
  t.throws(() => quantile([1], 1.5));
});

t.test('ISO weeks and day arithmetic', async (t) => {
  t.equal(isoWeek('2026-11-20'), '2026-W47');
  t.equal(isoWeek('2021-01-03'), '2020-W53', 'early January can belong to the previous ISO year');
  t.equal(isoWeek('2024-12-30'), '2025-W01', 'late December can belong to the next ISO year');
  t.equal(isoWeek('2026-01-01'), '2026-W01');
  t.equal(isoWeek('2026-11-16'), isoWeek('2026-11-22'), 'Monday and Sunday share a week');
  t.not(isoWeek('2026-11-22'), isoWeek('2026-11-23'));
  t.equal(addDays('2024-02-28', 1), '2024-02-29');
  t.equal(addDays('2026-03-01', -1), '2026-02-28');
  t.equal(addDays('2026-12-31', 1), '2027-01-01');
  t.equal(daysBetween('2026-01-01', '2026-03-01'), 59);
  t.throws(() => isoWeek('2026-02-30'));
  t.throws(() => addDays('20261120', 1));
});

t.test('formatting', async (t) => {
  t.equal(`${formatInt(1204)} against ${formatInt(354)}`, '1,204 against 354');
  t.equal(formatInt(1_234_567.4), '1,234,567');
  t.equal(formatInt(-0.2), '0');
  t.equal(formatPercent(240.1), '240%');
  t.equal(formatPercent(1234), '1,234%');
  t.equal(formatDate('2026-11-20'), 'Nov 20, 2026');
  t.equal(countryName('SE'), 'Sweden');
  t.equal(countryName('us'), 'United States');
  t.equal(countryName('XK'), 'Kosovo');
  t.equal(countryName('QQ'), 'QQ', 'unassigned codes fall back to the code');
  t.equal(countryName('unknown'), 'unknown');
});

t.test('log-gamma and log-beta', async (t) => {
  t.ok(Math.abs(logGamma(1)) < 1e-12);
  t.ok(Math.abs(logGamma(5) - Math.log(24)) < 1e-12);
  t.ok(Math.abs(logGamma(0.5) - 0.5 * Math.log(Math.PI)) < 1e-12);
  let lf = 0;
  for (let i = 2; i <= 170; i++) lf += Math.log(i);
  t.ok(Math.abs(logGamma(171) - lf) / lf < 1e-13, 'ln 170! to 13 digits');
  t.ok(Math.abs(logBeta(2, 3) - Math.log(1 / 12)) < 1e-12);
});

t.test('binomial tail', async (t) => {
  t.ok(Math.abs(binomialUpperTail(8, 10, 0.5) - 56 / 1024) < 1e-12, 'P(X >= 8 | 10, 1/2) = 56/1024');
  t.equal(binomialUpperTail(0, 10, 0.5), 1);
  t.equal(binomialUpperTail(11, 10, 0.5), 0);
  t.ok(Math.abs(binomialUpperTail(1, 3, 0.2) - (1 - 0.8 ** 3)) < 1e-12);
  // The exact sum and the continuity-corrected approximation should meet where they hand over.
  const exact = binomialUpperTail(530, 1000, 0.5);
  const approx = binomialUpperTail(531, 1001, 0.5);
  t.ok(exact > 0.02 && exact < 0.04, `exact ${exact}`);
  t.ok(Math.abs(exact - approx) / exact < 0.1, `exact ${exact} vs approx ${approx}`);
  t.ok(binomialUpperTail(900, 1000, 0.5) < 1e-100, 'far tail stays tiny instead of rounding to junk');
});

t.test('normal distribution', async (t) => {
  t.ok(Math.abs(normalCdf(0) - 0.5) < 1e-7);
  t.ok(Math.abs(normalCdf(1.959964) - 0.975) < 1e-6);
  t.ok(Math.abs(normalCdf(-3.29) - 0.000501) < 2e-6);
  t.ok(Math.abs(normalQuantile(0.9) - 1.2815516) < 1e-6);
  t.ok(Math.abs(normalQuantile(0.001) + 3.0902323) < 1e-6);
  t.ok(Math.abs(normalCdf(normalQuantile(0.123)) - 0.123) < 1e-7);
});
