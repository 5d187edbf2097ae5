import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { CustomerRef as CustomerRefModel, ContractRef as ContractRefModel, RenewalRow as RenewalRowModel, OnboardingRow as OnboardingRowModel, MilestoneRow as MilestoneRowModel } from '../rows.ts';
import type { CustomerSuccessContext } from '../context.ts';
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
export type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
export type MakeOptional<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]?: Maybe<T[SubKey]> };
export type MakeMaybe<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]: Maybe<T[SubKey]> };
export type MakeEmpty<T extends { [key: string]: unknown }, K extends keyof T> = { [_ in K]?: never };
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
export type Omit<T, K extends keyof T> = Pick<T, Exclude<keyof T, K>>;
export type RequireFields<T, K extends keyof T> = Omit<T, K> & { [P in K]-?: NonNullable<T[P]> };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** ISO-8601 calendar date, e.g. "2026-11-22". */
  Date: { input: string; output: string; }
  /** ISO-8601 instant in UTC, e.g. "2026-11-22T10:15:00.000Z". */
  DateTime: { input: string; output: string; }
  /** Exact decimal number as a string, e.g. "1250.00"; never a float. */
  Decimal: { input: string; output: string; }
  _FieldSet: { input: any; output: any; }
};

/** A signed commercial agreement: plan, seats, term and value. Owned by CRM. */
export type Contract = {
  __typename?: 'Contract';
  /** Stable identifier. */
  id: Scalars['ID']['output'];
  /** The renewal opened for this contract, if any. */
  renewal?: Maybe<Renewal>;
};

/** A customer account: the company we sell to, bill and serve. Owned by CRM. */
export type Customer = {
  __typename?: 'Customer';
  /** E-mail of the customer success manager, if one is assigned. */
  csm?: Maybe<Scalars['String']['output']>;
  /** Health from usage, support and engagement signals and billing's overdue amount. */
  health?: Maybe<HealthScore>;
  /** Stable identifier, e.g. "cus_000042". */
  id: Scalars['ID']['output'];
  /** The customer's onboarding plan, if one was opened. */
  onboarding?: Maybe<Onboarding>;
  /** Billing's live overdue amount; the payment factor of the health score reads it. */
  overdueAmount?: Maybe<Money>;
  /** Renewals of the customer's contracts, by renewal date. */
  renewals?: Maybe<Array<Renewal>>;
};

/** One input of a health score. */
export type HealthFactor = {
  __typename?: 'HealthFactor';
  /** "usage", "support", "payment" or "engagement". */
  name: Scalars['String']['output'];
  /** The factor's score, 0 to 100. */
  score: Scalars['Int']['output'];
  /** Percent of the overall score this factor carries; the weights of one score add up to 100. */
  weight: Scalars['Int']['output'];
};

/** A customer's health in a word. */
export type HealthGrade =
  /** Score 70 or more. */
  | 'GOOD'
  /** Score from 40 to 69. */
  | 'NEUTRAL'
  /** Score under 40. */
  | 'POOR';

/** How healthy a customer relationship is, from product usage, support, payments and engagement. */
export type HealthScore = {
  __typename?: 'HealthScore';
  /** The factors, in the order usage, support, payment, engagement. */
  factors: Array<HealthFactor>;
  /** The score in a word. */
  grade: HealthGrade;
  /** 0 to 100: the weighted sum of the factors, rounded. */
  score: Scalars['Int']['output'];
  /** The score compared with the latest snapshot at least 7 days old. */
  trend: Trend;
  /** When a stored factor last changed. */
  updatedAt: Scalars['DateTime']['output'];
};

/** A new reading of one stored health factor. */
export type HealthSignalInput = {
  /** The customer the signal is about. */
  customerId: Scalars['ID']['input'];
  /** "usage", "support" or "engagement" (payment comes from billing). */
  factor: Scalars['String']['input'];
  /** The factor's new score, an integer from 0 to 100. */
  score: Scalars['Int']['input'];
};

/** One step of a customer's onboarding plan. */
export type Milestone = {
  __typename?: 'Milestone';
  /** When the step was completed, if it was. */
  completedAt?: Maybe<Scalars['DateTime']['output']>;
  /** When the step should be done. */
  dueDate: Scalars['Date']['output'];
  /** Name of the step, unique within the plan, e.g. "kickoff". */
  name: Scalars['String']['output'];
  /** Where the step stands. */
  status: MilestoneStatus;
};

/** Where one onboarding step stands. */
export type MilestoneStatus =
  /** Done. */
  | 'DONE'
  /** Not done yet. */
  | 'PENDING'
  /** Not needed for this customer. */
  | 'SKIPPED';

/** An exact amount of money in one currency. */
export type Money = {
  __typename?: 'Money';
  /** Exact decimal amount, two places, e.g. "1250.00". */
  amount: Scalars['Decimal']['output'];
  /** ISO-4217 currency code, e.g. "USD". */
  currency: Scalars['String']['output'];
};

export type Mutation = {
  __typename?: 'Mutation';
  /** Marks a PENDING onboarding step DONE; the plan is COMPLETED when every step is done or skipped. */
  completeMilestone: Onboarding;
  /**
   * Every mutation takes an optional idempotencyKey: a retry with the same key and the same
   * arguments returns the first result and has no second effect; the same key with other
   * arguments is refused with extensions.code IDEMPOTENCY_KEY_REUSED.
   * Records a new score for one health factor and snapshots the health score for its trend.
   */
  recordHealthSignal: Customer;
  /** Sets a renewal's risk and records why (the last 10 reasons are kept). */
  setRenewalRisk: Renewal;
};


export type MutationCompleteMilestoneArgs = {
  customerId: Scalars['ID']['input'];
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  name: Scalars['String']['input'];
};


export type MutationRecordHealthSignalArgs = {
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  input: HealthSignalInput;
};


export type MutationSetRenewalRiskArgs = {
  id: Scalars['ID']['input'];
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  reason: Scalars['String']['input'];
  risk: RenewalRisk;
};

/** A customer's onboarding plan after a contract was signed. */
export type Onboarding = {
  __typename?: 'Onboarding';
  /** The steps, in plan order. */
  milestones: Array<Milestone>;
  /** Where the plan stands. */
  status: OnboardingStatus;
};

/** Where an onboarding plan stands. */
export type OnboardingStatus =
  /** Every step done or skipped. */
  | 'COMPLETED'
  /** Some steps completed. */
  | 'IN_PROGRESS'
  /** No step completed yet. */
  | 'NOT_STARTED';

export type Query = {
  __typename?: 'Query';
  /** One renewal by id, or null. */
  renewal?: Maybe<Renewal>;
  /** Open renewals (UPCOMING or IN_PROGRESS) due from today to `withinDays` days ahead (0 to 3650), by date. */
  renewalsDue: Array<Renewal>;
};


export type QueryRenewalArgs = {
  id: Scalars['ID']['input'];
};


export type QueryRenewalsDueArgs = {
  risk?: InputMaybe<RenewalRisk>;
  withinDays?: InputMaybe<Scalars['Int']['input']>;
};

/** The renewal of one contract at its end date. Owned by customer success. */
export type Renewal = {
  __typename?: 'Renewal';
  /** The contract up for renewal. */
  contract: Contract;
  /** The customer renewing. */
  customer: Customer;
  /** Annual recurring revenue expected from the renewal. */
  forecastArr: Money;
  /** Stable identifier. */
  id: Scalars['ID']['output'];
  /** The date the contract must be renewed by. */
  renewalDate: Scalars['Date']['output'];
  /** How likely the renewal is to be lost. */
  risk: RenewalRisk;
  /** Why the risk was set, oldest first (the last 10). */
  riskReasons: Array<Scalars['String']['output']>;
  /** Where the renewal stands. */
  stage: RenewalStage;
};

/** How likely a renewal is to be lost. */
export type RenewalRisk =
  /** Likely to churn without action. */
  | 'HIGH'
  /** Expected to renew. */
  | 'LOW'
  /** Some warning signs. */
  | 'MEDIUM';

/** A renewal's risk moved: the `renewal.risk_changed` event. */
export type RenewalRiskChangedEvent = {
  __typename?: 'RenewalRiskChangedEvent';
  /** The correlation id of the request that moved it, downstream of a payment or a contract change too. */
  correlationId?: Maybe<Scalars['ID']['output']>;
  /** The customer renewing. */
  customer: Customer;
  /** The event's id; pass it as `after` to resume the subscription after this event. */
  eventId: Scalars['ID']['output'];
  /** When the risk changed. */
  occurredAt: Scalars['DateTime']['output'];
  /** The risk before the change. */
  previousRisk?: Maybe<RenewalRisk>;
  /** The renewal, as it is when the event is delivered. */
  renewal: Renewal;
  /** The risk the change set. */
  risk: RenewalRisk;
};

/** Where a renewal stands. */
export type RenewalStage =
  /** The customer left. */
  | 'CHURNED'
  /** Being negotiated with the customer. */
  | 'IN_PROGRESS'
  /** The customer renewed. */
  | 'RENEWED'
  /** Not yet being worked. */
  | 'UPCOMING';

/**
 * Live events over graphql-ws (subprotocol graphql-transport-ws, at /graphql). With `after`, every
 * matching event after that event id is replayed first, then live ones follow, with no gap and no
 * duplicate; an unknown or expired `after` is refused with BAD_USER_INPUT.
 */
export type Subscription = {
  __typename?: 'Subscription';
  /** Every renewal risk change from now on (or after `after`), oldest first. */
  renewalRiskChanged: RenewalRiskChangedEvent;
};


/**
 * Live events over graphql-ws (subprotocol graphql-transport-ws, at /graphql). With `after`, every
 * matching event after that event id is replayed first, then live ones follow, with no gap and no
 * duplicate; an unknown or expired `after` is refused with BAD_USER_INPUT.
 */
export type SubscriptionRenewalRiskChangedArgs = {
  after?: InputMaybe<Scalars['ID']['input']>;
  customerId?: InputMaybe<Scalars['ID']['input']>;
};

/** Which way a score moved compared with a week or more ago. */
export type Trend =
  /** Down by 5 points or more. */
  | 'DOWN'
  /** Within 5 points, or no earlier score to compare with. */
  | 'FLAT'
  /** Up by 5 points or more. */
  | 'UP';



export type ResolverTypeWrapper<T> = Promise<T> | T;

export type ReferenceResolver<TResult, TReference, TContext> = (
      reference: TReference,
      context: TContext,
      info: GraphQLResolveInfo
    ) => Promise<TResult> | TResult;

      type ScalarCheck<T, S> = S extends true ? T : NullableCheck<T, S>;
      type NullableCheck<T, S> = Maybe<T> extends T ? Maybe<ListCheck<NonNullable<T>, S>> : ListCheck<T, S>;
      type ListCheck<T, S> = T extends (infer U)[] ? NullableCheck<U, S>[] : GraphQLRecursivePick<T, S>;
      export type GraphQLRecursivePick<T, S> = { [K in keyof T & keyof S]: ScalarCheck<T[K], S[K]> };
    

export type ResolverWithResolve<TResult, TParent, TContext, TArgs> = {
  resolve: ResolverFn<TResult, TParent, TContext, TArgs>;
};
export type Resolver<TResult, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = ResolverFn<TResult, TParent, TContext, TArgs> | ResolverWithResolve<TResult, TParent, TContext, TArgs>;

export type ResolverFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => Promise<TResult> | TResult;

export type SubscriptionSubscribeFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => AsyncIterable<TResult> | Promise<AsyncIterable<TResult>>;

export type SubscriptionResolveFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;

export interface SubscriptionSubscriberObject<TResult, TKey extends string, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<{ [key in TKey]: TResult }, TParent, TContext, TArgs>;
  resolve?: SubscriptionResolveFn<TResult, { [key in TKey]: TResult }, TContext, TArgs>;
}

export interface SubscriptionResolverObject<TResult, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<any, TParent, TContext, TArgs>;
  resolve: SubscriptionResolveFn<TResult, any, TContext, TArgs>;
}

export type SubscriptionObject<TResult, TKey extends string, TParent, TContext, TArgs> =
  | SubscriptionSubscriberObject<TResult, TKey, TParent, TContext, TArgs>
  | SubscriptionResolverObject<TResult, TParent, TContext, TArgs>;

export type SubscriptionResolver<TResult, TKey extends string, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> =
  | ((...args: any[]) => SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>)
  | SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>;

export type TypeResolveFn<TTypes, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (
  parent: TParent,
  context: TContext,
  info: GraphQLResolveInfo
) => Maybe<TTypes> | Promise<Maybe<TTypes>>;

export type IsTypeOfResolverFn<T = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (obj: T, context: TContext, info: GraphQLResolveInfo) => boolean | Promise<boolean>;

export type NextResolverFn<T> = () => Promise<T>;

export type DirectiveResolverFn<TResult = Record<PropertyKey, never>, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = (
  next: NextResolverFn<TResult>,
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;

/** Mapping of federation types */
export type FederationTypes = {
  Contract: Contract;
  Customer: Customer;
  Renewal: Renewal;
};

/** Mapping of federation reference types */
export type FederationReferenceTypes = {
  Contract:
    ( { __typename: 'Contract' }
    & GraphQLRecursivePick<FederationTypes['Contract'], {"id":true}> );
  Customer:
    ( { __typename: 'Customer' }
    & GraphQLRecursivePick<FederationTypes['Customer'], {"id":true}>
    & ( Record<PropertyKey, never>
        | GraphQLRecursivePick<FederationTypes['Customer'], {"overdueAmount":{"amount":true,"currency":true}}> ) );
  Renewal:
    ( { __typename: 'Renewal' }
    & GraphQLRecursivePick<FederationTypes['Renewal'], {"id":true}> );
};



/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = {
  Contract: ResolverTypeWrapper<ContractRefModel>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  Customer: ResolverTypeWrapper<CustomerRefModel>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  Date: ResolverTypeWrapper<Scalars['Date']['output']>;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  Decimal: ResolverTypeWrapper<Scalars['Decimal']['output']>;
  HealthFactor: ResolverTypeWrapper<HealthFactor>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  HealthGrade: HealthGrade;
  HealthScore: ResolverTypeWrapper<HealthScore>;
  HealthSignalInput: HealthSignalInput;
  Milestone: ResolverTypeWrapper<MilestoneRowModel>;
  MilestoneStatus: MilestoneStatus;
  Money: ResolverTypeWrapper<Money>;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Onboarding: ResolverTypeWrapper<OnboardingRowModel>;
  OnboardingStatus: OnboardingStatus;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Renewal: ResolverTypeWrapper<RenewalRowModel>;
  RenewalRisk: RenewalRisk;
  RenewalRiskChangedEvent: ResolverTypeWrapper<Omit<RenewalRiskChangedEvent, 'customer' | 'renewal'> & { customer: ResolversTypes['Customer'], renewal: ResolversTypes['Renewal'] }>;
  RenewalStage: RenewalStage;
  Subscription: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Trend: Trend;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
};

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = {
  Contract: ContractRefModel;
  ID: Scalars['ID']['output'];
  Customer: CustomerRefModel;
  String: Scalars['String']['output'];
  Date: Scalars['Date']['output'];
  DateTime: Scalars['DateTime']['output'];
  Decimal: Scalars['Decimal']['output'];
  HealthFactor: HealthFactor;
  Int: Scalars['Int']['output'];
  HealthScore: HealthScore;
  HealthSignalInput: HealthSignalInput;
  Milestone: MilestoneRowModel;
  Money: Money;
  Mutation: Record<PropertyKey, never>;
  Onboarding: OnboardingRowModel;
  Query: Record<PropertyKey, never>;
  Renewal: RenewalRowModel;
  RenewalRiskChangedEvent: Omit<RenewalRiskChangedEvent, 'customer' | 'renewal'> & { customer: ResolversParentTypes['Customer'], renewal: ResolversParentTypes['Renewal'] };
  Subscription: Record<PropertyKey, never>;
  Boolean: Scalars['Boolean']['output'];
};

export type ContractResolvers<ContextType = CustomerSuccessContext, ParentType extends ResolversParentTypes['Contract'] = ResolversParentTypes['Contract'], FederationReferenceType extends FederationReferenceTypes['Contract'] = FederationReferenceTypes['Contract']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Contract']> | FederationReferenceType, FederationReferenceType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  renewal?: Resolver<Maybe<ResolversTypes['Renewal']>, ParentType, ContextType>;
};

export type CustomerResolvers<ContextType = CustomerSuccessContext, ParentType extends ResolversParentTypes['Customer'] = ResolversParentTypes['Customer'], FederationReferenceType extends FederationReferenceTypes['Customer'] = FederationReferenceTypes['Customer']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Customer']> | FederationReferenceType, FederationReferenceType, ContextType>;
  csm?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  health?: Resolver<Maybe<ResolversTypes['HealthScore']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  onboarding?: Resolver<Maybe<ResolversTypes['Onboarding']>, ParentType, ContextType>;
  renewals?: Resolver<Maybe<Array<ResolversTypes['Renewal']>>, ParentType, ContextType>;
};

export interface DateScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['Date'], any> {
  name: 'Date';
}

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export interface DecimalScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['Decimal'], any> {
  name: 'Decimal';
}

export type HealthFactorResolvers<ContextType = CustomerSuccessContext, ParentType extends ResolversParentTypes['HealthFactor'] = ResolversParentTypes['HealthFactor']> = {
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  score?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  weight?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type HealthScoreResolvers<ContextType = CustomerSuccessContext, ParentType extends ResolversParentTypes['HealthScore'] = ResolversParentTypes['HealthScore']> = {
  factors?: Resolver<Array<ResolversTypes['HealthFactor']>, ParentType, ContextType>;
  grade?: Resolver<ResolversTypes['HealthGrade'], ParentType, ContextType>;
  score?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  trend?: Resolver<ResolversTypes['Trend'], ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
};

export type MilestoneResolvers<ContextType = CustomerSuccessContext, ParentType extends ResolversParentTypes['Milestone'] = ResolversParentTypes['Milestone']> = {
  completedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  dueDate?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['MilestoneStatus'], ParentType, ContextType>;
};

export type MoneyResolvers<ContextType = CustomerSuccessContext, ParentType extends ResolversParentTypes['Money'] = ResolversParentTypes['Money']> = {
  amount?: Resolver<ResolversTypes['Decimal'], ParentType, ContextType>;
  currency?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type MutationResolvers<ContextType = CustomerSuccessContext, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = {
  completeMilestone?: Resolver<ResolversTypes['Onboarding'], ParentType, ContextType, RequireFields<MutationCompleteMilestoneArgs, 'customerId' | 'name'>>;
  recordHealthSignal?: Resolver<ResolversTypes['Customer'], ParentType, ContextType, RequireFields<MutationRecordHealthSignalArgs, 'input'>>;
  setRenewalRisk?: Resolver<ResolversTypes['Renewal'], ParentType, ContextType, RequireFields<MutationSetRenewalRiskArgs, 'id' | 'reason' | 'risk'>>;
};

export type OnboardingResolvers<ContextType = CustomerSuccessContext, ParentType extends ResolversParentTypes['Onboarding'] = ResolversParentTypes['Onboarding']> = {
  milestones?: Resolver<Array<ResolversTypes['Milestone']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['OnboardingStatus'], ParentType, ContextType>;
};

export type QueryResolvers<ContextType = CustomerSuccessContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = {
  renewal?: Resolver<Maybe<ResolversTypes['Renewal']>, ParentType, ContextType, RequireFields<QueryRenewalArgs, 'id'>>;
  renewalsDue?: Resolver<Array<ResolversTypes['Renewal']>, ParentType, ContextType, RequireFields<QueryRenewalsDueArgs, 'withinDays'>>;
};

export type RenewalResolvers<ContextType = CustomerSuccessContext, ParentType extends ResolversParentTypes['Renewal'] = ResolversParentTypes['Renewal'], FederationReferenceType extends FederationReferenceTypes['Renewal'] = FederationReferenceTypes['Renewal']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Renewal']> | FederationReferenceType, FederationReferenceType, ContextType>;
  contract?: Resolver<ResolversTypes['Contract'], ParentType, ContextType>;
  customer?: Resolver<ResolversTypes['Customer'], ParentType, ContextType>;
  forecastArr?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  renewalDate?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  risk?: Resolver<ResolversTypes['RenewalRisk'], ParentType, ContextType>;
  riskReasons?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  stage?: Resolver<ResolversTypes['RenewalStage'], ParentType, ContextType>;
};

export type RenewalRiskChangedEventResolvers<ContextType = CustomerSuccessContext, ParentType extends ResolversParentTypes['RenewalRiskChangedEvent'] = ResolversParentTypes['RenewalRiskChangedEvent']> = {
  correlationId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  customer?: Resolver<ResolversTypes['Customer'], ParentType, ContextType>;
  eventId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  occurredAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  previousRisk?: Resolver<Maybe<ResolversTypes['RenewalRisk']>, ParentType, ContextType>;
  renewal?: Resolver<ResolversTypes['Renewal'], ParentType, ContextType>;
  risk?: Resolver<ResolversTypes['RenewalRisk'], ParentType, ContextType>;
};

export type SubscriptionResolvers<ContextType = CustomerSuccessContext, ParentType extends ResolversParentTypes['Subscription'] = ResolversParentTypes['Subscription']> = {
  renewalRiskChanged?: SubscriptionResolver<ResolversTypes['RenewalRiskChangedEvent'], "renewalRiskChanged", ParentType, ContextType, Partial<SubscriptionRenewalRiskChangedArgs>>;
};

export type Resolvers<ContextType = CustomerSuccessContext> = {
  Contract?: ContractResolvers<ContextType>;
  Customer?: CustomerResolvers<ContextType>;
  Date?: GraphQLScalarType;
  DateTime?: GraphQLScalarType;
  Decimal?: GraphQLScalarType;
  HealthFactor?: HealthFactorResolvers<ContextType>;
  HealthScore?: HealthScoreResolvers<ContextType>;
  Milestone?: MilestoneResolvers<ContextType>;
  Money?: MoneyResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  Onboarding?: OnboardingResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  Renewal?: RenewalResolvers<ContextType>;
  RenewalRiskChangedEvent?: RenewalRiskChangedEventResolvers<ContextType>;
  Subscription?: SubscriptionResolvers<ContextType>;
};

