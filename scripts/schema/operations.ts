// The operations the hub's clients registered: every trusted-document manifest, the documents
// codegen types for the tests, and GraphiQL's example tabs; and which schema coordinates an
// operation uses, to tell which clients a schema change reaches.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CodeFileLoader } from '@graphql-tools/code-file-loader';
import { GraphQLFileLoader } from '@graphql-tools/graphql-file-loader';
import { loadDocuments } from '@graphql-tools/load';
import {
  Kind,
  parse,
  type DocumentNode,
  type GraphQLSchema,
} from 'graphql';
import { parse as parseYaml } from 'yaml';
import { DEFAULT_EXAMPLES } from '../../gateway/graphiql/index.ts';
import { fragmentsOf, withFragments } from '../../gateway/documents.ts';
import { readManifests } from '../../gateway/limits/trustedDocuments.ts';

export interface RegisteredOperation {
  /** Who registered it: the manifest's file name (its client), `project` (codegen's documents) or `graphiql`. */
  client: string;
  name: string;
  /** The file it comes from, relative to the project where it is the project's own. */
  source: string;
  /** The operation with every fragment it spreads. */
  document: DocumentNode;
}

/** The operations of every manifest in `manifestsDir` (if any) and the project's own under `root`. */
export async function registeredOperations(root: string, manifestsDir: string | undefined): Promise<RegisteredOperation[]> {
  return [...(manifestsDir ? manifestOperations(manifestsDir) : []), ...(await projectOperations(root)), ...graphiqlOperations()];
}

function manifestOperations(dir: string): RegisteredOperation[] {
  return readManifests(dir).flatMap(({ file, manifest }) =>
    manifest.operations.map((operation) => ({ client: file.replace(/\.json$/, ''), name: operation.name, source: join(dir, file), document: parse(operation.body) })),
  );
}

/** The documents of every `documents:` entry of codegen.yml, loaded the way codegen loads them. */
async function projectOperations(root: string): Promise<RegisteredOperation[]> {
  const codegen = parseYaml(readFileSync(join(root, 'codegen.yml'), 'utf8')) as { generates: Record<string, { documents?: string | string[] }> };
  const pointers = Object.values(codegen.generates).flatMap((target) => target.documents ?? []);
  if (pointers.length === 0) return [];
  const sources = await loadDocuments(pointers, { cwd: root, loaders: [new CodeFileLoader(), new GraphQLFileLoader()] });
  const definitions = sources.flatMap((source) => (source.document?.definitions ?? []).map((definition) => ({ definition, file: source.location ?? '' })));
  const fragments = fragmentsOf({ definitions: definitions.map(({ definition }) => definition) });
  return definitions.flatMap(({ definition, file }) =>
    definition.kind === Kind.OPERATION_DEFINITION
      ? [{ client: 'project', name: definition.name?.value ?? '(anonymous)', source: file.startsWith(root) ? file.slice(root.length + 1) : file, document: withFragments(definition, fragments) }]
      : [],
  );
}

function graphiqlOperations(): RegisteredOperation[] {
  return DEFAULT_EXAMPLES.flatMap((example) => {
    const document = parse(example.query);
    const fragments = fragmentsOf(document);
    return document.definitions.flatMap((definition) =>
      definition.kind === Kind.OPERATION_DEFINITION
        ? [{ client: 'graphiql', name: definition.name?.value ?? example.name, source: 'gateway/graphiql/index.ts', document: withFragments(definition, fragments) }]
        : [],
    );
  });
}

