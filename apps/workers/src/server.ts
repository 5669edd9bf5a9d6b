import { loadConfig, runProcess } from '@chorus/service-kit';
import { startWorkers } from './index.js';

// The workers alone: no routes beyond /healthz and /readyz, which orchestrators probe.
await runProcess(loadConfig(), [], { title: 'Chorus workers', beforeListen: (deps) => startWorkers(deps) });
