import { GraphQLError, GraphQLScalarType, Kind, type GraphQLSchema, type ValueNode } from 'graphql';
import { Decimal } from './money.ts';
import { ErrorCode } from './errors.ts';

function invalid(scalar: string, message: string): GraphQLError {
  return new GraphQLError(`${scalar}: ${message}`, { extensions: { code: ErrorCode.BadUserInput } });
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function parseDate(value: unknown): string {
  if (typeof value !== 'string' || !DATE.test(value)) throw invalid('Date', `expected an ISO-8601 calendar date like "2026-11-22", got ${JSON.stringify(value)}`);
  const date = new Date(`${value}T00:00:00Z`);
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value) throw invalid('Date', `${value} is not a calendar date`);
  return value;
}

function parseDateTime(value: unknown): string {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(value)) {
    throw invalid('DateTime', `expected an ISO-8601 instant like "2026-11-22T10:15:00Z", got ${JSON.stringify(value)}`);
  }
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) throw invalid('DateTime', `${value} is not a valid instant`);
  return date.toISOString();
}

// The canonical form only: an optional minus, digits without leading zeros, an optional point and
// up to 10 decimals. No spaces, no `+`, no exponent: an amount a client sends is the amount
// stored, never a reading of something near it.
const DECIMAL = /^-?(0|[1-9]\d{0,17})(\.\d{1,10})?$/;

// Strings carry decimals exactly; integers are accepted for convenience; floats never, because
// a float has already lost the exact value by the time it reaches us.
function parseDecimal(value: unknown): string {
  if (typeof value === 'string' && DECIMAL.test(value)) return new Decimal(value).toFixed();
  if (typeof value === 'number' && Number.isSafeInteger(value)) return String(value);
  if (typeof value === 'number') throw invalid('Decimal', `${value} is a float; send exact amounts as strings, e.g. "${value}"`);
  throw invalid('Decimal', `expected an exact decimal string like "1250.00" (digits, an optional "-" and "."; no spaces, "+" or exponent), got ${JSON.stringify(value)}`);
}

function literal(node: ValueNode): unknown {
  switch (node.kind) {
    case Kind.STRING:
      return node.value;
    case Kind.INT:
      return Number(node.value);
    case Kind.FLOAT:
      return Number(node.value);
    default:
      return `a ${node.kind.toLowerCase()} literal`;
  }
}

function parseDecimalLiteral(node: ValueNode): string {
  if (node.kind === Kind.FLOAT) throw invalid('Decimal', `${node.value} is a float; send exact amounts as strings, e.g. "${node.value}"`);
  return parseDecimal(literal(node));
}

export const DateScalar = new GraphQLScalarType({
  name: 'Date',
  description: 'ISO-8601 calendar date, e.g. "2026-11-22".',
  serialize: (value) => (typeof value === 'string' ? value.slice(0, 10) : (value as Date).toISOString().slice(0, 10)),
  parseValue: parseDate,
  parseLiteral: (node) => parseDate(literal(node)),
});

export const DateTimeScalar = new GraphQLScalarType({
  name: 'DateTime',
  description: 'ISO-8601 instant in UTC, e.g. "2026-11-22T10:15:00.000Z".',
  serialize: (value) => (value instanceof Date ? value.toISOString() : new Date(String(value)).toISOString()),
  parseValue: parseDateTime,
  parseLiteral: (node) => parseDateTime(literal(node)),
});

export const DecimalScalar = new GraphQLScalarType({
  name: 'Decimal',
  description: 'Exact decimal number as a string, e.g. "1250.00"; never a float.',
  serialize: (value) => String(value),
  parseValue: parseDecimal,
  parseLiteral: parseDecimalLiteral,
});

export const JSONScalar = new GraphQLScalarType({
  name: 'JSON',
  description: 'Any JSON value.',
  serialize: (value) => value,
  parseValue: (value) => value,
});

/**
 * The gateway's API schema knows the subgraphs' custom scalars by name only and would pass any
 * value through; giving them these parsers makes the gateway refuse a bad Decimal, Date or
 * DateTime (literal or variable) itself, with the same message a subgraph would give.
 */
export function strictScalars(schema: GraphQLSchema): void {
  for (const scalar of [DateScalar, DateTimeScalar, DecimalScalar]) {
    const type = schema.getType(scalar.name);
    if (type instanceof GraphQLScalarType) {
      type.parseValue = scalar.parseValue;
      type.parseLiteral = scalar.parseLiteral;
    }
  }
}
