/** A small GraphQL-over-HTTP client for tests: typed documents in, the whole response out. */
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print, type DocumentNode } from 'graphql';

export interface GraphQLResponse<Data> {
  status: number;
  data?: Data | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: { code?: string; [key: string]: unknown } }[];
  extensions?: Record<string, unknown>;
}

export async function request<Data, Variables>(
  url: string,
  document: TypedDocumentNode<Data, Variables> | DocumentNode | string,
  variables?: Variables,
  headers: Record<string, string> = {},
): Promise<GraphQLResponse<Data>> {
  const query = typeof document === 'string' ? document : print(document);
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json', ...headers },
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
