import { bootTelemetry } from '@chorus/service-kit/telemetry';

// The platform's entry point. Tracing starts first: what it instruments is loaded by the platform's imports.
bootTelemetry('chorus-platform');
await import('./main.js');
