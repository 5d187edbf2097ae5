import { Decimal as DecimalJs } from 'decimal.js';

/** Money as it crosses the API: an exact decimal string and an ISO-4217 currency. */
export interface Money {
  amount: string;
  currency: string;
}

// Amounts are NUMERIC(14,2) in SQL; arithmetic in TypeScript keeps the same exactness.
export const Decimal = DecimalJs.clone({ precision: 40, rounding: DecimalJs.ROUND_HALF_EVEN });
export type Decimal = DecimalJs;

/** Formats a decimal as a money amount with exactly two places: "1250.00". */
export function toAmount(value: DecimalJs.Value): string {
  return new Decimal(value).toDecimalPlaces(2, DecimalJs.ROUND_HALF_EVEN).toFixed(2);
}

export function money(amount: DecimalJs.Value, currency: string): Money {
  return { amount: toAmount(amount), currency };
}

export const CURRENCIES = ['USD', 'EUR', 'GBP', 'CAD', 'AUD', 'JPY', 'CHF', 'SEK'] as const;
