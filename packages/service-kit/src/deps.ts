import type { Db } from '@chorus/db';
import type { JobSystem } from '@chorus/jobs';
import type { Redis } from 'ioredis';
import type { KeyStore } from './auth.js';
import type { Bus } from './bus.js';
import type { ChorusConfig } from './config.js';
import type { Metrics } from './metrics.js';
import type { OutageLog } from './outages.js';
import type { StreamLimiter } from './sse.js';

/** What a service is given: each takes only what it uses, but all come from one runtime. */
export interface ServiceDeps {
  config: ChorusConfig;
  db: Db;
  jobs: JobSystem;
  bus: Bus;
  /** Present in the production topology. */
  redis: Redis | undefined;
  keys: KeyStore;
  /** Caps the live streams this process holds (per caller and in all), shared by every stream route. */
  streams: StreamLimiter;
  /** This process's Prometheus registry and the counters services increment. */
  metrics: Metrics;
  /** Prefix for every Redis key and channel this process uses ('chorus' unless a test isolates itself). */
  namespace: string;
  /** Logs a backend's outage once when it starts and once when it ends. */
  outages: OutageLog;
}

declare module 'fastify' {
  interface FastifyInstance {
    deps: ServiceDeps;
  }
}
