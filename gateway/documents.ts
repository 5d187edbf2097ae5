import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  Kind,
  TypeInfo,
  visit,
  visitWithTypeInfo,
  type DefinitionNode,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLSchema,
} from 'graphql';

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

/** An operation as a document of its own: it and the fragments it spreads. */
export function withFragments(operation: DefinitionNode, fragments: Map<string, FragmentDefinitionNode>): DocumentNode {
  return { kind: Kind.DOCUMENT, definitions: [operation, ...spreadFragments(operation, fragments)] };
}

/**
 * The schema coordinates an operation uses in `schema`: every type it touches (`Type`), field it
 * selects (`Type.field`), argument it passes (`Type.field.argument`), input field it sets
 * (`Input.field`) and enum value it writes (`Enum.VALUE`).
 */
export function coordinatesUsed(schema: GraphQLSchema, document: DocumentNode): Set<string> {
  const used = new Set<string>();
  const typeInfo = new TypeInfo(schema);
  const useType = (type: Parameters<typeof getNamedType>[0]) => {
    const named = getNamedType(type);
    if (named) used.add(named.name);
  };
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field() {
        const parent = typeInfo.getParentType();
        const field = typeInfo.getFieldDef();
        if (!parent || !field) return;
        used.add(parent.name);
        used.add(`${parent.name}.${field.name}`);
        useType(field.type);
      },
      Argument(node) {
        const parent = typeInfo.getParentType();
        const field = typeInfo.getFieldDef();
        if (parent && field) used.add(`${parent.name}.${field.name}.${node.name.value}`);
        useType(typeInfo.getInputType());
      },
      ObjectField(node) {
        const input = getNamedType(typeInfo.getParentInputType());
        if (input && isInputObjectType(input)) used.add(`${input.name}.${node.name.value}`);
        useType(typeInfo.getInputType());
      },
      EnumValue(node) {
        const type = getNamedType(typeInfo.getInputType());
        if (type && isEnumType(type)) used.add(`${type.name}.${node.value}`);
      },
      VariableDefinition() {
        useType(typeInfo.getInputType());
      },
      InlineFragment() {
        useType(typeInfo.getType());
      },
      FragmentDefinition() {
        useType(typeInfo.getType());
      },
    }),
  );
  return used;
}
