import { Supergraph, type Schema } from '@apollo/federation-internals';
import { QueryPlanner } from '@apollo/query-planner';
import type { GraphQLSchema } from 'graphql';

/** The supergraph as the federation libraries use it: to plan operations, shape results and read `@requires` inputs. */
export interface FederationParts {
  planner: QueryPlanner;
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
 * One planner over the gateway's supergraph, shared by queries and subscriptions; built on first
 * use (about a third of a second), not on every gateway start. It plans `@defer` as Defer nodes.
 */
export function lazyFederation(supergraphSdl: string): Federation {
  let built: FederationParts | undefined;
  return () => {
    if (!built) {
      const supergraph = Supergraph.build(supergraphSdl);
      const federationApiSchema = supergraph.apiSchema();
      built = {
        planner: new QueryPlanner(supergraph, { incrementalDelivery: { enableDefer: true } }),
        federationApiSchema,
        supergraphSchema: supergraph.schema.toGraphQLJSSchema(),
        apiSchema: federationApiSchema.toGraphQLJSSchema({ includeDefer: true }),
        subgraphs: supergraph.subgraphs().values().map(({ name, url }) => ({ name, url })),
      };
    }
    return built;
  };
}
