import { bootTelemetry } from '@chorus/service-kit/telemetry';

// Tracing first: what it instruments is loaded by the imports below.
bootTelemetry('chorus-workers');
const { loadConfig, runProcess } = await import('@chorus/service-kit');
const { startWorkers } = await import('./index.js');

// The workers alone: no routes beyond /healthz and /readyz, which orchestrators probe.
await runProcess(loadConfig(), [], { title: 'Chorus workers', beforeListen: (deps) => startWorkers(deps) });
