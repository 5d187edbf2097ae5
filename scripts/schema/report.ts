// The check's report for a terminal: failures first, then warnings, then what is safe.
import type { CheckReport, ChangeVerdict, OperationRef } from './policy.ts';

const MARKS = { fail: '✖', warn: '⚠', ok: '✔' } as const;
/** Operations listed under one change before the rest are counted. */
const LISTED_OPERATIONS = 10;

export function formatReport(report: CheckReport): string {
  const lines = [`Schema check against ${report.baseline}: ${report.changes.length} change(s), ${report.operations} registered operation(s).`];
  const order = { fail: 0, warn: 1, ok: 2 };
  for (const change of [...report.changes].sort((a, b) => order[a.verdict] - order[b.verdict])) lines.push(...formatChange(change));
  for (const broken of report.brokenOperations) {
    lines.push(`${MARKS.fail} operation ${label(broken)} no longer validates:`, ...broken.errors.map((error) => `    ${error}`));
  }
  for (const use of report.deprecatedInUse) {
    lines.push(`• ${use.coordinate} is deprecated ("${use.reason}") and still used by:`, ...operationLines(use.operations));
  }
  const summary = { fail: 'FAIL: a change breaks registered clients or the deprecation policy.', warn: 'PASS with warnings.', pass: 'PASS.' };
  lines.push(summary[report.verdict]);
  return `${lines.join('\n')}\n`;
}

function formatChange(change: ChangeVerdict): string[] {
  const owners = change.subgraphs.length > 0 ? ` [${change.subgraphs.join(', ')}]` : '';
  const head = `${MARKS[change.verdict]} ${change.level.toUpperCase()} ${change.message}${owners}`;
  if (change.verdict === 'ok') return [head];
  return [head, `    ${change.reason}`, ...operationLines(change.operations)];
}

function operationLines(operations: OperationRef[]): string[] {
  const lines = operations.slice(0, LISTED_OPERATIONS).map((operation) => `    - ${label(operation)}`);
  if (operations.length > LISTED_OPERATIONS) lines.push(`    … and ${operations.length - LISTED_OPERATIONS} more (--json lists all)`);
  return lines;
}

function label({ client, name, source }: OperationRef): string {
  return `${client}: ${name} (${source})`;
}
