/** A small GraphQL-over-HTTP client for tests: typed documents in, the whole response out. */
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print, type DocumentNode } from 'graphql';
import WebSocket from 'ws';

/** The `Authorization` value each server (by origin) gets unless a request says otherwise. */
const defaultAuthorization = new Map<string, () => string>();

/** Requests to this URL's server carry this authorization unless they pass their own. */
export function authorizeByDefault(url: string, authorization: () => string): void {
  defaultAuthorization.set(new URL(url).origin, authorization);
}

/** Headers for a request with no token at all. */
export const ANONYMOUS = { authorization: '' };

/** The headers of a request to `url`: the given ones, with the default authorization unless one is given ('' for none). */
export function withAuthorization(url: string, headers: Record<string, string> = {}): Record<string, string> {
  const authorization = headers.authorization ?? defaultAuthorization.get(new URL(url).origin)?.();
  const { authorization: _given, ...rest } = headers;
  return authorization ? { ...rest, authorization } : rest;
}

/** A `ws` WebSocket for graphql-ws clients that sends the default authorization (or the given headers) on the upgrade. */
export function webSocketFor(url: string, headers?: Record<string, string>) {
  return class extends WebSocket {
    constructor(address: string | URL | null, protocols?: string | string[]) {
      super(address as string | URL, protocols, { headers: withAuthorization(url, headers) });
    }
  };
}

export interface GraphQLResponse<Data> {
  status: number;
  data?: Data | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: { code?: string; [key: string]: unknown } }[];
  extensions?: Record<string, unknown>;
}

/** Posts a document; with the server's default token (an admin's, for a test hub) unless `headers.authorization` is given. */
export async function request<Data, Variables>(
  url: string,
  document: TypedDocumentNode<Data, Variables> | DocumentNode | string,
  variables?: Variables,
  headers: Record<string, string> = {},
): Promise<GraphQLResponse<Data>> {
  const query = typeof document === 'string' ? document : print(document);
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json', ...withAuthorization(url, headers) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as Omit<GraphQLResponse<Data>, 'status'>;
  return { status: response.status, ...body };
}

/** Like `request`, but fails the test with the errors when there are any. */
export async function query<Data, Variables>(
  url: string,
  document: TypedDocumentNode<Data, Variables> | DocumentNode | string,
  variables?: Variables,
  headers?: Record<string, string>,
): Promise<Data> {
  const response = await request(url, document, variables, headers);
  if (response.errors?.length || !response.data) {
    throw new Error(`GraphQL errors: ${JSON.stringify(response.errors ?? response)}`);
  }
  return response.data;
}
