/**
 * `npm run schema:check`: composes the subgraphs, compares the API schema with the released one
 * (or the supergraph at `--against <git ref>`), classifies every change with graphql-inspector and
 * judges it against every registered operation. Exits 1 when a change breaks a registered client
 * or the deprecation policy; `--json` prints the report for CI tools.
 *
 *   npm run schema:check [-- --against main] [--documents persisted/] [--json]
 */
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfigOrExit } from '../platform/config.ts';
import { checkProposal, NO_RELEASE } from './schema/proposal.ts';
import { formatReport } from './schema/report.ts';

const { values } = parseArgs({ options: { against: { type: 'string' }, documents: { type: 'string' }, json: { type: 'boolean', default: false } } });
const documentsDir = values.documents ?? loadConfigOrExit().access.persistedDocumentsDir;

try {
  const { report } = await checkProposal(join(import.meta.dirname, '..'), { against: values.against, documentsDir });
  if (!report) {
    console.error(NO_RELEASE);
    process.exit(1);
  }
  process.stdout.write(values.json ? `${JSON.stringify(report, null, 2)}\n` : formatReport(report));
  process.exit(report.verdict === 'fail' ? 1 : 0);
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
