// Subgraphs resolve their types from SQL rows, whose columns are snake_case where GraphQL's
// fields are camelCase. The kernel reads a field the row lacks from its snake_case column, so a
// subgraph writes resolvers only for fields that do more than rename one.
import { defaultFieldResolver, isObjectType, type GraphQLFieldResolver, type GraphQLSchema } from 'graphql';

/** A camelCase name in snake_case: `issuedAt` is `issued_at`; a name without capitals stays as it is. */
export function snakeCase(name: string): string {
  return name.replace(/[A-Z]/g, (capital) => `_${capital.toLowerCase()}`);
}

/** What graphql-js reads by default (`source[fieldName]`), or when that is undefined, `source[column]`. */
function fieldOrColumn(column: string): GraphQLFieldResolver<unknown, unknown> {
  return (source, args, context, info) => {
    const value: unknown = defaultFieldResolver(source, args, context, info);
    if (value !== undefined || typeof source !== 'object' || source === null) return value;
    return (source as Record<string, unknown>)[column];
  };
}

/**
 * Makes every camelCase field without a resolver of its own read its snake_case column when the
 * source has no property of the field's name. Changes the schema's fields in place.
 */
export function resolveColumns(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      const column = snakeCase(field.name);
      if (!field.resolve && column !== field.name) field.resolve = fieldOrColumn(column);
    }
  }
  return schema;
}
