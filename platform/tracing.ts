// The hub's spans, through OpenTelemetry's API only: what every service calls to trace its work
// and to carry the W3C trace context over HTTP and through the event stream. The SDK is
// platform/tracingSdk.ts, started by the entry point only when OTEL_EXPORTER_OTLP_ENDPOINT is set;
// until then every helper here returns at once, before touching the API (tracing off costs one
// test of a variable per place that could start a span), and the API itself stays a no-op.
import {
  context,
  createContextKey,
  propagation,
  ROOT_CONTEXT,
  SpanKind,
  SpanStatusCode,
  trace,
  type Attributes,
  type Context,
  type Link,
  type Span,
  type Tracer,
  type TracerProvider,
} from '@opentelemetry/api';
import { defaultFieldResolver, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';

export { SpanKind, SpanStatusCode, type Span };

/** The service (gateway or a system) whose work the active context is: its spans carry its `service.name`. */
const SERVICE = createContextKey('operational-data-hub.service');
const INSTRUMENTATION = 'operational-data-hub';

/** Attribute names beyond OpenTelemetry's conventions: the hub's own, under `hub.`. */
export const HubAttributes = {
  correlationId: 'hub.correlation_id',
  eventId: 'hub.event.id',
  eventType: 'hub.event.type',
  subgraph: 'hub.subgraph',
} as const;

interface Tracers {
  /** One tracer per service of this process, each from a provider whose resource names that service. */
  byService: ReadonlyMap<string, Tracer>;
  /** The process's own service's: for work not inside any service's context. */
  fallback: Tracer;
}

let tracers: Tracers | undefined;

/** Called by the SDK once it runs: from then on spans are recorded, each with its service's provider. */
export function useTracerProviders(providers: ReadonlyMap<string, TracerProvider>, fallback: string): void {
  const byService = new Map([...providers].map(([service, provider]) => [service, provider.getTracer(INSTRUMENTATION)]));
  tracers = { byService, fallback: byService.get(fallback) ?? [...byService.values()][0]! };
}

/** Whether spans are recorded (the SDK started); false costs nothing anywhere. */
export function tracingOn(): boolean {
  return tracers !== undefined;
}

export interface HubSpanOptions {
  kind?: SpanKind;
  attributes?: Attributes;
  links?: Link[];
  /** The parent context; the active one when absent. */
  parent?: Context;
  /** The service the work belongs to, from here down; the parent's when absent. */
  service?: string;
  /** Only inside a trace: no span (and no new trace) without a parent span. For SQL, which background loops run all the time. */
  requireParent?: boolean;
}

function open(name: string, options: HubSpanOptions): { span: Span; active: Context } | undefined {
  if (!tracers) return undefined;
  let parent = options.parent ?? context.active();
  if (options.requireParent && !trace.getSpan(parent)) return undefined;
  if (options.service) parent = parent.setValue(SERVICE, options.service);
  const service = parent.getValue(SERVICE) as string | undefined;
  const tracer = (service !== undefined && tracers.byService.get(service)) || tracers.fallback;
  const span = tracer.startSpan(name, { kind: options.kind ?? SpanKind.INTERNAL, attributes: options.attributes, links: options.links }, parent);
  return { span, active: trace.setSpan(parent, span) };
}

/**
 * Marks a span failed with the error's code or class only: messages can name people or values
 * (a database's "duplicate key (email)=(…)"), which never go into a trace.
 */
export function failSpan(span: Span, error: unknown): void {
  const code = (error as { extensions?: { code?: unknown }; code?: unknown } | null)?.extensions?.code ?? (error as { code?: unknown } | null)?.code;
  const type = typeof code === 'string' ? code : error instanceof Error ? error.name : 'Error';
  span.setAttribute('error.type', type);
  span.setStatus({ code: SpanStatusCode.ERROR, message: type });
}

/** Runs `work` in a span (its child spans under it), ended when `work` settles; without tracing, just `work`. */
export async function inSpan<T>(name: string, options: HubSpanOptions, work: (span: Span | undefined) => Promise<T>): Promise<T> {
  const opened = open(name, options);
  if (!opened) return work(undefined);
  const { span, active } = opened;
  try {
    return await context.with(active, () => work(span));
  } catch (error) {
    failSpan(span, error);
    throw error;
  } finally {
    span.end();
  }
}

/** `inSpan` for synchronous work (parsing, validation, planning). */
export function inSpanSync<T>(name: string, options: HubSpanOptions, work: (span: Span | undefined) => T): T {
  const opened = open(name, options);
  if (!opened) return work(undefined);
  const { span, active } = opened;
  try {
    return context.with(active, () => work(span));
  } catch (error) {
    failSpan(span, error);
    throw error;
  } finally {
    span.end();
  }
}

/**
 * Starts a span the caller ends itself (a request whose end is a later callback), and the
 * context to run what it covers in; undefined without tracing.
 */
export function startSpan(name: string, options: HubSpanOptions): { span: Span; context: Context } | undefined {
  const opened = open(name, options);
  return opened && { span: opened.span, context: opened.active };
}

/** Runs `work` in `active` (a context from startSpan or contextFromHeaders); the API's own context.with. */
export function withContext<T>(active: Context, work: () => T): T {
  return context.with(active, work);
}

/** The active span, to add attributes to; undefined without tracing. */
export function activeSpan(): Span | undefined {
  return tracers ? trace.getActiveSpan() : undefined;
}

/** The trace context an incoming request carries (W3C `traceparent`, `tracestate`); a fresh root without. */
export function contextFromHeaders(headers: Record<string, string | string[] | undefined>): Context {
  return propagation.extract(ROOT_CONTEXT, headers);
}

/** Adds the active trace context to outgoing request headers (`traceparent`, `tracestate`); nothing without tracing. */
export function injectTraceHeaders(headers: Record<string, string>): void {
  if (tracers) propagation.inject(context.active(), headers);
}

/** The active span's W3C `traceparent`, for an event's envelope; undefined without tracing or outside a trace. */
export function currentTraceparent(): string | undefined {
  if (!tracers) return undefined;
  const carrier: Record<string, string> = {};
  propagation.inject(context.active(), carrier);
  return carrier.traceparent;
}

/** The context an event's `traceparent` names (its producer's span), for its consumers' spans; a fresh root without. */
export function contextFromTraceparent(traceparent: unknown): Context {
  return tracers && typeof traceparent === 'string' ? propagation.extract(ROOT_CONTEXT, { traceparent }) : ROOT_CONTEXT;
}

/** A link to the span an event's `traceparent` names, for work that covers many events (a relay's batch). */
export function linkToTraceparent(traceparent: unknown): Link | undefined {
  const spanContext = trace.getSpanContext(contextFromTraceparent(traceparent));
  return spanContext && { context: spanContext };
}

/**
 * OpenTelemetry's GraphQL attributes of an operation, and the span name its conventions give it
 * (`mutation closeOpportunityWon`). Never the variables: they can hold personal data.
 */
export function graphqlOperation(operation: OperationDefinitionNode): { name: string; attributes: Attributes } {
  const operationName = operation.name?.value;
  return {
    name: operationName ? `${operation.operation} ${operationName}` : operation.operation,
    attributes: { 'graphql.operation.type': operation.operation, ...(operationName && { 'graphql.operation.name': operationName }) },
  };
}

/**
 * A span for each root field a subgraph resolves (queries, mutations and `_entities`, the
 * gateway's entity fetches), with OpenTelemetry's GraphQL field attributes; their SQL is under
 * it. Only root fields: a span per field of every object would cost more than the work it shows.
 * Without tracing the schema is returned untouched.
 */
export function traceRootResolvers(schema: GraphQLSchema): GraphQLSchema {
  if (!tracers) return schema;
  for (const type of [schema.getQueryType(), schema.getMutationType()]) {
    for (const field of Object.values(type?.getFields() ?? {})) {
      const resolve = field.resolve ?? defaultFieldResolver;
      const name = `${type!.name}.${field.name}`;
      const attributes = { 'graphql.field.name': field.name, 'graphql.field.type': String(field.type) };
      field.resolve = (source, args, contextValue, info) => inSpan(name, { attributes }, async () => resolve(source, args, contextValue, info));
    }
  }
  return schema;
}

/** Names the active span (a subgraph's request) after the operation it runs, with its GraphQL attributes. */
export function traceOperation(operation: OperationDefinitionNode): void {
  const span = activeSpan();
  if (!span) return;
  const traced = graphqlOperation(operation);
  span.updateName(traced.name).setAttributes(traced.attributes);
}
