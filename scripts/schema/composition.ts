// The composed graph as the governance commands see it: the supergraph the subgraph schemas
// compose into, the API schema clients query (the supergraph without the join/link machinery),
// and which subgraph defines each type and field.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { composeServices } from '@apollo/composition';
import { Supergraph } from '@apollo/federation-internals';
import { lexicographicSortSchema, parse, printSchema, type GraphQLSchema } from 'graphql';
import { loadConfig, SYSTEMS } from '../../platform/config.ts';
import { GATEWAY_SUBGRAPH, GATEWAY_SUBGRAPH_URL } from '../../gateway/gatewaySubgraph.ts';

export type Composition = { ok: true; supergraphSdl: string; hints: string[]; subgraphs: string[] } | { ok: false; errors: string[] };

/**
 * Composes `subgraphs/<system>/schema.graphql` and the gateway's own `gateway/schema.graphql`
 * under `root` with @apollo/composition.
 */
export function composeSubgraphs(root: string): Composition {
  const defaults = loadConfig({});
  const services = [
    ...SYSTEMS.filter((name) => existsSync(join(root, 'subgraphs', name, 'schema.graphql'))).map((name) => ({
      name,
      url: defaults.systems[name].url,
      typeDefs: parse(readFileSync(join(root, 'subgraphs', name, 'schema.graphql'), 'utf8')),
    })),
    // The gateway's own fields (its circuits), served inside each gateway: the URL is never called.
    { name: GATEWAY_SUBGRAPH, url: GATEWAY_SUBGRAPH_URL, typeDefs: parse(readFileSync(join(root, 'gateway', 'schema.graphql'), 'utf8')) },
  ];
  const result = composeServices(services);
  if (result.errors) return { ok: false, errors: result.errors.map((error) => error.message) };
  return {
    ok: true,
    supergraphSdl: `${result.supergraphSdl.trimEnd()}\n`,
    hints: (result.hints ?? []).map((hint) => hint.toString()),
    subgraphs: services.map((service) => service.name),
  };
}

/** A supergraph read for its API schema and owners. Its security links are accepted as the gateway accepts them. */
export class ComposedGraph {
  readonly #supergraph: Supergraph;

  constructor(supergraphSdl: string) {
    this.#supergraph = Supergraph.build(supergraphSdl, { supportedFeatures: null });
  }

  subgraphNames(): string[] {
    return [...this.#supergraph.subgraphs().names()];
  }

  /** The schema clients query, types and fields in name order so that it diffs and reads well. */
  apiSchema(): GraphQLSchema {
    return lexicographicSortSchema(this.#supergraph.apiSchema().toGraphQLJSSchema());
  }

  /** The API schema as SDL, as `schema/released.graphql` stores it. */
  apiSdl(): string {
    return `${printSchema(this.apiSchema()).trimEnd()}\n`;
  }

  /**
   * The subgraphs that define a schema coordinate (`Type`, `Type.field`, `Type.field.argument`,
   * `Enum.VALUE`): for a field, those that resolve it (not merely `@external`); for a type, every
   * subgraph that declares it.
   */
  owners(coordinate: string): string[] {
    const [typeName, memberName] = coordinate.split('.');
    const owners: string[] = [];
    for (const subgraph of this.#supergraph.subgraphs().values()) {
      const type = subgraph.schema.type(typeName!);
      if (!type) continue;
      if (memberName === undefined) {
        owners.push(subgraph.name);
        continue;
      }
      if (type.kind === 'EnumType' ? type.value(memberName) : 'field' in type && isResolvedHere(type.field(memberName))) owners.push(subgraph.name);
    }
    return owners.sort();
  }
}

function isResolvedHere(field: { appliedDirectivesOf(name: string): unknown[] } | undefined): boolean {
  return field !== undefined && field.appliedDirectivesOf('external').length === 0;
}
