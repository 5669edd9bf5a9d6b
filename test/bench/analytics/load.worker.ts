import { Agent, request } from 'node:http';
import { parentPort, workerData } from 'node:worker_threads';
import { type LatencySummary, summarize } from './latency.js';

/**
 * The load generator, in its own thread so it never shares an event loop with the server it measures:
 * `concurrency` closed loops over one keep-alive agent (node:http, not fetch), each sending its next request
 * as soon as the last answered, cycling through `paths`. Requests during the warm-up are not counted.
 */

export interface LoadInput {
  base: string;
  paths: string[];
  headers: Record<string, string>;
  concurrency: number;
  warmupMs: number;
  durationMs: number;
}

export interface LoadOutput extends LatencySummary {
  errors: number;
  statuses: Record<string, number>;
  elapsedMs: number;
}

const input = workerData as LoadInput;
const url = new URL(input.base);
const agent = new Agent({ keepAlive: true, maxSockets: input.concurrency });

function call(path: string): Promise<number> {
  return new Promise((resolve) => {
    const req = request({ host: url.hostname, port: url.port, path, agent, headers: input.headers }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
      res.on('error', () => resolve(0));
    });
    req.on('error', () => resolve(0));
    req.end();
  });
}

async function run(): Promise<LoadOutput> {
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  let errors = 0;
  let next = 0;
  const start = performance.now();
  const measureFrom = start + input.warmupMs;
  const end = measureFrom + input.durationMs;
  const loop = async () => {
    for (;;) {
      const sent = performance.now();
      if (sent >= end) return;
      const path = input.paths[next++ % input.paths.length]!;
      const status = await call(path);
      const done = performance.now();
      if (sent < measureFrom) continue;
      latencies.push(done - sent);
      statuses[status] = (statuses[status] ?? 0) + 1;
      if (status !== 200) errors++;
    }
  };
  await Promise.all(Array.from({ length: input.concurrency }, loop));
  const elapsedMs = performance.now() - measureFrom;
  agent.destroy();
  return { ...summarize(latencies, elapsedMs), errors, statuses, elapsedMs };
}

run().then((output) => parentPort?.postMessage(output));
