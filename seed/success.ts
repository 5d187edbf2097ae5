/** Customer success: the account, health factors that follow payment behaviour, onboarding, renewals. */
import { addDays, daysBetween } from '../platform/dates.ts';
import { Decimal, toAmount } from '../platform/money.ts';
import type { RenewalSeed } from '../subgraphs/customer-success/seed.ts';
import { at, id, minDate, type ContractPlan, type Counters, type CustomerPlan, type Payer, type SeedBatch } from './model.ts';
import { CSMS, STAFF_DOMAIN } from './names.ts';
import type { Rng } from './random.ts';

export interface SuccessContext {
  asOf: string;
  counters: Counters;
  batch: SeedBatch;
}

/** Where health factors centre for each kind of payer: customers who pay late tend to be unhappy. */
const HEALTH_BASE: Record<Payer, number> = { GOOD: 80, SLOW: 64, FAILING: 70, POOR: 45 };

const MILESTONES: readonly [name: string, dueAfterDays: number][] = [
  ['Kickoff', 7],
  ['Technical setup', 14],
  ['Data migration', 30],
  ['Training', 45],
  ['Go-live', 60],
];

/** Onboardings cover contracts that started this recently. */
const ONBOARDING_WINDOW_DAYS = 120;

function clamp(score: number): number {
  return Math.max(0, Math.min(100, Math.round(score)));
}

function onboard(ctx: SuccessContext, rng: Rng, customer: CustomerPlan, contract: ContractPlan): void {
  let blocked = false;
  let done = 0;
  let lastCompleted: string | null = null;
  MILESTONES.forEach(([name, after], index) => {
    const due = addDays(contract.startDate, after);
    let status: 'PENDING' | 'DONE' | 'SKIPPED' = 'PENDING';
    let completedAt: string | null = null;
    if (name === 'Data migration' && customer.segment === 'SMB' && rng.chance(0.3)) {
      status = 'SKIPPED';
    } else if (!blocked && due < ctx.asOf && rng.chance(daysBetween(due, ctx.asOf) > 14 ? 0.96 : 0.75)) {
      status = 'DONE';
      const completedOn = minDate(addDays(due, rng.int(-4, 3)), addDays(ctx.asOf, -1));
      completedAt = at(completedOn < contract.startDate ? contract.startDate : completedOn, rng.int(9, 17), rng.int(0, 59));
      lastCompleted = completedAt;
      done++;
    } else {
      // Milestones happen in order: once one slips, the later ones wait for it.
      blocked = true;
    }
    ctx.batch.cs.milestones.push({ customer_id: customer.id, position: index + 1, name, status, due_date: due, completed_at: completedAt });
  });
  const finished = !blocked;
  ctx.batch.cs.onboardings.push({
    customer_id: customer.id,
    contract_id: contract.id,
    status: finished ? 'COMPLETED' : done > 0 ? 'IN_PROGRESS' : 'NOT_STARTED',
    started_at: done > 0 || finished ? at(contract.startDate, 9) : null,
    completed_at: finished ? lastCompleted : null,
  });
}

function renewal(
  ctx: SuccessContext,
  rng: Rng,
  customer: CustomerPlan,
  contract: ContractPlan,
  renewed: boolean,
  signals: { overdue: boolean; usage: number; support: number; engagement: number; championLeft: boolean },
): RenewalSeed {
  const renewalDate = addDays(contract.endDate, 1);
  const base = {
    id: id('ren', ++ctx.counters.renewal),
    customer_id: customer.id,
    contract_id: contract.id,
    renewal_date: renewalDate,
    forecast_arr: toAmount(new Decimal(contract.monthlyPrice).mul(contract.finalSeats).mul(12)),
    currency: customer.currency,
  };
  if (contract.status === 'TERMINATED') {
    return { ...base, stage: 'CHURNED', risk: 'HIGH', risk_reasons: [`terminated: ${contract.terminationReason}`], updated_at: at(contract.terminatedOn!, 16) };
  }
  if (contract.status === 'EXPIRED') {
    const closedOn = minDate(renewalDate, ctx.asOf);
    return renewed
      ? { ...base, stage: 'RENEWED', risk: 'LOW', risk_reasons: [], updated_at: at(closedOn, 9) }
      : { ...base, stage: 'CHURNED', risk: 'HIGH', risk_reasons: ['not renewed'], updated_at: at(closedOn, 9) };
  }
  const reasons: string[] = [];
  if (signals.overdue) reasons.push('overdue invoices');
  if (signals.usage < 50) reasons.push('low usage');
  if (signals.championLeft) reasons.push('champion left');
  else if (signals.engagement < 45) reasons.push('low engagement');
  if (signals.support < 45) reasons.push('support escalations');
  if (contract.amendment && contract.amendment.seatsDelta < 0) reasons.push('seat reduction');
  return {
    ...base,
    stage: daysBetween(ctx.asOf, renewalDate) <= 90 ? 'IN_PROGRESS' : 'UPCOMING',
    risk: reasons.length === 0 ? 'LOW' : reasons.length === 1 ? 'MEDIUM' : 'HIGH',
    risk_reasons: reasons,
    updated_at: at(addDays(ctx.asOf, -rng.int(0, 20)), 10, rng.int(0, 59)),
  };
}

/** Writes the customer's success data; `overdue` says whether billing holds an overdue invoice of theirs. */
export function customerSuccess(ctx: SuccessContext, rng: Rng, customer: CustomerPlan, contracts: ContractPlan[], overdue: boolean): void {
  const { cs } = ctx.batch;
  cs.accounts.push({ customer_id: customer.id, csm: `${rng.pick(CSMS)}@${STAFF_DOMAIN}`, currency: customer.currency });

  const active = contracts.some((contract) => contract.status === 'ACTIVE');
  const base = HEALTH_BASE[customer.payer] - (active ? 0 : 20);
  const championLeft = rng.chance(0.06);
  const usage = clamp(base + rng.int(-18, 15));
  const support = clamp(base + rng.int(-20, 15));
  const engagement = clamp(base + rng.int(-15, 15) - (championLeft ? 25 : 0));
  const updatedAt = at(addDays(ctx.asOf, -rng.int(0, 10)), 12, rng.int(0, 59));
  cs.factors.push(
    { customer_id: customer.id, factor: 'usage', score: usage, updated_at: updatedAt },
    { customer_id: customer.id, factor: 'support', score: support, updated_at: updatedAt },
    { customer_id: customer.id, factor: 'engagement', score: engagement, updated_at: updatedAt },
  );
  cs.history.push({
    customer_id: customer.id,
    recorded_at: at(addDays(ctx.asOf, -30), 0),
    // Weighted like customer-success scores health (payment from the overdue amount), a month ago.
    score: clamp((usage * 40 + support * 20 + (overdue ? 40 : 100) * 25 + engagement * 15) / 100 + rng.int(-8, 8)),
  });

  const windowStart = addDays(ctx.asOf, -ONBOARDING_WINDOW_DAYS);
  const recent = contracts.filter((contract) => contract.startDate >= windowStart && contract.status !== 'TERMINATED');
  if (recent.length > 0) onboard(ctx, rng, customer, recent[recent.length - 1]);

  const signals = { overdue, usage, support, engagement, championLeft };
  for (const contract of contracts) {
    const renewed = contracts.some((next) => next.startDate === addDays(contract.endDate, 1));
    cs.renewals.push(renewal(ctx, rng, customer, contract, renewed, signals));
  }
}
