/**
 * OpenTelemetry tracing, off unless configured. It must start before the modules it instruments are loaded (pg is
 * patched as it is first required), so processes start it first and import the rest afterwards; this module
 * loads no database or queue code itself.
 */
import { FastifyOtelInstrumentation } from '@fastify/otel';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { registerInstrumentations } from '@opentelemetry/instrumentation';
import { IORedisInstrumentation } from '@opentelemetry/instrumentation-ioredis';
import { PgInstrumentation } from '@opentelemetry/instrumentation-pg';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BatchSpanProcessor, SimpleSpanProcessor, type SpanExporter } from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import type { FastifyPluginCallback } from 'fastify';
import { loadConfig } from './config.js';

export interface TelemetryOptions {
  serviceName: string;
  /** OTLP/HTTP traces endpoint (e.g. http://collector:4318/v1/traces); without it and without an exporter, nothing starts. */
  endpoint?: string | undefined;
  /** Tests pass an in-memory exporter; spans are then exported one by one. */
  exporter?: SpanExporter;
}

interface Active {
  fastify: FastifyOtelInstrumentation;
  provider: NodeTracerProvider;
}

let active: Active | undefined;

/** Starts tracing when an endpoint (or exporter) is given; returns whether it started. Call it once, first. */
export function startTelemetry(options: TelemetryOptions): boolean {
  if (active) return true;
  const exporter = options.exporter ?? (options.endpoint ? new OTLPTraceExporter({ url: options.endpoint }) : undefined);
  if (!exporter) return false;
  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ 'service.name': options.serviceName }),
    spanProcessors: [options.exporter ? new SimpleSpanProcessor(exporter) : new BatchSpanProcessor(exporter)],
  });
  // Registers the provider globally with an AsyncLocalStorage context, so spans follow the request through awaits.
  provider.register();
  const fastify = new FastifyOtelInstrumentation({ ignorePaths: (route: { url: string }) => route.url === '/healthz' || route.url === '/readyz' });
  registerInstrumentations({
    tracerProvider: provider,
    instrumentations: [new PgInstrumentation({ requireParentSpan: true }), new IORedisInstrumentation({ requireParentSpan: true }), fastify],
  });
  active = { fastify, provider };
  return true;
}

/** Starts tracing as configured (CHORUS_OTEL_ENDPOINT): the first line of every process entry point. */
export function bootTelemetry(serviceName: string): boolean {
  return startTelemetry({ serviceName, endpoint: loadConfig().telemetry.endpoint });
}

/** Whether tracing runs in this process (queues then carry trace context from producer to worker). */
export function telemetryActive(): boolean {
  return active !== undefined;
}

/** The Fastify plugin that traces each request, when tracing runs. */
export function fastifyTelemetry(): FastifyPluginCallback | undefined {
  return active?.fastify.plugin() as FastifyPluginCallback | undefined;
}

/** Flushes and stops tracing (at shutdown). */
export async function stopTelemetry(): Promise<void> {
  const current = active;
  active = undefined;
  await current?.provider.shutdown();
}
