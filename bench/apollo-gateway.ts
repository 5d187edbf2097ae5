/**
 * Plain `@apollo/gateway` behind `@apollo/server`'s standalone server with default settings, as the
 * public gateways benchmark runs it (gateways/apollo-gateway/index.ts), in one process: the
 * baseline every gateway is compared with.
 *
 *   node --import tsx bench/apollo-gateway.ts --supergraph FILE --port N [--subgraph-headers '{"crm":{"authorization":"Bearer …"}}']
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';

const { values } = parseArgs({
  options: { supergraph: { type: 'string' }, port: { type: 'string', default: '4000' }, 'subgraph-headers': { type: 'string', default: '{}' } },
});
if (!values.supergraph) throw new Error('--supergraph FILE is required');
// Static headers per subgraph (a gateway-signed subgraph token once the hub requires one).
const subgraphHeaders = JSON.parse(values['subgraph-headers']) as Record<string, Record<string, string>>;

const gateway = new ApolloGateway({
  supergraphSdl: readFileSync(values.supergraph, 'utf8'),
  buildService: ({ name, url }) =>
    new RemoteGraphQLDataSource({
      url,
      willSendRequest: ({ request }) => {
        for (const [header, value] of Object.entries(subgraphHeaders[name] ?? {})) request.http?.headers.set(header, value);
      },
    }),
});
const server = new ApolloServer({ gateway });
const { url } = await startStandaloneServer(server, { listen: { port: Number(values.port), host: '127.0.0.1' } });
console.log(`apollo-gateway ready at ${url}`);
