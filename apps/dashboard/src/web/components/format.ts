const integer = new Intl.NumberFormat('en', { maximumFractionDigits: 0 });
const compact = new Intl.NumberFormat('en', { notation: 'compact', maximumFractionDigits: 1 });
const percent = new Intl.NumberFormat('en', { style: 'percent', maximumFractionDigits: 1 });
const signedPercent = new Intl.NumberFormat('en', { style: 'percent', maximumFractionDigits: 1, signDisplay: 'exceptZero' });

/** 12,345: exact counts are shown exact. */
export function formatNumber(value: number | null | undefined): string {
  return value === null || value === undefined ? '–' : integer.format(value);
}

/** 12.3K: for axes and tight places only. */
export function formatCompact(value: number): string {
  return compact.format(value);
}

export function formatPercent(value: number | null | undefined): string {
  return value === null || value === undefined ? '–' : percent.format(value);
}

export function formatChange(value: number | null | undefined): string {
  return value === null || value === undefined ? '' : signedPercent.format(value);
}

/** 12.5 h: hours with one decimal, for charts of listening time in hours. */
export function formatHours(value: number | null): string {
  return value === null ? '–' : `${value.toLocaleString('en', { maximumFractionDigits: 1 })} h`;
}

/** Hours and minutes of listening from milliseconds. */
export function formatDuration(ms: number): string {
  const hours = Math.floor(ms / 3_600_000);
  const minutes = Math.round((ms % 3_600_000) / 60_000);
  return hours > 0 ? `${integer.format(hours)} h ${minutes} min` : `${minutes} min`;
}

const day = new Intl.DateTimeFormat('en', { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' });
const dateTime = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short' });

/** 2026-12-05 → Dec 5, 2026 (days are UTC calendar days in the API). */
export function formatDay(value: string): string {
  const date = new Date(`${value.slice(0, 10)}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? value : day.format(date);
}

/** YYYY-MM-DD of the UTC day `daysAgo` before today (the API's days are UTC calendar days). */
export function utcDay(daysAgo = 0): string {
  return new Date(Date.now() - daysAgo * 86_400_000).toISOString().slice(0, 10);
}

export function formatDateTime(value: string | Date): string {
  const date = typeof value === 'string' ? new Date(value) : value;
  return Number.isNaN(date.getTime()) ? String(value) : dateTime.format(date);
}

/** "3 min ago", for feeds and logs. */
export function formatAgo(value: string | Date, now = Date.now()): string {
  const at = (typeof value === 'string' ? new Date(value) : value).getTime();
  const seconds = Math.round((now - at) / 1000);
  if (seconds < 45) return 'just now';
  if (seconds < 3600) return `${Math.round(seconds / 60)} min ago`;
  if (seconds < 86_400) return `${Math.round(seconds / 3600)} h ago`;
  return formatDateTime(new Date(at));
}

/** Why a change cannot be shown, in words (the API's change_reason). */
export function changeReason(reason: string | null | undefined): string {
  switch (reason) {
    case 'no_data_in_previous_period':
      return 'nothing in the previous period to compare with';
    case 'previous_period_before_first_data':
      return 'the previous period is before the first listen';
    case 'no_previous_value':
      return 'no previous value';
    case 'no_current_value':
      return 'no value in this period';
    default:
      return '';
  }
}
