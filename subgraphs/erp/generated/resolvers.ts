import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { CustomerRef as CustomerRefModel, InvoiceRef as InvoiceRefModel, PostingRow as PostingRowModel, JournalEntryRow as JournalEntryRowModel, JournalLineRow as JournalLineRowModel, AccountingPeriodRow as AccountingPeriodRowModel } from '../rows.ts';
import type { ErpContext } from '../context.ts';
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

/** A calendar month of the books. A month ERP has no row for counts as OPEN. */
export type AccountingPeriod = {
  __typename?: 'AccountingPeriod';
  /** When it was closed, while CLOSED. */
  closedAt?: Maybe<Scalars['DateTime']['output']>;
  /** The month, e.g. "2026-11". */
  id: Scalars['String']['output'];
  /** Why it was last reopened. */
  reopenReason?: Maybe<Scalars['String']['output']>;
  /** When it was last reopened. */
  reopenedAt?: Maybe<Scalars['DateTime']['output']>;
  /** Whether it takes new entries. */
  status: PeriodStatus;
};

/** A customer's open aged receivable, split by days past due date as of today. */
export type AgingBuckets = {
  __typename?: 'AgingBuckets';
  /** Not yet due. */
  current: Money;
  /** 1 to 30 days past due. */
  days1to30: Money;
  /** 31 to 60 days past due. */
  days31to60: Money;
  /** 61 to 90 days past due. */
  days61to90: Money;
  /** More than 90 days past due. */
  over90: Money;
};

/** A customer account: the company we sell to, bill and serve. Owned by CRM. */
export type Customer = {
  __typename?: 'Customer';
  /** The most the customer may owe, or null when no limit is set. */
  creditLimit?: Maybe<Money>;
  /** Stable identifier, e.g. "cus_000042". */
  id: Scalars['ID']['output'];
  /** What the customer owes according to the ledger, aged. */
  receivable?: Maybe<Receivable>;
  /**
   * Cash received from the customer that waits as unapplied cash (2300) because its invoice's posting
   * is not POSTED yet, per currency; empty when none waits. It is applied when the invoice posts.
   */
  unappliedCash?: Maybe<Array<Money>>;
};

/** A bill sent to a customer: its lines, totals, what was paid and what is due. */
export type Invoice = {
  __typename?: 'Invoice';
  /** Stable identifier. */
  id: Scalars['ID']['output'];
  /** How the invoice stands in the general ledger; PENDING with 0 attempts when ERP has not seen it yet. */
  posting?: Maybe<Posting>;
};

/** A balanced entry in the general ledger: its debits always equal its credits. */
export type JournalEntry = {
  __typename?: 'JournalEntry';
  /** The business flow (e.g. a quote-to-cash run) that caused the entry, when known. */
  correlationId?: Maybe<Scalars['ID']['output']>;
  /** When the entry was written. */
  createdAt: Scalars['DateTime']['output'];
  /** ISO-4217 currency of every line. */
  currency: Scalars['String']['output'];
  /** The day of what it records (the invoice's issue, the cash received, the void), kept even when its own period was closed. */
  date: Scalars['Date']['output'];
  /** Stable identifier. */
  id: Scalars['ID']['output'];
  /** The lines in order; debits always equal credits. */
  lines: Array<JournalLine>;
  /** Human reference, e.g. "JE-2026-000123". */
  number: Scalars['String']['output'];
  /**
   * Accounting period the entry posts into, e.g. "2026-11": the period of its date, or for a payment,
   * reversal or credit dated in a CLOSED or LOCKED period, the first OPEN period after it.
   */
  period: Scalars['String']['output'];
  /** What the entry posts. */
  source: JournalSource;
  /** The invoice or payment it posts. */
  sourceId: Scalars['ID']['output'];
};

/** A page of journal entries. */
export type JournalEntryConnection = {
  __typename?: 'JournalEntryConnection';
  /** The entries on this page. */
  nodes: Array<JournalEntry>;
  /** Where this page ends. */
  pageInfo: PageInfo;
  /** How many entries match the filter in all. */
  totalCount: Scalars['Int']['output'];
};

/** One line of a journal entry: a debit or a credit to one account. */
export type JournalLine = {
  __typename?: 'JournalLine';
  /** Account of the chart, number and name, e.g. "1200 Accounts Receivable". */
  account: Scalars['String']['output'];
  /** Amount credited (zero on a debit line), in the entry's currency. */
  credit: Money;
  /** Amount debited (zero on a credit line), in the entry's currency. */
  debit: Money;
};

/** What a journal entry posts. */
export type JournalSource =
  /** Cash held as unapplied (its invoice was not posted when it came) applied once the invoice posted: DR Unapplied Cash, CR Accounts Receivable. */
  | 'CASH_APPLICATION'
  /** A credit: the reversal of a voided invoice (the mirror of its invoice entry), or a credit note billing issued (DR revenue and sales tax, CR Accounts Receivable). */
  | 'CREDIT'
  /** An issued invoice: DR Accounts Receivable, CR Revenue (or Deferred Revenue) and Sales Tax. */
  | 'INVOICE'
  /** An entry made by hand by finance. */
  | 'MANUAL'
  /** A cash receipt: DR Cash, CR Accounts Receivable. */
  | 'PAYMENT';

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
  /**
   * Every mutation takes an optional idempotencyKey: a retry with the same key and the same
   * arguments returns the first result and has no second effect; the same key with other
   * arguments is refused with extensions.code IDEMPOTENCY_KEY_REUSED.
   * Closes a period ("2026-11") so it refuses new entries; CONFLICT when already CLOSED.
   */
  closePeriod: AccountingPeriod;
  /** Locks an OPEN period during month-end so it refuses new entries; CONFLICT when CLOSED or already LOCKED. */
  lockPeriod: AccountingPeriod;
  /** Reopens a LOCKED or CLOSED period so it takes entries again; CONFLICT when already OPEN. */
  reopenPeriod: AccountingPeriod;
  /** Posts a REJECTED or PENDING invoice again, optionally re-dated into another period (to its first day). */
  retryPosting: Invoice;
};


export type MutationClosePeriodArgs = {
  id: Scalars['String']['input'];
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
};


export type MutationLockPeriodArgs = {
  id: Scalars['String']['input'];
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
};


export type MutationReopenPeriodArgs = {
  id: Scalars['String']['input'];
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  reason: Scalars['String']['input'];
};


export type MutationRetryPostingArgs = {
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  invoiceId: Scalars['ID']['input'];
  period?: InputMaybe<Scalars['String']['input']>;
};

/** Where a page of a connection ends and whether another follows. */
export type PageInfo = {
  __typename?: 'PageInfo';
  /** Pass as `after` to read the next page. */
  endCursor?: Maybe<Scalars['String']['output']>;
  /** True when another page follows this one. */
  hasNextPage: Scalars['Boolean']['output'];
};

/** Whether an accounting period takes new entries. */
export type PeriodStatus =
  /** Closed for good unless reopened with a reason; refuses new entries. */
  | 'CLOSED'
  /** Temporarily refuses new entries during month-end; can be reopened or closed. */
  | 'LOCKED'
  /** Takes new entries. */
  | 'OPEN';

/** An invoice's posting to the general ledger. */
export type Posting = {
  __typename?: 'Posting';
  /** What the posting debited to Accounts Receivable (the invoice's total as ERP booked it), when POSTED. */
  amount?: Maybe<Money>;
  /** How many times ERP tried to post the invoice. */
  attempts: Scalars['Int']['output'];
  /** The journal entry written when POSTED. */
  journalEntry?: Maybe<JournalEntry>;
  /** The accounting period posted into (or refused by), e.g. "2026-11". */
  period?: Maybe<Scalars['String']['output']>;
  /** When it was posted. */
  postedAt?: Maybe<Scalars['DateTime']['output']>;
  /** Why it was refused when REJECTED, e.g. "period 2026-10 is CLOSED". */
  rejectionReason?: Maybe<Scalars['String']['output']>;
  /** Where the posting stands. */
  status: PostingStatus;
};

/** Where an invoice's posting to the general ledger stands. */
export type PostingStatus =
  /** Not posted yet: ERP has not seen the invoice or has not tried to post it. */
  | 'PENDING'
  /** Posted: a balanced journal entry exists in an open period. */
  | 'POSTED'
  /** Refused, e.g. because the target period is CLOSED or LOCKED; retryPosting may post it again. */
  | 'REJECTED';

export type Query = {
  __typename?: 'Query';
  /** Every accounting period ERP has a row for, newest first. */
  accountingPeriods: Array<AccountingPeriod>;
  /** Journal entries, newest date first (then number), a page at a time (at most 100), optionally of one period or one source. */
  journalEntries: JournalEntryConnection;
  /** One journal entry by id, or null. */
  journalEntry?: Maybe<JournalEntry>;
  /** Debits and credits per account and currency over one period ("2026-11"), ordered by account. */
  trialBalance: Array<TrialBalanceLine>;
};


export type QueryJournalEntriesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  period?: InputMaybe<Scalars['String']['input']>;
  sourceId?: InputMaybe<Scalars['ID']['input']>;
};


export type QueryJournalEntryArgs = {
  id: Scalars['ID']['input'];
};


export type QueryTrialBalanceArgs = {
  period: Scalars['String']['input'];
};

/**
 * What a customer owes according to the ledger: the unpaid amounts of OPEN invoices whose posting
 * is POSTED, less the customer's posted credit notes (in the current bucket), in the customer's ERP currency (USD when ERP does not know the customer's account
 * and has no posted items for it). Items in another currency are not counted.
 */
export type Receivable = {
  __typename?: 'Receivable';
  /** The same amount split by age. */
  aging: AgingBuckets;
  /** Sum of the unpaid amounts. */
  balance: Money;
};

/** Total debits and credits of one account in one currency over a period. */
export type TrialBalanceLine = {
  __typename?: 'TrialBalanceLine';
  /** Account of the chart, e.g. "1200 Accounts Receivable". */
  account: Scalars['String']['output'];
  /** Sum of the account's credits. */
  credit: Money;
  /** Sum of the account's debits. */
  debit: Money;
};



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
  Customer: Customer;
  Invoice: Invoice;
  JournalEntry: JournalEntry;
};

/** Mapping of federation reference types */
export type FederationReferenceTypes = {
  Customer:
    ( { __typename: 'Customer' }
    & GraphQLRecursivePick<FederationTypes['Customer'], {"id":true}> );
  Invoice:
    ( { __typename: 'Invoice' }
    & GraphQLRecursivePick<FederationTypes['Invoice'], {"id":true}> );
  JournalEntry:
    ( { __typename: 'JournalEntry' }
    & GraphQLRecursivePick<FederationTypes['JournalEntry'], {"id":true}> );
};



/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = {
  AccountingPeriod: ResolverTypeWrapper<AccountingPeriodRowModel>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  AgingBuckets: ResolverTypeWrapper<AgingBuckets>;
  Customer: ResolverTypeWrapper<CustomerRefModel>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  Date: ResolverTypeWrapper<Scalars['Date']['output']>;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  Decimal: ResolverTypeWrapper<Scalars['Decimal']['output']>;
  Invoice: ResolverTypeWrapper<InvoiceRefModel>;
  JournalEntry: ResolverTypeWrapper<JournalEntryRowModel>;
  JournalEntryConnection: ResolverTypeWrapper<Omit<JournalEntryConnection, 'nodes'> & { nodes: Array<ResolversTypes['JournalEntry']> }>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  JournalLine: ResolverTypeWrapper<JournalLineRowModel>;
  JournalSource: JournalSource;
  Money: ResolverTypeWrapper<Money>;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  PeriodStatus: PeriodStatus;
  Posting: ResolverTypeWrapper<PostingRowModel>;
  PostingStatus: PostingStatus;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Receivable: ResolverTypeWrapper<Receivable>;
  TrialBalanceLine: ResolverTypeWrapper<TrialBalanceLine>;
};

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = {
  AccountingPeriod: AccountingPeriodRowModel;
  String: Scalars['String']['output'];
  AgingBuckets: AgingBuckets;
  Customer: CustomerRefModel;
  ID: Scalars['ID']['output'];
  Date: Scalars['Date']['output'];
  DateTime: Scalars['DateTime']['output'];
  Decimal: Scalars['Decimal']['output'];
  Invoice: InvoiceRefModel;
  JournalEntry: JournalEntryRowModel;
  JournalEntryConnection: Omit<JournalEntryConnection, 'nodes'> & { nodes: Array<ResolversParentTypes['JournalEntry']> };
  Int: Scalars['Int']['output'];
  JournalLine: JournalLineRowModel;
  Money: Money;
  Mutation: Record<PropertyKey, never>;
  PageInfo: PageInfo;
  Boolean: Scalars['Boolean']['output'];
  Posting: PostingRowModel;
  Query: Record<PropertyKey, never>;
  Receivable: Receivable;
  TrialBalanceLine: TrialBalanceLine;
};

export type AccountingPeriodResolvers<ContextType = ErpContext, ParentType extends ResolversParentTypes['AccountingPeriod'] = ResolversParentTypes['AccountingPeriod']> = {
  closedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  reopenReason?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  reopenedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['PeriodStatus'], ParentType, ContextType>;
};

export type AgingBucketsResolvers<ContextType = ErpContext, ParentType extends ResolversParentTypes['AgingBuckets'] = ResolversParentTypes['AgingBuckets']> = {
  current?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  days1to30?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  days31to60?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  days61to90?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  over90?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
};

export type CustomerResolvers<ContextType = ErpContext, ParentType extends ResolversParentTypes['Customer'] = ResolversParentTypes['Customer'], FederationReferenceType extends FederationReferenceTypes['Customer'] = FederationReferenceTypes['Customer']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Customer']> | FederationReferenceType, FederationReferenceType, ContextType>;
  creditLimit?: Resolver<Maybe<ResolversTypes['Money']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  receivable?: Resolver<Maybe<ResolversTypes['Receivable']>, ParentType, ContextType>;
  unappliedCash?: Resolver<Maybe<Array<ResolversTypes['Money']>>, ParentType, ContextType>;
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

export type InvoiceResolvers<ContextType = ErpContext, ParentType extends ResolversParentTypes['Invoice'] = ResolversParentTypes['Invoice'], FederationReferenceType extends FederationReferenceTypes['Invoice'] = FederationReferenceTypes['Invoice']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Invoice']> | FederationReferenceType, FederationReferenceType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  posting?: Resolver<Maybe<ResolversTypes['Posting']>, ParentType, ContextType>;
};

export type JournalEntryResolvers<ContextType = ErpContext, ParentType extends ResolversParentTypes['JournalEntry'] = ResolversParentTypes['JournalEntry'], FederationReferenceType extends FederationReferenceTypes['JournalEntry'] = FederationReferenceTypes['JournalEntry']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['JournalEntry']> | FederationReferenceType, FederationReferenceType, ContextType>;
  correlationId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  currency?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  date?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  lines?: Resolver<Array<ResolversTypes['JournalLine']>, ParentType, ContextType>;
  number?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  period?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  source?: Resolver<ResolversTypes['JournalSource'], ParentType, ContextType>;
  sourceId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
};

export type JournalEntryConnectionResolvers<ContextType = ErpContext, ParentType extends ResolversParentTypes['JournalEntryConnection'] = ResolversParentTypes['JournalEntryConnection']> = {
  nodes?: Resolver<Array<ResolversTypes['JournalEntry']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type JournalLineResolvers<ContextType = ErpContext, ParentType extends ResolversParentTypes['JournalLine'] = ResolversParentTypes['JournalLine']> = {
  account?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  credit?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  debit?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
};

export type MoneyResolvers<ContextType = ErpContext, ParentType extends ResolversParentTypes['Money'] = ResolversParentTypes['Money']> = {
  amount?: Resolver<ResolversTypes['Decimal'], ParentType, ContextType>;
  currency?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type MutationResolvers<ContextType = ErpContext, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = {
  closePeriod?: Resolver<ResolversTypes['AccountingPeriod'], ParentType, ContextType, RequireFields<MutationClosePeriodArgs, 'id'>>;
  lockPeriod?: Resolver<ResolversTypes['AccountingPeriod'], ParentType, ContextType, RequireFields<MutationLockPeriodArgs, 'id'>>;
  reopenPeriod?: Resolver<ResolversTypes['AccountingPeriod'], ParentType, ContextType, RequireFields<MutationReopenPeriodArgs, 'id' | 'reason'>>;
  retryPosting?: Resolver<ResolversTypes['Invoice'], ParentType, ContextType, RequireFields<MutationRetryPostingArgs, 'invoiceId'>>;
};

export type PageInfoResolvers<ContextType = ErpContext, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = {
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
};

export type PostingResolvers<ContextType = ErpContext, ParentType extends ResolversParentTypes['Posting'] = ResolversParentTypes['Posting']> = {
  amount?: Resolver<Maybe<ResolversTypes['Money']>, ParentType, ContextType>;
  attempts?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  journalEntry?: Resolver<Maybe<ResolversTypes['JournalEntry']>, ParentType, ContextType>;
  period?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  postedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  rejectionReason?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['PostingStatus'], ParentType, ContextType>;
};

export type QueryResolvers<ContextType = ErpContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = {
  accountingPeriods?: Resolver<Array<ResolversTypes['AccountingPeriod']>, ParentType, ContextType>;
  journalEntries?: Resolver<ResolversTypes['JournalEntryConnection'], ParentType, ContextType, RequireFields<QueryJournalEntriesArgs, 'first'>>;
  journalEntry?: Resolver<Maybe<ResolversTypes['JournalEntry']>, ParentType, ContextType, RequireFields<QueryJournalEntryArgs, 'id'>>;
  trialBalance?: Resolver<Array<ResolversTypes['TrialBalanceLine']>, ParentType, ContextType, RequireFields<QueryTrialBalanceArgs, 'period'>>;
};

export type ReceivableResolvers<ContextType = ErpContext, ParentType extends ResolversParentTypes['Receivable'] = ResolversParentTypes['Receivable']> = {
  aging?: Resolver<ResolversTypes['AgingBuckets'], ParentType, ContextType>;
  balance?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
};

export type TrialBalanceLineResolvers<ContextType = ErpContext, ParentType extends ResolversParentTypes['TrialBalanceLine'] = ResolversParentTypes['TrialBalanceLine']> = {
  account?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  credit?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  debit?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
};

export type Resolvers<ContextType = ErpContext> = {
  AccountingPeriod?: AccountingPeriodResolvers<ContextType>;
  AgingBuckets?: AgingBucketsResolvers<ContextType>;
  Customer?: CustomerResolvers<ContextType>;
  Date?: GraphQLScalarType;
  DateTime?: GraphQLScalarType;
  Decimal?: GraphQLScalarType;
  Invoice?: InvoiceResolvers<ContextType>;
  JournalEntry?: JournalEntryResolvers<ContextType>;
  JournalEntryConnection?: JournalEntryConnectionResolvers<ContextType>;
  JournalLine?: JournalLineResolvers<ContextType>;
  Money?: MoneyResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  Posting?: PostingResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  Receivable?: ReceivableResolvers<ContextType>;
  TrialBalanceLine?: TrialBalanceLineResolvers<ContextType>;
};

