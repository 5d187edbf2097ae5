import mercurius, { type MercuriusContext } from 'mercurius';
import { GraphQLError, parse, type DocumentNode, type ExecutionResult, type GraphQLFormattedError } from 'graphql';
import type { HubConfig } from '../../platform/config.ts';
import { ErrorCode, maskError, type HubError } from '../../platform/errors.ts';
import { sendRequestError } from '../../platform/http.ts';
import { resolveOperation } from '../../platform/input.ts';
import type { EventStream } from '../../platform/events/index.ts';
import { SystemRuntime } from '../../platform/runtime.ts';
import type { BaseContext } from '../../platform/context.ts';
import { buildSchema, createSubgraphApp, type SubgraphService } from '../../platform/subgraph.ts';
import { serveSubscriptions } from '../../platform/subscriptions.ts';
import { consumers } from './consumers.ts';
import type { CustomerSuccessContext } from './context.ts';
import { resolvers } from './resolvers.ts';
import { createLoaders } from './store.ts';

// graphql-js's messages for variable values that fail coercion; Apollo Server answers these BAD_USER_INPUT.
const BAD_VARIABLE = /^Variable "\$[^"]+" (got invalid value|of required type ".*" was not provided|of non-null type ".*" must not be null)/;

// graphql-js's messages when `operationName` picks no operation; the other services answer these
// from platform/input.ts's resolveOperation, with the same codes.
const OPERATION_NOT_FOUND = /^(Unknown operation named ".*"\.|Must provide an operation\.)$/;
const OPERATION_NAME_REQUIRED = 'Must provide operation name if query contains multiple operations.';

function graphqlRequestCode(error: GraphQLError): string {
  const code = error.extensions?.code;
  if (typeof code === 'string') return code;
  if (error.message.startsWith('Syntax Error:')) return 'GRAPHQL_PARSE_FAILED';
  if (OPERATION_NOT_FOUND.test(error.message)) return ErrorCode.OperationNotFound;
  if (error.message === OPERATION_NAME_REQUIRED) return ErrorCode.OperationNameRequired;
  return BAD_VARIABLE.test(error.message) ? 'BAD_USER_INPUT' : 'GRAPHQL_VALIDATION_FAILED';
}

type RequestError = { error: GraphQLError; code?: string; status?: number };

/**
 * Errors raised before execution, each with the code a client sees, or no code when unexpected.
 * mercurius throws a request error (parse, validation, variables, wrong method, bad body) as one
 * Fastify error carrying a 4xx statusCode and, for GraphQL problems, the list in `errors`; its
 * route error handler hands it to the formatter wrapped in a GraphQLError as `originalError`.
 */
function requestErrors(errors: readonly GraphQLError[]): RequestError[] {
  return errors.flatMap((error): RequestError[] => {
    const original = error.originalError as (Error & { statusCode?: unknown; errors?: unknown }) | undefined;
    if (!original || original instanceof GraphQLError) return [{ error, code: graphqlRequestCode(error), status: 400 }];
    const status = typeof original.statusCode === 'number' && original.statusCode >= 400 && original.statusCode < 500 ? original.statusCode : undefined;
    if (status === undefined) return [{ error }];
    if (!Array.isArray(original.errors)) return [{ error, code: 'BAD_REQUEST', status }];
    return original.errors.map((inner: unknown) =>
      inner instanceof GraphQLError
        ? { error: inner, code: graphqlRequestCode(inner), status }
        : { error: new GraphQLError(inner instanceof Error ? inner.message : String(inner)), code: 'BAD_REQUEST', status },
    );
  });
}

/**
 * mercurius's errorFormatter: called with `{ data, errors }` after execution, and with `{ errors }`
 * alone when the request failed before execution. Execution errors answer 200 with data and errors,
 * as a federation gateway expects; request errors answer their 4xx like Apollo Server. Codes the
 * hub raised pass through; anything else is masked and logged whole.
 */
export function formatErrors(execution: ExecutionResult & { errors: readonly GraphQLError[] }, context: MercuriusContext) {
  const log = context.reply?.log ?? context.app.log;
  const show = (error: GraphQLError, code?: string): GraphQLFormattedError => {
    const formatted = error.toJSON();
    const { masked, error: shown } = maskError(code === undefined ? formatted : { ...formatted, extensions: { ...formatted.extensions, code } });
    if (masked) log.error({ err: error.originalError ?? error }, 'graphql request failed');
    // maskError keeps the locations it was given, so its result is still a formatted error.
    return shown as GraphQLFormattedError;
  };
  if (execution.data !== undefined) {
    return { statusCode: 200, response: { data: execution.data, errors: execution.errors.map((error) => show(error)) } };
  }
  const refused = requestErrors(execution.errors);
  const unexpected = refused.some((item) => item.code === undefined);
  return {
    statusCode: unexpected ? 500 : (refused[0]?.status ?? 400),
    response: { errors: refused.map((item) => show(item.error, item.code)) },
  };
}

/** The customer-success subgraph, served by mercurius, built and ready to listen. */
export async function createCustomerSuccessServer(config: HubConfig, stream: EventStream): Promise<SubgraphService> {
  const runtime = await SystemRuntime.open('customer-success', config, stream, consumers);
  const app = createSubgraphApp(runtime);
  const schema = buildSchema({ dir: import.meta.dirname, resolvers });
  const createContext = (base: BaseContext): CustomerSuccessContext => ({ ...base, loaders: createLoaders(base.db) });
  // mercurius's response schema types error paths as strings, which would turn `_entities`
  // indexes into "0"; the gateway maps entity errors back into its result only by numeric index.
  app.addHook('onRoute', (route) => {
    if (route.url === '/graphql' && route.schema?.response) route.schema = { ...route.schema, response: undefined };
  });
  // mercurius reads a GET's operation without checking that there is one (a TypeError, a 500);
  // the document is read here first, so an `operationName` that picks none gets its code.
  app.addHook('preValidation', async (request, reply) => {
    const params = request.query as { query?: unknown; operationName?: unknown };
    if (request.method !== 'GET' || request.url.split('?')[0] !== '/graphql' || typeof params.query !== 'string') return;
    let document: DocumentNode;
    try {
      document = parse(params.query);
    } catch {
      return; // mercurius answers the syntax error.
    }
    try {
      resolveOperation(document, typeof params.operationName === 'string' ? params.operationName : undefined);
    } catch (error) {
      return sendRequestError(reply, error as HubError);
    }
  });
  await app.register(mercurius, {
    schema,
    path: '/graphql',
    graphiql: false,
    // mercurius adds its own keys (app, reply, pubsub, errors) to this object before execution.
    context: (request): CustomerSuccessContext => createContext(runtime.requestContext(request)),
    errorFormatter: formatErrors,
  });
  // The same graphql-ws endpoint as the Apollo subgraphs, rather than mercurius's own
  // subscriptions: one implementation of the protocol, of per-event contexts and of shutdown.
  const subscriptions = serveSubscriptions(app, runtime, schema, createContext);
  return {
    name: 'customer-success',
    app,
    db: runtime.db,
    start: () => runtime.start(),
    async close() {
      await subscriptions.close();
      await app.close();
      await runtime.close();
    },
  };
}
