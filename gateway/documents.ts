import { Kind, visit, type DefinitionNode, type DocumentNode, type FragmentDefinitionNode } from 'graphql';

/** A document's fragment definitions by name, for walks that follow spreads. */
export function fragmentsOf(document: DocumentNode | { definitions: readonly DefinitionNode[] }): Map<string, FragmentDefinitionNode> {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  return fragments;
}

/** The fragments a definition spreads, directly or through other fragments, in name order; an unknown one throws. */
export function spreadFragments(root: DefinitionNode, fragments: Map<string, FragmentDefinitionNode>): FragmentDefinitionNode[] {
  const used = new Map<string, FragmentDefinitionNode>();
  const walk = (node: DefinitionNode) =>
    visit(node, {
      FragmentSpread(spread) {
        const fragment = fragments.get(spread.name.value);
        if (!fragment) throw new Error(`Unknown fragment ${spread.name.value}`);
        if (!used.has(fragment.name.value)) {
          used.set(fragment.name.value, fragment);
          walk(fragment);
        }
      },
    });
  walk(root);
  return [...used.values()].sort((a, b) => a.name.value.localeCompare(b.name.value));
}
