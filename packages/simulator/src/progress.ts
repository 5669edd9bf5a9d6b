/** Where progress goes: stderr by default; a TTY gets a redrawn bar, anything else a line every few seconds. */
export interface ProgressStream {
  write(text: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

const BAR = 24;

/** Formats milliseconds as m:ss (or h:mm:ss). */
export function clock(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${sec}` : `${m}:${sec}`;
}

/** 1234567 → "1,234,567". */
export function count(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

/**
 * A progress line: on a TTY a bar redrawn in place (at most every 100 ms); otherwise one plain line every
 * `intervalMs` (5 s), so logs stay readable.
 */
export class ProgressBar {
  private lastDraw = 0;
  private drawn = false;

  constructor(
    private readonly stream: ProgressStream = process.stderr,
    private readonly intervalMs = 5000,
  ) {}

  get tty(): boolean {
    return this.stream.isTTY === true;
  }

  update(fraction: number, text: string): void {
    const now = Date.now();
    if (now - this.lastDraw < (this.tty ? 100 : this.intervalMs)) return;
    this.lastDraw = now;
    this.draw(fraction, text);
  }

  /** Draws the final state and ends the line. */
  done(fraction: number, text: string): void {
    this.draw(fraction, text);
    if (this.tty) this.stream.write('\n');
    this.drawn = false;
  }

  /** Prints a line above the bar. */
  log(line: string): void {
    if (this.tty && this.drawn) this.stream.write('\r\x1b[2K');
    this.stream.write(`${line}\n`);
    this.drawn = false;
  }

  private draw(fraction: number, text: string): void {
    const f = Math.min(1, Math.max(0, fraction));
    if (this.tty) {
      const filled = Math.round(f * BAR);
      const line = `[${'#'.repeat(filled)}${'-'.repeat(BAR - filled)}] ${(f * 100).toFixed(0).padStart(3)}% ${text}`;
      const width = this.stream.columns ?? 120;
      this.stream.write(`\r\x1b[2K${line.slice(0, width - 1)}`);
      this.drawn = true;
    } else {
      this.stream.write(`${(f * 100).toFixed(0).padStart(3)}% ${text}\n`);
    }
  }
}
