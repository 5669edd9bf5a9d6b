import type { Db } from '@chorus/db';
import type { JobSystem } from '@chorus/jobs';
import type { Redis } from 'ioredis';
import type { KeyStore } from './auth.js';
import type { Bus } from './bus.js';
import type { ChorusConfig } from './config.js';

/** What a service is given: each takes only what it uses, but all come from one runtime. */
export interface ServiceDeps {
  config: ChorusConfig;
  db: Db;
  jobs: JobSystem;
  bus: Bus;
  /** Present in the production topology. */
  redis: Redis | undefined;
  keys: KeyStore;
  /** Prefix for every Redis key and channel this process uses ('chorus' unless a test isolates itself). */
  namespace: string;
}

declare module 'fastify' {
  interface FastifyInstance {
    deps: ServiceDeps;
  }
}
