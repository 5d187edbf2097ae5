import type { GatewayExecutor } from '@apollo/server-gateway-interface';
import { getVariableValues } from 'graphql';
import { unauthenticated } from '../../platform/auth/subgraphTokens.ts';
import type { GatewayContext } from '../context.ts';
import type { OperationAuthorizer } from '../security/authorize.ts';
import { wholeResult } from './engine.ts';
import type { ExecuteOperation } from './operation.ts';

/**
 * The engine as Apollo Server's gateway executor: the operation Apollo parsed and validated is
 * coerced and authorized (security/authorize.ts) and handed to `execute`; an incremental answer
 * goes out as one response, as Apollo Server's gateway interface has no other.
 */
export function engineExecutor(execute: ExecuteOperation, authorizer: OperationAuthorizer): GatewayExecutor {
  return async (requestContext) => {
    const context = requestContext.context as Partial<GatewayContext>;
    const { caller, log } = context;
    if (!caller) return { errors: [unauthenticated('Authentication required.')] };
    const { document, queryHash, operation, request, schema } = requestContext;
    const coerced = getVariableValues(schema, operation?.variableDefinitions ?? [], request.variables ?? {});
    if (coerced.errors) return { errors: coerced.errors };
    const authorization = authorizer.authorize(schema, document, queryHash, request.operationName, caller);
    if (authorization.kind === 'refused') {
      // Refused here, it never reaches a system's audit trail: the gateway's log keeps it.
      log?.warn({ actor: caller.sub, role: caller.role, operationName: request.operationName, refused: authorization.errors.map((error) => error.path) }, 'operation refused');
      return { errors: [...authorization.errors] };
    }
    const outcome = await execute({ document, operationName: request.operationName ?? undefined, queryHash, variables: coerced.coerced, authorization, context: context as GatewayContext });
    return wholeResult(outcome);
  };
}
