/**
 * `npm run schema:release`: records the composed API schema as released (schema/released.graphql,
 * with its supergraph) and writes the release's entry in schema/CHANGELOG.md. Refuses what
 * `schema:check` fails, except breaking changes no registered operation stops validating for,
 * released deliberately with `--accept-breaking "<why>"` (the reason goes into the changelog).
 *
 *   npm run schema:release [-- --accept-breaking "<why>"] [--documents persisted/]
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfigOrExit } from '../platform/config.ts';
import { CHANGELOG, RELEASED_SCHEMA, RELEASED_SUPERGRAPH } from './schema/baseline.ts';
import { changelogEntry, nextReleaseNumber } from './schema/changelog.ts';
import { checkProposal } from './schema/proposal.ts';
import { formatReport } from './schema/report.ts';

const { values } = parseArgs({ options: { 'accept-breaking': { type: 'string' }, documents: { type: 'string' } } });
const accepted = values['accept-breaking']?.trim();
const root = join(import.meta.dirname, '..');
const documentsDir = values.documents ?? loadConfigOrExit().access.persistedDocumentsDir;

const HEADER = `# Schema changelog

Every release of the hub's API schema (\`${RELEASED_SCHEMA}\`), newest first, by owning subgraph.
Written by \`npm run schema:release\`; see the README's "Schema governance".
`;

try {
  const { supergraphSdl, graph, baseline, report } = await checkProposal(root, { documentsDir });
  const committed = existsSync(join(root, 'supergraph.graphql')) ? readFileSync(join(root, 'supergraph.graphql'), 'utf8') : '';
  if (committed !== supergraphSdl) throw new Error('supergraph.graphql is stale: run npm run compose first, so that the release is the supergraph the gateway serves.');
  if (report) {
    process.stdout.write(formatReport(report));
    const breaking = report.changes.filter((change) => change.verdict === 'fail');
    if (report.brokenOperations.length > 0) throw new Error('Not released: registered operations no longer validate against it (see above).');
    if (breaking.length > 0 && !accepted) {
      throw new Error(`Not released: ${breaking.length} breaking change(s). Release them deliberately with --accept-breaking "<why>" (the reason goes into ${CHANGELOG}).`);
    }
    if (report.changes.length === 0) {
      // Ownership may have moved without a change clients see: keep the owners current.
      writeFileSync(join(root, RELEASED_SUPERGRAPH), supergraphSdl);
      console.log(`Nothing to release: the API schema is ${RELEASED_SCHEMA}.`);
      process.exit(0);
    }
  }
  const changelogPath = join(root, CHANGELOG);
  const changelog = existsSync(changelogPath) ? readFileSync(changelogPath, 'utf8') : HEADER;
  const number = nextReleaseNumber(changelog);
  const date = new Date().toISOString().slice(0, 10);
  const proposed = graph.apiSchema();
  const entry =
    baseline && report
      ? changelogEntry({ number, date, changes: report.changes, released: baseline.schema, proposed, owners: (c) => graph.owners(c), acceptedBreaking: accepted })
      : `## Release ${number} (${date})\n\nFirst release: the API schema of ${graph.subgraphNames().join(', ')}.\n`;
  const [head, ...older] = changelog.split(/^(?=## Release )/m);
  writeFileSync(changelogPath, `${[head!, entry, ...older].map((text) => text.trimEnd()).join('\n\n')}\n`);
  writeFileSync(join(root, RELEASED_SCHEMA), graph.apiSdl());
  writeFileSync(join(root, RELEASED_SUPERGRAPH), supergraphSdl);
  console.log(`Released ${RELEASED_SCHEMA} as release ${number}; commit schema/.`);
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
