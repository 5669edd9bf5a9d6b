import { formatNumber, formatPercent } from './format.js';

export interface Bar {
  label: string;
  /** null: hidden to protect listeners (too few in the cell to show). */
  value: number | null;
  share?: number | null;
}

/** Horizontal bars, one plain SVG per row; a hidden value is drawn hatched and labelled hidden, never as zero. */
export function Bars({ bars, title, format = formatNumber }: { bars: Bar[]; title: string; format?: (v: number | null) => string }) {
  const max = Math.max(1, ...bars.map((b) => b.value ?? 0));
  return (
    <figure class="bars">
      <figcaption>{title}</figcaption>
      <ul>
        {bars.map((b) => (
          <li key={b.label} class="bar-row">
            <span class="bar-label">{b.label}</span>
            <svg class="bar-svg" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true">
              {b.value === null ? (
                <rect x="0" y="0" width="100" height="10" class="bar-hidden" />
              ) : (
                <rect x="0" y="0" height="10" width={Math.max(0.5, (100 * b.value) / max)} class="bar-fill" />
              )}
            </svg>
            <span class="bar-value num">
              {b.value === null ? (
                <em class="muted">hidden</em>
              ) : (
                `${format(b.value)}${b.share !== undefined && b.share !== null ? ` · ${formatPercent(b.share)}` : ''}`
              )}
            </span>
          </li>
        ))}
      </ul>
    </figure>
  );
}
