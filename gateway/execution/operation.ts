/**
 * The seam between the gateway's request pipeline (every transport: HTTP, graphql-ws, SSE) and its
 * executor: the pipeline hands over an operation it has parsed, validated, coerced and authorized;
 * the executor plans it (cached), runs the plan and shapes the result.
 */
import type { DocumentNode, ExecutionResult, GraphQLError } from 'graphql';
import type { GatewayContext } from '../context.ts';
import type { Authorization } from '../security/authorize.ts';

/** One operation as the pipeline hands it to the executor. */
export interface OperationRequest {
  /** The validated document, as the client sent it. */
  document: DocumentNode;
  operationName: string | undefined;
  /** sha256 of the document's source: with the operation name, what plans are cached by. */
  queryHash: string;
  /** Coerced against the operation's variable definitions. */
  variables: Record<string, unknown>;
  /** What of the operation the caller may see (security/authorize.ts); a refusal never gets here. */
  authorization: Extract<Authorization, { kind: 'allowed' }>;
  context: GatewayContext;
}

/** One deferred fragment's data, delivered after the initial payload. */
export interface IncrementalDeferResult {
  data: Record<string, unknown> | null;
  path: readonly (string | number)[];
  label?: string;
  errors?: readonly GraphQLError[];
}

/** The initial payload of an incrementally delivered result. */
export interface InitialIncrementalResult extends ExecutionResult {
  hasNext: boolean;
}

/** Each later payload: the format Apollo Client and GraphiQL read (`incremental`, `hasNext`). */
export interface SubsequentIncrementalResult {
  incremental?: readonly IncrementalDeferResult[];
  hasNext: boolean;
}

export type OperationOutcome =
  | { kind: 'single'; result: ExecutionResult }
  | { kind: 'incremental'; initial: InitialIncrementalResult; subsequent: AsyncIterable<SubsequentIncrementalResult> };

/** Runs one operation. Data errors are in the result; it throws only for a defect. */
export type ExecuteOperation = (request: OperationRequest) => Promise<OperationOutcome>;
