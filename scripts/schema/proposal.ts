// One run of the policy: the subgraphs composed as they stand, compared with a baseline, judged
// against every registered operation. Shared by `schema:check` and `schema:release`.
import { composeSubgraphs, ComposedGraph } from './composition.ts';
import { gitBaseline, releasedBaseline, RELEASED_SCHEMA, type Baseline } from './baseline.ts';
import { registeredOperations } from './operations.ts';
import { checkSchema, type CheckReport } from './policy.ts';

export interface ProposalOptions {
  /** A git ref whose supergraph.graphql is the baseline, instead of the released schema. */
  against?: string;
  /** Folder of trusted-document manifests. */
  documentsDir?: string;
}

export interface Proposal {
  supergraphSdl: string;
  graph: ComposedGraph;
  /** Undefined before the first release. */
  baseline: Baseline | undefined;
  report: CheckReport | undefined;
}

/** Composes the subgraphs under `root` and checks the result; throws when they do not compose. */
export async function checkProposal(root: string, options: ProposalOptions): Promise<Proposal> {
  const composition = composeSubgraphs(root);
  if (!composition.ok) throw new Error(`The subgraphs do not compose:\n${composition.errors.map((error) => `  - ${error}`).join('\n')}`);
  const graph = new ComposedGraph(composition.supergraphSdl);
  const baseline = options.against ? gitBaseline(root, options.against) : releasedBaseline(root);
  if (!baseline) return { supergraphSdl: composition.supergraphSdl, graph, baseline, report: undefined };
  const report = await checkSchema({
    released: baseline.schema,
    proposed: graph.apiSchema(),
    owners: { released: baseline.owners, proposed: (coordinate) => graph.owners(coordinate) },
    operations: await registeredOperations(root, options.documentsDir),
    baseline: baseline.label,
  });
  return { supergraphSdl: composition.supergraphSdl, graph, baseline, report };
}

export const NO_RELEASE = `There is no released schema (${RELEASED_SCHEMA}) yet: run npm run schema:release to record the first.`;
