import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { CustomerRef as CustomerRefModel, ContractRef as ContractRefModel, SubscriptionRow as SubscriptionRowModel, InvoiceRow as InvoiceRowModel, InvoiceLineRow as InvoiceLineRowModel, PaymentRow as PaymentRowModel, CreditNoteRow as CreditNoteRowModel } from '../rows.ts';
import type { BillingContext } from '../context.ts';
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

/** How often a subscription is invoiced. */
export type BillingInterval =
  /** Invoiced once a year, in advance. */
  | 'ANNUAL'
  /** Invoiced every month. */
  | 'MONTHLY';

/**
 * A customer's recurring charge for a plan: seats times a unit price, invoiced every interval.
 * Named BillingSubscription because GraphQL's root type for live events is called Subscription.
 */
export type BillingSubscription = {
  __typename?: 'BillingSubscription';
  /** True when the subscription was set to end with its current period. */
  cancelAtPeriodEnd: Scalars['Boolean']['output'];
  /** When the subscription was canceled, if it was. */
  canceledAt?: Maybe<Scalars['DateTime']['output']>;
  /** The contract the subscription was started for, if any. */
  contract?: Maybe<Contract>;
  /** Last day of the billing period in service now. */
  currentPeriodEnd: Scalars['Date']['output'];
  /** First day of the billing period in service now. */
  currentPeriodStart: Scalars['Date']['output'];
  /** The customer who is billed. */
  customer: Customer;
  /** Stable identifier. */
  id: Scalars['ID']['output'];
  /** How often the subscription is invoiced. */
  interval: BillingInterval;
  /** Invoices issued for the subscription, newest first. */
  invoices: Array<Invoice>;
  /** Monthly recurring revenue: seats times unit price, divided by 12 for ANNUAL, rounded half-even to the cent. */
  mrr: Money;
  /** Product plan, e.g. "GROWTH". */
  planCode: Scalars['String']['output'];
  /** Seats billed. */
  seats: Scalars['Int']['output'];
  /** Lifecycle status. */
  status: SubscriptionStatus;
  /** Price of one seat for one billing interval: per month for MONTHLY, per year for ANNUAL. */
  unitPrice: Money;
};

/** A signed commercial agreement: plan, seats, term and value. Owned by CRM. */
export type Contract = {
  __typename?: 'Contract';
  /** Stable identifier. */
  id: Scalars['ID']['output'];
  /** The subscription billing runs for this contract, once it has started one. */
  subscription?: Maybe<BillingSubscription>;
};

/**
 * What billing owes a customer back: a seat decrease part-way through a contract is credited at
 * once, for the value removed from the rest of the term, tax included. ERP posts it.
 */
export type CreditNote = {
  __typename?: 'CreditNote';
  /** The customer credited. */
  customer: Customer;
  /** Stable identifier. */
  id: Scalars['ID']['output'];
  /** When it was issued. */
  issuedAt: Scalars['DateTime']['output'];
  /** Human reference, e.g. "CN-2026-000012". */
  number: Scalars['String']['output'];
  /** Last day of the service credited. */
  periodEnd?: Maybe<Scalars['Date']['output']>;
  /** First day of the service credited. */
  periodStart?: Maybe<Scalars['Date']['output']>;
  /** Why it was issued, e.g. "Seat change -5 from 2026-11-01". */
  reason: Scalars['String']['output'];
  /** The subscription whose seats decreased. */
  subscription?: Maybe<BillingSubscription>;
  /** The value credited, before tax. */
  subtotal: Money;
  /** Tax credited: the subtotal times the customer's tax rate, rounded half-even to the cent. */
  tax: Money;
  /** Subtotal plus tax: what the customer's balance is reduced by. */
  total: Money;
};

/** A customer account: the company we sell to, bill and serve. Owned by CRM. */
export type Customer = {
  __typename?: 'Customer';
  /**
   * What the customer owes: the amount due over OPEN invoices less the customer's credit notes, in
   * the customer's billing currency (0.00 USD for a customer billing has no account for); negative
   * when the customer is in credit.
   */
  balance?: Maybe<Money>;
  /** Credit notes issued to the customer (seat decreases), newest first. */
  creditNotes?: Maybe<Array<CreditNote>>;
  /** Stable identifier, e.g. "cus_000042". */
  id: Scalars['ID']['output'];
  /** The customer's invoices, newest first (by issue time); `first` is from 0 to 100. */
  invoices?: Maybe<Array<Invoice>>;
  /**
   * Monthly recurring revenue: the sum of the mrr of the customer's ACTIVE and PAST_DUE
   * subscriptions, in the customer's billing currency (0.00 USD for a customer without a billing account).
   */
  mrr?: Maybe<Money>;
  /**
   * The part of the balance past due: the amount due over OPEN invoices whose due date is before
   * today (UTC), in the customer's billing currency (0.00 USD for a customer without a billing account).
   */
  overdueAmount?: Maybe<Money>;
  /** Payments received from the customer, newest first; `first` is from 0 to 100. */
  payments?: Maybe<Array<Payment>>;
  /** The customer's subscriptions, newest first, canceled ones included. */
  subscriptions?: Maybe<Array<BillingSubscription>>;
};


/** A customer account: the company we sell to, bill and serve. Owned by CRM. */
export type CustomerInvoicesArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
  status?: InputMaybe<InvoiceStatus>;
};


/** A customer account: the company we sell to, bill and serve. Owned by CRM. */
export type CustomerPaymentsArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** A bill sent to a customer: its lines, totals, what was paid and what is due. */
export type Invoice = {
  __typename?: 'Invoice';
  /** What is still owed: total minus amount paid while OPEN, 0.00 in every other status. */
  amountDue: Money;
  /** What has been paid so far. */
  amountPaid: Money;
  /** The customer billed. */
  customer: Customer;
  /** Date payment is due: the issue date plus the customer's payment terms. */
  dueDate?: Maybe<Scalars['Date']['output']>;
  /** Stable identifier. */
  id: Scalars['ID']['output'];
  /** When the invoice was issued (null while DRAFT). */
  issuedAt?: Maybe<Scalars['DateTime']['output']>;
  /** The charges, in order. */
  lines: Array<InvoiceLine>;
  /** Human reference, e.g. "INV-2026-000123". */
  number: Scalars['String']['output'];
  /** Payments against the invoice, oldest first. */
  payments: Array<Payment>;
  /** Last day of the service period billed, if the invoice is for a period. */
  periodEnd?: Maybe<Scalars['Date']['output']>;
  /** First day of the service period billed, if the invoice is for a period. */
  periodStart?: Maybe<Scalars['Date']['output']>;
  /** Lifecycle status. */
  status: InvoiceStatus;
  /** The subscription the invoice bills, if any. */
  subscription?: Maybe<BillingSubscription>;
  /** Sum of the lines. */
  subtotal: Money;
  /** Tax: the subtotal times the customer's tax rate, rounded half-even to the cent. */
  tax: Money;
  /** Subtotal plus tax. */
  total: Money;
  /** Why the invoice was voided, if it was. */
  voidReason?: Maybe<Scalars['String']['output']>;
  /** When the invoice was voided, if it was. */
  voidedAt?: Maybe<Scalars['DateTime']['output']>;
};

/** A page of invoices. */
export type InvoiceConnection = {
  __typename?: 'InvoiceConnection';
  /** The invoices on this page, newest first. */
  nodes: Array<Invoice>;
  /** Where this page ends. */
  pageInfo: PageInfo;
  /** How many invoices match the filter in all. */
  totalCount: Scalars['Int']['output'];
};

/** Narrows an invoice list; every given condition must hold. */
export type InvoiceFilter = {
  /** Only this customer's invoices. */
  customerId?: InputMaybe<Scalars['ID']['input']>;
  /** Only invoices issued on or after this date (UTC). */
  issuedFrom?: InputMaybe<Scalars['Date']['input']>;
  /** Only invoices issued on or before this date (UTC). */
  issuedTo?: InputMaybe<Scalars['Date']['input']>;
  /** True: only OPEN invoices past their due date (before today, UTC). False: only invoices that are not. */
  overdue?: InputMaybe<Scalars['Boolean']['input']>;
  /** Only invoices in this status. */
  status?: InputMaybe<InvoiceStatus>;
};

/** One charge on an invoice. */
export type InvoiceLine = {
  __typename?: 'InvoiceLine';
  /** Quantity times unit price. */
  amount: Money;
  /** What is charged, e.g. "GROWTH plan, 10 seats, 2026-01-01 to 2026-01-31". */
  description: Scalars['String']['output'];
  /** Last day of the service period charged, if the line is for a period. */
  periodEnd?: Maybe<Scalars['Date']['output']>;
  /** First day of the service period charged, if the line is for a period. */
  periodStart?: Maybe<Scalars['Date']['output']>;
  /** Units charged (seats). */
  quantity: Scalars['Int']['output'];
  /** Price of one unit. */
  unitPrice: Money;
};

/** Lifecycle of an invoice. */
export type InvoiceStatus =
  /** Being prepared; not sent, nothing due. */
  | 'DRAFT'
  /** Issued and awaiting payment. */
  | 'OPEN'
  /** Paid in full. */
  | 'PAID'
  /** Written off as not collectable; nothing due. */
  | 'UNCOLLECTIBLE'
  /** Canceled before any payment; nothing due. */
  | 'VOID';

/** An invoice changed status: issued (from no status to OPEN), paid, voided or written off. */
export type InvoiceStatusChangedEvent = {
  __typename?: 'InvoiceStatusChangedEvent';
  /** The correlation id of the request that changed it. */
  correlationId?: Maybe<Scalars['ID']['output']>;
  /** The event's id; pass it as `after` to resume the subscription after this event. */
  eventId: Scalars['ID']['output'];
  /** The invoice, as it is when the event is delivered. */
  invoice: Invoice;
  /** When the status changed. */
  occurredAt: Scalars['DateTime']['output'];
  /** The status before the change; null when the invoice was just issued. */
  previousStatus?: Maybe<InvoiceStatus>;
  /** The status the change set. */
  status: InvoiceStatus;
};

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
   * Cancels a subscription: at the end of its current period (the default: it keeps its status and
   * cancelAtPeriodEnd becomes true) or now (status CANCELED). Refused with CONFLICT when already CANCELED.
   */
  cancelSubscription: BillingSubscription;
  /**
   * Every mutation takes an optional idempotencyKey: a retry with the same key and the same
   * arguments returns the first result and has no second effect; the same key with other
   * arguments is refused with extensions.code IDEMPOTENCY_KEY_REUSED.
   * Issues an OPEN invoice for the subscription's first period not invoiced yet: the current
   * period, or when that is invoiced already, the next one in advance (seats times unit price,
   * plus tax; due after the customer's payment terms). A period is never invoiced twice.
   * Refused with CONFLICT when the subscription is CANCELED.
   */
  issueInvoice: Invoice;
  /**
   * Records a payment against an OPEN invoice; the invoice becomes PAID when fully paid.
   * Refused with extensions.code OVERPAYMENT (and extensions.amountDue) when the amount exceeds
   * the amount due.
   */
  recordPayment: Payment;
  /** Voids an OPEN invoice nothing has been paid on; anything else is refused with CONFLICT. */
  voidInvoice: Invoice;
};


export type MutationCancelSubscriptionArgs = {
  atPeriodEnd?: InputMaybe<Scalars['Boolean']['input']>;
  id: Scalars['ID']['input'];
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
};


export type MutationIssueInvoiceArgs = {
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  subscriptionId: Scalars['ID']['input'];
};


export type MutationRecordPaymentArgs = {
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  input: RecordPaymentInput;
};


export type MutationVoidInvoiceArgs = {
  id: Scalars['ID']['input'];
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  reason: Scalars['String']['input'];
};

/** Where a page of a connection ends and whether another follows. */
export type PageInfo = {
  __typename?: 'PageInfo';
  /** Pass as `after` to read the next page. */
  endCursor?: Maybe<Scalars['String']['output']>;
  /** True when another page follows this one. */
  hasNextPage: Scalars['Boolean']['output'];
};

/** Money received from a customer against one invoice. */
export type Payment = {
  __typename?: 'Payment';
  /** Amount received, in the invoice's currency. */
  amount: Money;
  /** The customer who paid. */
  customer: Customer;
  /** Stable identifier. */
  id: Scalars['ID']['output'];
  /** The invoice paid. */
  invoice: Invoice;
  /** How it was paid: "card", "ach", "wire", "sepa" or "check". */
  method: Scalars['String']['output'];
  /** When the payment was recorded. */
  receivedAt: Scalars['DateTime']['output'];
  /** The payer's or processor's reference, e.g. a bank transfer id. */
  reference?: Maybe<Scalars['String']['output']>;
  /** Outcome of the payment. */
  status: PaymentStatus;
};

/** A payment was recorded: the `payment.received` event. */
export type PaymentReceivedEvent = {
  __typename?: 'PaymentReceivedEvent';
  /** The correlation id of the request that recorded it. */
  correlationId?: Maybe<Scalars['ID']['output']>;
  /** The customer who paid. */
  customer: Customer;
  /** The event's id; pass it as `after` to resume the subscription after this event. */
  eventId: Scalars['ID']['output'];
  /** The invoice paid, as it is when the event is delivered. */
  invoice: Invoice;
  /** When the payment was recorded. */
  occurredAt: Scalars['DateTime']['output'];
  /** The payment, as it is when the event is delivered. */
  payment: Payment;
};

/** Outcome of a payment. */
export type PaymentStatus =
  /** The payment was attempted and failed. */
  | 'FAILED'
  /** The money was paid back to the customer. */
  | 'REFUNDED'
  /** The money was received. */
  | 'SUCCEEDED';

export type Query = {
  __typename?: 'Query';
  /** One invoice by id, or null. */
  invoice?: Maybe<Invoice>;
  /** Invoices newest first (by issue time), a page at a time (at most 100). */
  invoices: InvoiceConnection;
  /** One payment by id, or null. */
  payment?: Maybe<Payment>;
  /** One subscription by id, or null. */
  subscription?: Maybe<BillingSubscription>;
};


export type QueryInvoiceArgs = {
  id: Scalars['ID']['input'];
};


export type QueryInvoicesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<InvoiceFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryPaymentArgs = {
  id: Scalars['ID']['input'];
};


export type QuerySubscriptionArgs = {
  id: Scalars['ID']['input'];
};

/** A payment received against an invoice. */
export type RecordPaymentInput = {
  /** Amount received: more than 0, at most 2 decimal places, at most the invoice's amount due. */
  amount: Scalars['Decimal']['input'];
  /** The OPEN invoice paid. */
  invoiceId: Scalars['ID']['input'];
  /** How it was paid: "card", "ach", "wire", "sepa" or "check". */
  method: Scalars['String']['input'];
  /** The payer's or processor's reference, e.g. a bank transfer id. */
  reference?: InputMaybe<Scalars['String']['input']>;
};

/**
 * Live events over graphql-ws (subprotocol graphql-transport-ws, at /graphql). With `after`, every
 * matching event after that event id is replayed first, then live ones follow, with no gap and no
 * duplicate; an unknown or expired `after` is refused with BAD_USER_INPUT.
 */
export type Subscription = {
  __typename?: 'Subscription';
  /** Every invoice status change from now on (or after `after`), oldest first, issuing included. */
  invoiceStatusChanged: InvoiceStatusChangedEvent;
  /** Every payment recorded from now on (or after `after`), oldest first. */
  paymentReceived: PaymentReceivedEvent;
};


/**
 * Live events over graphql-ws (subprotocol graphql-transport-ws, at /graphql). With `after`, every
 * matching event after that event id is replayed first, then live ones follow, with no gap and no
 * duplicate; an unknown or expired `after` is refused with BAD_USER_INPUT.
 */
export type SubscriptionInvoiceStatusChangedArgs = {
  after?: InputMaybe<Scalars['ID']['input']>;
  customerId?: InputMaybe<Scalars['ID']['input']>;
};


/**
 * Live events over graphql-ws (subprotocol graphql-transport-ws, at /graphql). With `after`, every
 * matching event after that event id is replayed first, then live ones follow, with no gap and no
 * duplicate; an unknown or expired `after` is refused with BAD_USER_INPUT.
 */
export type SubscriptionPaymentReceivedArgs = {
  after?: InputMaybe<Scalars['ID']['input']>;
  customerId?: InputMaybe<Scalars['ID']['input']>;
};

/** Lifecycle of a subscription. */
export type SubscriptionStatus =
  /** Paying and in good standing. */
  | 'ACTIVE'
  /** Ended; not invoiced again. */
  | 'CANCELED'
  /** An invoice is unpaid past its due date; the subscription still runs. */
  | 'PAST_DUE'
  /** In a free trial, not yet paying. */
  | 'TRIALING';



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
  BillingSubscription: BillingSubscription;
  Contract: Contract;
  CreditNote: CreditNote;
  Customer: Customer;
  Invoice: Invoice;
  Payment: Payment;
};

/** Mapping of federation reference types */
export type FederationReferenceTypes = {
  BillingSubscription:
    ( { __typename: 'BillingSubscription' }
    & GraphQLRecursivePick<FederationTypes['BillingSubscription'], {"id":true}> );
  Contract:
    ( { __typename: 'Contract' }
    & GraphQLRecursivePick<FederationTypes['Contract'], {"id":true}> );
  CreditNote:
    ( { __typename: 'CreditNote' }
    & GraphQLRecursivePick<FederationTypes['CreditNote'], {"id":true}> );
  Customer:
    ( { __typename: 'Customer' }
    & GraphQLRecursivePick<FederationTypes['Customer'], {"id":true}> );
  Invoice:
    ( { __typename: 'Invoice' }
    & GraphQLRecursivePick<FederationTypes['Invoice'], {"id":true}> );
  Payment:
    ( { __typename: 'Payment' }
    & GraphQLRecursivePick<FederationTypes['Payment'], {"id":true}> );
};



/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = {
  BillingInterval: BillingInterval;
  BillingSubscription: ResolverTypeWrapper<SubscriptionRowModel>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  Contract: ResolverTypeWrapper<ContractRefModel>;
  CreditNote: ResolverTypeWrapper<CreditNoteRowModel>;
  Customer: ResolverTypeWrapper<CustomerRefModel>;
  Date: ResolverTypeWrapper<Scalars['Date']['output']>;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  Decimal: ResolverTypeWrapper<Scalars['Decimal']['output']>;
  Invoice: ResolverTypeWrapper<InvoiceRowModel>;
  InvoiceConnection: ResolverTypeWrapper<Omit<InvoiceConnection, 'nodes'> & { nodes: Array<ResolversTypes['Invoice']> }>;
  InvoiceFilter: InvoiceFilter;
  InvoiceLine: ResolverTypeWrapper<InvoiceLineRowModel>;
  InvoiceStatus: InvoiceStatus;
  InvoiceStatusChangedEvent: ResolverTypeWrapper<Omit<InvoiceStatusChangedEvent, 'invoice'> & { invoice: ResolversTypes['Invoice'] }>;
  Money: ResolverTypeWrapper<Money>;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  Payment: ResolverTypeWrapper<PaymentRowModel>;
  PaymentReceivedEvent: ResolverTypeWrapper<Omit<PaymentReceivedEvent, 'customer' | 'invoice' | 'payment'> & { customer: ResolversTypes['Customer'], invoice: ResolversTypes['Invoice'], payment: ResolversTypes['Payment'] }>;
  PaymentStatus: PaymentStatus;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  RecordPaymentInput: RecordPaymentInput;
  Subscription: ResolverTypeWrapper<Record<PropertyKey, never>>;
  SubscriptionStatus: SubscriptionStatus;
};

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = {
  BillingSubscription: SubscriptionRowModel;
  Boolean: Scalars['Boolean']['output'];
  ID: Scalars['ID']['output'];
  String: Scalars['String']['output'];
  Int: Scalars['Int']['output'];
  Contract: ContractRefModel;
  CreditNote: CreditNoteRowModel;
  Customer: CustomerRefModel;
  Date: Scalars['Date']['output'];
  DateTime: Scalars['DateTime']['output'];
  Decimal: Scalars['Decimal']['output'];
  Invoice: InvoiceRowModel;
  InvoiceConnection: Omit<InvoiceConnection, 'nodes'> & { nodes: Array<ResolversParentTypes['Invoice']> };
  InvoiceFilter: InvoiceFilter;
  InvoiceLine: InvoiceLineRowModel;
  InvoiceStatusChangedEvent: Omit<InvoiceStatusChangedEvent, 'invoice'> & { invoice: ResolversParentTypes['Invoice'] };
  Money: Money;
  Mutation: Record<PropertyKey, never>;
  PageInfo: PageInfo;
  Payment: PaymentRowModel;
  PaymentReceivedEvent: Omit<PaymentReceivedEvent, 'customer' | 'invoice' | 'payment'> & { customer: ResolversParentTypes['Customer'], invoice: ResolversParentTypes['Invoice'], payment: ResolversParentTypes['Payment'] };
  Query: Record<PropertyKey, never>;
  RecordPaymentInput: RecordPaymentInput;
  Subscription: Record<PropertyKey, never>;
};

export type BillingSubscriptionResolvers<ContextType = BillingContext, ParentType extends ResolversParentTypes['BillingSubscription'] = ResolversParentTypes['BillingSubscription'], FederationReferenceType extends FederationReferenceTypes['BillingSubscription'] = FederationReferenceTypes['BillingSubscription']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['BillingSubscription']> | FederationReferenceType, FederationReferenceType, ContextType>;
  cancelAtPeriodEnd?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  canceledAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  contract?: Resolver<Maybe<ResolversTypes['Contract']>, ParentType, ContextType>;
  currentPeriodEnd?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  currentPeriodStart?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  customer?: Resolver<ResolversTypes['Customer'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  interval?: Resolver<ResolversTypes['BillingInterval'], ParentType, ContextType>;
  invoices?: Resolver<Array<ResolversTypes['Invoice']>, ParentType, ContextType>;
  mrr?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  planCode?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  seats?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['SubscriptionStatus'], ParentType, ContextType>;
  unitPrice?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
};

export type ContractResolvers<ContextType = BillingContext, ParentType extends ResolversParentTypes['Contract'] = ResolversParentTypes['Contract'], FederationReferenceType extends FederationReferenceTypes['Contract'] = FederationReferenceTypes['Contract']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Contract']> | FederationReferenceType, FederationReferenceType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  subscription?: Resolver<Maybe<ResolversTypes['BillingSubscription']>, ParentType, ContextType>;
};

export type CreditNoteResolvers<ContextType = BillingContext, ParentType extends ResolversParentTypes['CreditNote'] = ResolversParentTypes['CreditNote'], FederationReferenceType extends FederationReferenceTypes['CreditNote'] = FederationReferenceTypes['CreditNote']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['CreditNote']> | FederationReferenceType, FederationReferenceType, ContextType>;
  customer?: Resolver<ResolversTypes['Customer'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  issuedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  number?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  periodEnd?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  periodStart?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  reason?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  subscription?: Resolver<Maybe<ResolversTypes['BillingSubscription']>, ParentType, ContextType>;
  subtotal?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  tax?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  total?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
};

export type CustomerResolvers<ContextType = BillingContext, ParentType extends ResolversParentTypes['Customer'] = ResolversParentTypes['Customer'], FederationReferenceType extends FederationReferenceTypes['Customer'] = FederationReferenceTypes['Customer']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Customer']> | FederationReferenceType, FederationReferenceType, ContextType>;
  balance?: Resolver<Maybe<ResolversTypes['Money']>, ParentType, ContextType>;
  creditNotes?: Resolver<Maybe<Array<ResolversTypes['CreditNote']>>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  invoices?: Resolver<Maybe<Array<ResolversTypes['Invoice']>>, ParentType, ContextType, RequireFields<CustomerInvoicesArgs, 'first'>>;
  mrr?: Resolver<Maybe<ResolversTypes['Money']>, ParentType, ContextType>;
  overdueAmount?: Resolver<Maybe<ResolversTypes['Money']>, ParentType, ContextType>;
  payments?: Resolver<Maybe<Array<ResolversTypes['Payment']>>, ParentType, ContextType, RequireFields<CustomerPaymentsArgs, 'first'>>;
  subscriptions?: Resolver<Maybe<Array<ResolversTypes['BillingSubscription']>>, ParentType, ContextType>;
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

export type InvoiceResolvers<ContextType = BillingContext, ParentType extends ResolversParentTypes['Invoice'] = ResolversParentTypes['Invoice'], FederationReferenceType extends FederationReferenceTypes['Invoice'] = FederationReferenceTypes['Invoice']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Invoice']> | FederationReferenceType, FederationReferenceType, ContextType>;
  amountDue?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  amountPaid?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  customer?: Resolver<ResolversTypes['Customer'], ParentType, ContextType>;
  dueDate?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  issuedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  lines?: Resolver<Array<ResolversTypes['InvoiceLine']>, ParentType, ContextType>;
  number?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  payments?: Resolver<Array<ResolversTypes['Payment']>, ParentType, ContextType>;
  periodEnd?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  periodStart?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['InvoiceStatus'], ParentType, ContextType>;
  subscription?: Resolver<Maybe<ResolversTypes['BillingSubscription']>, ParentType, ContextType>;
  subtotal?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  tax?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  total?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  voidReason?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  voidedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
};

export type InvoiceConnectionResolvers<ContextType = BillingContext, ParentType extends ResolversParentTypes['InvoiceConnection'] = ResolversParentTypes['InvoiceConnection']> = {
  nodes?: Resolver<Array<ResolversTypes['Invoice']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type InvoiceLineResolvers<ContextType = BillingContext, ParentType extends ResolversParentTypes['InvoiceLine'] = ResolversParentTypes['InvoiceLine']> = {
  amount?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  description?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  periodEnd?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  periodStart?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  quantity?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  unitPrice?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
};

export type InvoiceStatusChangedEventResolvers<ContextType = BillingContext, ParentType extends ResolversParentTypes['InvoiceStatusChangedEvent'] = ResolversParentTypes['InvoiceStatusChangedEvent']> = {
  correlationId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  eventId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  invoice?: Resolver<ResolversTypes['Invoice'], ParentType, ContextType>;
  occurredAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  previousStatus?: Resolver<Maybe<ResolversTypes['InvoiceStatus']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['InvoiceStatus'], ParentType, ContextType>;
};

export type MoneyResolvers<ContextType = BillingContext, ParentType extends ResolversParentTypes['Money'] = ResolversParentTypes['Money']> = {
  amount?: Resolver<ResolversTypes['Decimal'], ParentType, ContextType>;
  currency?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type MutationResolvers<ContextType = BillingContext, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = {
  cancelSubscription?: Resolver<ResolversTypes['BillingSubscription'], ParentType, ContextType, RequireFields<MutationCancelSubscriptionArgs, 'atPeriodEnd' | 'id'>>;
  issueInvoice?: Resolver<ResolversTypes['Invoice'], ParentType, ContextType, RequireFields<MutationIssueInvoiceArgs, 'subscriptionId'>>;
  recordPayment?: Resolver<ResolversTypes['Payment'], ParentType, ContextType, RequireFields<MutationRecordPaymentArgs, 'input'>>;
  voidInvoice?: Resolver<ResolversTypes['Invoice'], ParentType, ContextType, RequireFields<MutationVoidInvoiceArgs, 'id' | 'reason'>>;
};

export type PageInfoResolvers<ContextType = BillingContext, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = {
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
};

export type PaymentResolvers<ContextType = BillingContext, ParentType extends ResolversParentTypes['Payment'] = ResolversParentTypes['Payment'], FederationReferenceType extends FederationReferenceTypes['Payment'] = FederationReferenceTypes['Payment']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Payment']> | FederationReferenceType, FederationReferenceType, ContextType>;
  amount?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  customer?: Resolver<ResolversTypes['Customer'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  invoice?: Resolver<ResolversTypes['Invoice'], ParentType, ContextType>;
  method?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  receivedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  reference?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['PaymentStatus'], ParentType, ContextType>;
};

export type PaymentReceivedEventResolvers<ContextType = BillingContext, ParentType extends ResolversParentTypes['PaymentReceivedEvent'] = ResolversParentTypes['PaymentReceivedEvent']> = {
  correlationId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  customer?: Resolver<ResolversTypes['Customer'], ParentType, ContextType>;
  eventId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  invoice?: Resolver<ResolversTypes['Invoice'], ParentType, ContextType>;
  occurredAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  payment?: Resolver<ResolversTypes['Payment'], ParentType, ContextType>;
};

export type QueryResolvers<ContextType = BillingContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = {
  invoice?: Resolver<Maybe<ResolversTypes['Invoice']>, ParentType, ContextType, RequireFields<QueryInvoiceArgs, 'id'>>;
  invoices?: Resolver<ResolversTypes['InvoiceConnection'], ParentType, ContextType, RequireFields<QueryInvoicesArgs, 'first'>>;
  payment?: Resolver<Maybe<ResolversTypes['Payment']>, ParentType, ContextType, RequireFields<QueryPaymentArgs, 'id'>>;
  subscription?: Resolver<Maybe<ResolversTypes['BillingSubscription']>, ParentType, ContextType, RequireFields<QuerySubscriptionArgs, 'id'>>;
};

export type SubscriptionResolvers<ContextType = BillingContext, ParentType extends ResolversParentTypes['Subscription'] = ResolversParentTypes['Subscription']> = {
  invoiceStatusChanged?: SubscriptionResolver<ResolversTypes['InvoiceStatusChangedEvent'], "invoiceStatusChanged", ParentType, ContextType, Partial<SubscriptionInvoiceStatusChangedArgs>>;
  paymentReceived?: SubscriptionResolver<ResolversTypes['PaymentReceivedEvent'], "paymentReceived", ParentType, ContextType, Partial<SubscriptionPaymentReceivedArgs>>;
};

export type Resolvers<ContextType = BillingContext> = {
  BillingSubscription?: BillingSubscriptionResolvers<ContextType>;
  Contract?: ContractResolvers<ContextType>;
  CreditNote?: CreditNoteResolvers<ContextType>;
  Customer?: CustomerResolvers<ContextType>;
  Date?: GraphQLScalarType;
  DateTime?: GraphQLScalarType;
  Decimal?: GraphQLScalarType;
  Invoice?: InvoiceResolvers<ContextType>;
  InvoiceConnection?: InvoiceConnectionResolvers<ContextType>;
  InvoiceLine?: InvoiceLineResolvers<ContextType>;
  InvoiceStatusChangedEvent?: InvoiceStatusChangedEventResolvers<ContextType>;
  Money?: MoneyResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  Payment?: PaymentResolvers<ContextType>;
  PaymentReceivedEvent?: PaymentReceivedEventResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  Subscription?: SubscriptionResolvers<ContextType>;
};

