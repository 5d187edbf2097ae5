// A release's entry in schema/CHANGELOG.md: what was added, deprecated, removed and changed, by
// the subgraph that owns it, newest release first.
import type { GraphQLSchema } from 'graphql';
import { deprecatedElements, type ChangeVerdict } from './policy.ts';

export interface ReleaseNotes {
  number: number;
  date: string;
  changes: ChangeVerdict[];
  released: GraphQLSchema;
  proposed: GraphQLSchema;
  owners: (coordinate: string) => string[];
  /** Why breaking changes were released anyway (`--accept-breaking`). */
  acceptedBreaking?: string;
}

type Section = 'Added' | 'Deprecated' | 'Removed' | 'Changed';
const SECTIONS: Section[] = ['Added', 'Deprecated', 'Removed', 'Changed'];

/** The release number the next entry gets: one more than the newest in `changelog`. */
export function nextReleaseNumber(changelog: string): number {
  const newest = /^## Release (\d+)/m.exec(changelog);
  return newest ? Number(newest[1]) + 1 : 1;
}

/** The entry of a release; empty sections are left out. */
export function changelogEntry(notes: ReleaseNotes): string {
  const bySubgraph = new Map<string, Map<Section, string[]>>();
  const add = (subgraphs: string[], section: Section, line: string) => {
    const key = subgraphs.length > 0 ? subgraphs.join(', ') : 'graph';
    const sections = bySubgraph.get(key) ?? new Map<Section, string[]>();
    bySubgraph.set(key, sections);
    sections.set(section, [...(sections.get(section) ?? []), line]);
  };
  for (const change of notes.changes) {
    const section = sectionOf(change.type);
    if (!section) continue;
    const level = change.level === 'safe' ? '' : ` (${change.level}${change.verdict === 'fail' && notes.acceptedBreaking ? ', accepted' : ''})`;
    add(change.subgraphs, section, `${change.message}${level}`);
  }
  const before = new Set(deprecatedElements(notes.released).map((element) => element.coordinate));
  for (const { coordinate, reason } of deprecatedElements(notes.proposed)) {
    if (!before.has(coordinate)) add(notes.owners(coordinate), 'Deprecated', `\`${coordinate}\`: ${reason}`);
  }
  const lines = [`## Release ${notes.number} (${notes.date})`, ''];
  const accepted = notes.changes.some((change) => change.verdict === 'fail');
  if (accepted && notes.acceptedBreaking) lines.push(`Breaking changes released deliberately: ${notes.acceptedBreaking}`, '');
  if (bySubgraph.size === 0) lines.push('No change to the API schema.', '');
  for (const [subgraphs, sections] of [...bySubgraph].sort(([a], [b]) => a.localeCompare(b))) {
    lines.push(`### ${subgraphs}`, '');
    for (const section of SECTIONS) {
      const entries = sections.get(section);
      if (entries) lines.push(`${section}:`, '', ...entries.map((entry) => `- ${entry}`), '');
    }
  }
  return lines.join('\n');
}

/** Deprecations are listed from the schemas themselves; descriptions are not the contract. */
function sectionOf(type: string): Section | undefined {
  if (type.startsWith('DIRECTIVE_USAGE_') || type.includes('DESCRIPTION') || type.includes('DEPRECATION')) return undefined;
  if (type.endsWith('_ADDED')) return 'Added';
  if (type.endsWith('_REMOVED')) return 'Removed';
  return 'Changed';
}
