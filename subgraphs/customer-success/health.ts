import { Decimal } from '../../platform/money.ts';
import type { StoredFactor } from './rows.ts';

/** A health score as the API answers it; pure data, so the scoring is testable without a database. */
export interface HealthScoreResult {
  score: number;
  grade: 'GOOD' | 'NEUTRAL' | 'POOR';
  trend: 'UP' | 'DOWN' | 'FLAT';
  factors: { name: string; score: number; weight: number }[];
  updatedAt: string;
}

export type FactorName = StoredFactor | 'payment';

/** Percent of the score each factor carries; they add up to 100. Listed in the API's order. */
export const WEIGHTS: Readonly<Record<FactorName, number>> = { usage: 40, support: 20, payment: 25, engagement: 15 };
const ORDER: readonly FactorName[] = ['usage', 'support', 'payment', 'engagement'];

/** A stored factor nobody has reported yet is neither good nor bad. */
export const MISSING_FACTOR_SCORE = 50;

/** The payment factor from billing's overdue amount: the more is overdue, the worse. */
export function paymentScore(overdueAmount: string): number {
  const overdue = new Decimal(overdueAmount);
  if (overdue.lessThanOrEqualTo(0)) return 100;
  if (overdue.lessThan(1_000)) return 70;
  if (overdue.lessThan(10_000)) return 40;
  return 10;
}

export interface HealthInput {
  /** The stored factors (usage, support, engagement) that exist for the customer. */
  stored: readonly { factor: StoredFactor; score: number; updated_at: string }[];
  payment: number;
  /** Score of the latest snapshot at least a week old, or null when there is none. */
  baseline: number | null;
  now?: Date;
}

export function healthScore({ stored, payment, baseline, now = new Date() }: HealthInput): HealthScoreResult {
  const scores = new Map<FactorName, number>(stored.map((row) => [row.factor, row.score]));
  scores.set('payment', payment);
  const factors = ORDER.map((name) => ({ name, score: scores.get(name) ?? MISSING_FACTOR_SCORE, weight: WEIGHTS[name] }));
  // Scores and weights are integers, so the weighted sum is exact before the one rounding.
  const score = Math.round(factors.reduce((sum, factor) => sum + factor.score * factor.weight, 0) / 100);
  const delta = baseline === null ? 0 : score - baseline;
  const latest = stored.reduce<string | null>((max, row) => (max === null || row.updated_at > max ? row.updated_at : max), null);
  return {
    score,
    grade: score >= 70 ? 'GOOD' : score >= 40 ? 'NEUTRAL' : 'POOR',
    trend: delta >= 5 ? 'UP' : delta <= -5 ? 'DOWN' : 'FLAT',
    factors,
    updatedAt: latest ?? now.toISOString(),
  };
}

export type RiskLevel = 'LOW' | 'MEDIUM' | 'HIGH';

/**
 * A renewal's risk from payments and health: a large overdue amount or a poor score puts it in
 * danger, anything overdue or a weak score is a warning sign. The MEDIUM line sits below where
 * a customer with no signals yet scores (about 63: unreported factors count 50), so paying on
 * time never raises a new customer's risk.
 */
export function paymentRisk(overdueAmount: string, healthScore: number): RiskLevel {
  const overdue = new Decimal(overdueAmount);
  if (overdue.greaterThan(10_000) || healthScore < 40) return 'HIGH';
  if (overdue.greaterThan(0) || healthScore < 55) return 'MEDIUM';
  return 'LOW';
}
