/** Throughput and latency percentiles of one measurement; `latencies` in ms, sorted in place. */
export interface LatencySummary {
  requests: number;
  perSecond: number;
  p50: number;
  p90: number;
  p95: number;
  p99: number;
  max: number;
  mean: number;
}

export function summarize(latencies: number[], elapsedMs: number): LatencySummary {
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0;
  return {
    requests: latencies.length,
    perSecond: latencies.length / (elapsedMs / 1000),
    p50: at(0.5),
    p90: at(0.9),
    p95: at(0.95),
    p99: at(0.99),
    max: latencies.at(-1) ?? 0,
    mean: latencies.reduce((a, b) => a + b, 0) / Math.max(1, latencies.length),
  };
}
