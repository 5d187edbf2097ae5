// The mercurius adapter (customer-success): GraphQL over HTTP at `/graphql` with mercurius,
// answering as the Apollo subgraphs do, every error through platform/errors.ts's clientError.
import type { BaseContext } from '../context.ts';
import mercurius, { type MercuriusContext } from 'mercurius';
import { GraphQLError, Kind, parse, type DocumentNode, type ExecutionResult } from 'graphql';
import { clientError, ErrorCode, type HubError } from '../errors.ts';
import { sendRequestError } from '../http.ts';
import { resolveOperation } from '../input.ts';
import { cacheExtensions } from './cacheExtensions.ts';
import type { SubgraphAdapter } from './subgraph.ts';
import { traceOperation } from '../tracing.ts';

type RequestError = { error: GraphQLError; code?: string; status?: number };

/** A mercurius request error: a Fastify error with mercurius's `code`, a 4xx and, for GraphQL problems, the list in `errors`. */
type MercuriusError = Error & { code?: unknown; statusCode?: unknown; errors?: unknown };

/** Hub codes of mercurius's request error codes; any other 4xx is BAD_REQUEST. */
const MERCURIUS_CODES: Record<string, string> = {
  MER_ERR_GQL_PERSISTED_QUERY_NOT_FOUND: 'PERSISTED_QUERY_NOT_FOUND',
  MER_ERR_GQL_PERSISTED_QUERY_NOT_SUPPORTED: 'PERSISTED_QUERY_NOT_SUPPORTED',
};

/**
 * The code of a graphql-js error in mercurius's MER_ERR_GQL_VALIDATION (parse errors are answered
 * before mercurius, see below): a variable value that failed coercion is about a variable
 * definition (BAD_USER_INPUT, as Apollo Server answers it), anything else is validation.
 */
function validationCode(error: GraphQLError): string {
  const code = error.extensions?.code;
  if (typeof code === 'string') return code;
  return error.nodes?.some((node) => node.kind === Kind.VARIABLE_DEFINITION) ? ErrorCode.BadUserInput : 'GRAPHQL_VALIDATION_FAILED';
}

/**
 * Errors raised before execution, each with the code a client sees, or no code when unexpected.
 * mercurius's route error handler hands its request error to the formatter wrapped in a
 * GraphQLError as `originalError`.
 */
function requestErrors(errors: readonly GraphQLError[]): RequestError[] {
  return errors.flatMap((error): RequestError[] => {
    const original = error.originalError as MercuriusError | undefined;
    if (!original || original instanceof GraphQLError) return [{ error, code: validationCode(error), status: 400 }];
    const status = typeof original.statusCode === 'number' && original.statusCode >= 400 && original.statusCode < 500 ? original.statusCode : undefined;
    if (status === undefined) return [{ error }];
    const inner = Array.isArray(original.errors) ? (original.errors as unknown[]) : [original];
    if (original.code === 'MER_ERR_GQL_VALIDATION') {
      return inner.map((item) => (item instanceof GraphQLError ? { error: item, code: validationCode(item), status } : { error: new GraphQLError(String(item)), status }));
    }
    const code = (typeof original.code === 'string' && MERCURIUS_CODES[original.code]) || ErrorCode.BadRequest;
    return inner.map((item) => ({ error: new GraphQLError(item instanceof Error ? item.message : String(item)), code, status }));
  });
}

/**
 * mercurius's errorFormatter: called with `{ data, errors }` after execution, and with `{ errors }`
 * alone when the request failed before execution. Execution errors answer 200 with data and errors,
 * as a federation gateway expects; request errors answer their 4xx like Apollo Server.
 */
function errorFormatter(domainCodes: ReadonlySet<string>) {
  return (execution: ExecutionResult & { errors: readonly GraphQLError[] }, context: MercuriusContext) => formatErrors(execution, context, domainCodes);
}

function formatErrors(execution: ExecutionResult & { errors: readonly GraphQLError[] }, context: MercuriusContext, domainCodes: ReadonlySet<string>) {
  const where = { log: context.reply?.log ?? context.app.log, requestId: context.reply?.request.id, domainCodes };
  if (execution.data !== undefined) {
    return { statusCode: 200, response: { data: execution.data, errors: execution.errors.map((error) => clientError(error, where)) } };
  }
  const refused = requestErrors(execution.errors);
  const unexpected = refused.some((item) => item.code === undefined);
  return {
    statusCode: unexpected ? 500 : (refused[0]?.status ?? 400),
    response: { errors: refused.map((item) => clientError(item.error, { ...where, code: item.code })) },
  };
}

/** Serves a subgraph with mercurius. */
export const mercuriusAdapter: SubgraphAdapter = async ({ app, schema, runtime, createContext, beforeResponse }) => {
  // mercurius's response schema types error paths as strings, which would turn `_entities`
  // indexes into "0"; the gateway maps entity errors back into its result only by numeric index.
  app.addHook('onRoute', (route) => {
    if (route.url === '/graphql' && route.schema?.response) route.schema = { ...route.schema, response: undefined };
  });
  // The document is read here first, so that a syntax error and an `operationName` that picks no
  // operation get the codes the Apollo subgraphs answer with (mercurius gives all of them one
  // code, and reads a GET's operation without checking there is one: a TypeError, a 500).
  app.addHook('preValidation', async (request, reply) => {
    const params = (request.method === 'GET' ? request.query : request.body) as { query?: unknown; operationName?: unknown } | null;
    if (request.url.split('?')[0] !== '/graphql' || typeof params?.query !== 'string') return;
    let document: DocumentNode;
    try {
      document = parse(params.query);
    } catch (error) {
      return reply.code(400).type('application/json; charset=utf-8').send({ errors: [clientError(error, { code: 'GRAPHQL_PARSE_FAILED' })] });
    }
    try {
      traceOperation(resolveOperation(document, typeof params.operationName === 'string' ? params.operationName : undefined));
    } catch (error) {
      return sendRequestError(reply, error as HubError);
    }
  });
  await app.register(mercurius, {
    schema,
    path: '/graphql',
    graphiql: false,
    // mercurius adds its own keys (app, reply, pubsub, errors) to this object before execution.
    context: (request) => createContext(runtime.requestContext(request)),
    errorFormatter: errorFormatter(runtime.domainCodes),
  });
  app.graphql.addHook('onResolution', async (execution, context) => {
    // For the gateway's entity cache, as the Apollo adapter does.
    const extensions = cacheExtensions(context as unknown as BaseContext);
    if (Object.keys(extensions).length > 0) execution.extensions = { ...execution.extensions, ...extensions };
    await beforeResponse(context as unknown as BaseContext, null);
  });
  // mercurius stops with the app it is registered on.
  return async () => {};
};
