import { Supergraph, type Schema } from '@apollo/federation-internals';
import type { GraphQLSchema } from 'graphql';
import { createPlanner, type OperationPlanner, type PlannerKind } from './queryPlanner.ts';

/** The supergraph as the federation libraries use it: to plan operations, shape results and read `@requires` inputs. */
export interface FederationParts {
  planner: OperationPlanner;
  /** The API schema as the federation libraries see it; operations are built and results shaped over it. */
  federationApiSchema: Schema;
  /** The supergraph as GraphQL-js sees it: what entity representations and rewrites are read with. */
  supergraphSchema: GraphQLSchema;
  /** The API schema operations are validated against, `@defer` included. */
  apiSchema: GraphQLSchema;
  /** The subgraphs the supergraph joins, with the URLs it names for them. */
  subgraphs: readonly { name: string; url: string | undefined }[];
}

export type Federation = () => FederationParts;

/**
 * One planner over the gateway's supergraph (Apollo's unless `plannerKind` says otherwise), shared
 * by queries and subscriptions; built on first use (about a third of a second), not on every
 * gateway start.
 */
export function lazyFederation(supergraphSdl: string, plannerKind: PlannerKind = 'apollo'): Federation {
  let built: FederationParts | undefined;
  return () => {
    if (!built) {
      const supergraph = Supergraph.build(supergraphSdl);
      const federationApiSchema = supergraph.apiSchema();
      built = {
        planner: createPlanner(plannerKind, supergraph, supergraphSdl, federationApiSchema),
        federationApiSchema,
        supergraphSchema: supergraph.schema.toGraphQLJSSchema(),
        apiSchema: federationApiSchema.toGraphQLJSSchema({ includeDefer: true }),
        subgraphs: supergraph.subgraphs().values().map(({ name, url }) => ({ name, url })),
      };
    }
    return built;
  };
}
