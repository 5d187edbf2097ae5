// The gateway's own subgraph: ops owns OperationsHealth, but only the gateway knows its circuits,
// so the gateway adds `OperationsHealth.subgraphs` by the entity's key, answered in-process by the
// replica that runs the operation (the same view as its /readyz). `revokeAccess` lives here too:
// revocations are the gateway's (security/revocations.ts).
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { LocalGraphQLDataSource } from '@apollo/gateway';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse } from 'graphql';
import type { CircuitStateName } from './execution/subgraphCircuit.ts';
import type { CircuitState, Resolvers } from './generated/resolvers.ts';
import type { GatewaySecurity } from './security/gatewaySecurity.ts';

/** The gateway's name among the supergraph's subgraphs. */
export const GATEWAY_SUBGRAPH = 'gateway';
/** What the supergraph records as its URL; the gateway serves it itself and never calls it. */
export const GATEWAY_SUBGRAPH_URL = 'http://gateway.invalid/graphql';
export const GATEWAY_SCHEMA_PATH = join(import.meta.dirname, 'schema.graphql');

const STATES: Record<CircuitStateName, CircuitState> = { closed: 'CLOSED', 'half-open': 'HALF_OPEN', open: 'OPEN' };

/** The gateway's subgraph over `circuits` (each subgraph's name and circuit, as the caller's gateway sees them) and its revocations. */
export function gatewaySubgraph(circuits: () => { name: string; state: CircuitStateName }[], security: Pick<GatewaySecurity, 'revokeAccess'>): LocalGraphQLDataSource {
  const resolvers: Resolvers = {
    Mutation: {
      revokeAccess: (_root, args, context) => security.revokeAccess(context, args),
    },
    OperationsHealth: {
      __resolveReference: (reference) => reference,
      subgraphs: () => circuits().map(({ name, state }) => ({ name, state: STATES[state] })),
    },
  };
  // @apollo/subgraph's resolver map type has no __resolveReference, which codegen's types do describe.
  const module = { typeDefs: parse(readFileSync(GATEWAY_SCHEMA_PATH, 'utf8')), resolvers: resolvers as Record<string, never> };
  return new LocalGraphQLDataSource(buildSubgraphSchema(module));
}
