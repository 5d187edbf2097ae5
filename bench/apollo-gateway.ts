/**
 * Plain `@apollo/gateway` behind `@apollo/server`'s standalone server with default settings, as the
 * public gateways benchmark runs it (gateways/apollo-gateway/index.ts), in one process: the
 * baseline every gateway is compared with.
 *
 *   node --import tsx bench/apollo-gateway.ts --supergraph FILE --port N [--header name=value ...]
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';

const { values } = parseArgs({
  options: { supergraph: { type: 'string' }, port: { type: 'string', default: '4000' }, header: { type: 'string', multiple: true, default: [] } },
});
if (!values.supergraph) throw new Error('--supergraph FILE is required');
// Static headers for every subgraph request (a gateway-signed subgraph token once the hub requires one).
const headers = values.header.map((pair) => {
  const at = pair.indexOf('=');
  return [pair.slice(0, at), pair.slice(at + 1)] as const;
});

const gateway = new ApolloGateway({
  supergraphSdl: readFileSync(values.supergraph, 'utf8'),
  buildService: ({ url }) =>
    new RemoteGraphQLDataSource({
      url,
      willSendRequest: ({ request }) => {
        for (const [name, value] of headers) request.http?.headers.set(name, value);
      },
    }),
});
const server = new ApolloServer({ gateway });
const { url } = await startStandaloneServer(server, { listen: { port: Number(values.port), host: '127.0.0.1' } });
console.log(`apollo-gateway ready at ${url}`);
