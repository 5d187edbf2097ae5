/** Input checks shared by every system; each throws BAD_USER_INPUT naming the field. */
import { badInput } from './errors.ts';
import { CURRENCIES, Decimal } from './money.ts';

export function text(field: string, value: string, max = 200): string {
  const trimmed = value.trim();
  if (trimmed.length === 0) throw badInput(field, 'must not be empty');
  if (trimmed.length > max) throw badInput(field, `must be at most ${max} characters`);
  return trimmed;
}

export function optionalText(field: string, value: string | null | undefined, max = 200): string | null {
  return value === null || value === undefined || value.trim() === '' ? null : text(field, value, max);
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function email(field: string, value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const trimmed = value.trim().toLowerCase();
  if (!EMAIL.test(trimmed) || trimmed.length > 254) throw badInput(field, `"${value}" is not an e-mail address`);
  return trimmed;
}

const DOMAIN = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

export function domain(field: string, value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const trimmed = value.trim().toLowerCase();
  if (!DOMAIN.test(trimmed)) throw badInput(field, `"${value}" is not a domain name like "acme.com"`);
  return trimmed;
}

/** An ISO-4217 code the hub invoices in, exactly as listed (no spaces, upper case). */
export function currency(field: string, value: string): string {
  return oneOf(field, value, CURRENCIES);
}

export function integer(field: string, value: number, min: number, max: number): number {
  if (!Number.isInteger(value) || value < min || value > max) throw badInput(field, `must be an integer from ${min} to ${max}, got ${value}`);
  return value;
}

/** A money amount: at most two decimal places, within [min, max]. */
export function amount(field: string, value: string, { min = '0', max = '1000000000' }: { min?: string; max?: string } = {}): Decimal {
  const decimal = new Decimal(value);
  if (decimal.decimalPlaces() > 2) throw badInput(field, `must have at most 2 decimal places, got ${value}`);
  if (decimal.lessThan(min) || decimal.greaterThan(max)) throw badInput(field, `must be from ${min} to ${max}, got ${value}`);
  return decimal;
}

/** One of an enumeration's values, matched exactly: `"USAGE "` is not `"usage"`. */
export function oneOf<T extends string>(field: string, value: string, allowed: readonly T[]): T {
  if (!(allowed as readonly string[]).includes(value)) throw badInput(field, `must be one of ${allowed.join(', ')}, got "${value}"`);
  return value as T;
}
