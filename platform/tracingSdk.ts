// Starts OpenTelemetry's SDK for this process: an entry point (main.ts) calls startTracing once,
// before it starts any service. Without OTEL_EXPORTER_OTLP_ENDPOINT (or the traces-only
// OTEL_EXPORTER_OTLP_TRACES_ENDPOINT) nothing is loaded and the API stays a no-op. The SDK's
// packages read the other standard variables themselves (OTEL_EXPORTER_OTLP_HEADERS,
// OTEL_BSP_SCHEDULE_DELAY, OTEL_TRACES_SAMPLER, OTEL_RESOURCE_ATTRIBUTES, ...), as OpenTelemetry
// specifies them; the configuration table documents the ones that matter here.
import type { TracerProvider } from '@opentelemetry/api';
import type { TracingConfig } from './config.ts';
import { useTracerProviders } from './tracing.ts';

/** The running SDK: `shutdown` exports the spans still batched (those it can), then stops. */
export interface Tracing {
  shutdown(): Promise<void>;
}

/** The longest a stop waits for the last spans to be exported. */
const SHUTDOWN_MS = 3000;

/** What every service's spans are grouped under, whatever its `service.name`. */
const NAMESPACE = 'operational-data-hub';

/**
 * The `service.name` of a service's spans: OTEL_SERVICE_NAME (`configured`) in a process that
 * runs one service, else the service's own name, with OTEL_SERVICE_NAME in front when it is set.
 */
export function serviceName(service: string, servicesInProcess: number, configured: string | undefined): string {
  if (servicesInProcess === 1) return configured ?? service;
  return configured ? `${configured}-${service}` : service;
}

/**
 * Starts tracing for the services this process runs, or does nothing when no endpoint is set.
 * Each service gets its own tracer provider, whose resource names it (`service.name`): the
 * embedded hub runs all six in one process, and each still shows as its own service, as it does
 * in the distributed deployment where a process runs one. There OTEL_SERVICE_NAME, when set,
 * is that service's name; in the embedded hub it prefixes each one's (`<name>-billing`).
 */
export async function startTracing(config: TracingConfig, services: readonly string[]): Promise<Tracing | undefined> {
  if (!config.enabled || services.length === 0) return undefined;
  const [{ NodeTracerProvider, BatchSpanProcessor }, resources, { OTLPTraceExporter }] = await Promise.all([
    import('@opentelemetry/sdk-trace-node'),
    import('@opentelemetry/resources'),
    config.protocol === 'http/json' ? import('@opentelemetry/exporter-trace-otlp-http') : import('@opentelemetry/exporter-trace-otlp-proto'),
  ]);
  const detected = resources.detectResources({ detectors: [resources.envDetector, resources.hostDetector, resources.processDetector] });
  const providers = new Map<string, TracerProvider & { shutdown(): Promise<void> }>();
  for (const service of services) {
    const name = serviceName(service, services.length, config.serviceName);
    const resource = resources
      .defaultResource()
      .merge(resources.resourceFromAttributes({ 'service.namespace': NAMESPACE }))
      .merge(detected)
      .merge(resources.resourceFromAttributes({ 'service.name': name }));
    // The exporter reads its endpoint, headers, timeout and compression from OTEL_EXPORTER_OTLP_*;
    // the batch processor its delay and sizes from OTEL_BSP_*.
    const provider = new NodeTracerProvider({ resource, spanProcessors: [new BatchSpanProcessor(new OTLPTraceExporter())] });
    providers.set(service, provider);
  }
  // One provider is the API's global one: it installs the AsyncLocalStorage context manager and
  // the W3C trace-context propagator every service shares.
  const [first] = providers.values();
  (first as InstanceType<typeof NodeTracerProvider>).register();
  useTracerProviders(providers, services[0]!);
  return {
    // Never throws, and waits at most SHUTDOWN_MS for a collector that does not answer: a stop must
    // not hang on it. Spans it cannot take are dropped, as at any failed export.
    async shutdown() {
      let timer: NodeJS.Timeout | undefined;
      const bound = new Promise<void>((resolve) => (timer = setTimeout(resolve, SHUTDOWN_MS).unref()));
      await Promise.race([Promise.allSettled([...providers.values()].map((provider) => provider.shutdown())), bound]);
      clearTimeout(timer);
    },
  };
}
