import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { CustomerRow as CustomerRowModel, ContactRow as ContactRowModel, OpportunityRow as OpportunityRowModel, ContractRow as ContractRowModel, ContractAmendmentRow as ContractAmendmentRowModel } from '../rows.ts';
import type { CrmContext } from '../context.ts';
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

/** A change of seats to an active contract. */
export type AmendContractInput = {
  /** Date the change takes effect, within the contract's term. */
  effectiveDate: Scalars['Date']['input'];
  /** Why the contract is amended. */
  reason: Scalars['String']['input'];
  /** Seats to add (positive) or remove (negative); not zero. */
  seatsDelta: Scalars['Int']['input'];
};

/** How often a subscription is invoiced. */
export type BillingInterval =
  /** Invoiced once a year, in advance. */
  | 'ANNUAL'
  /** Invoiced every month. */
  | 'MONTHLY';

/** A person at a customer. */
export type Contact = {
  __typename?: 'Contact';
  /** The customer the contact works for. */
  customer: Customer;
  /** Work e-mail. */
  email: Scalars['String']['output'];
  /** Stable identifier. */
  id: Scalars['ID']['output'];
  /** Full name. */
  name: Scalars['String']['output'];
  /** Phone number, if known. */
  phone?: Maybe<Scalars['String']['output']>;
  /** True for the customer's primary contact. */
  primary: Scalars['Boolean']['output'];
  /** Job title. */
  title?: Maybe<Scalars['String']['output']>;
};

/** A signed commercial agreement: plan, seats, term and value. Owned by CRM. */
export type Contract = {
  __typename?: 'Contract';
  /** Changes to seats and value, oldest first. */
  amendments: Array<ContractAmendment>;
  /** How the subscription for this contract is invoiced. */
  billingInterval: BillingInterval;
  /** The customer who signed. */
  customer: Customer;
  /** Last day in force. */
  endDate: Scalars['Date']['output'];
  /** Stable identifier. */
  id: Scalars['ID']['output'];
  /** Human reference, e.g. "CT-000123". */
  number: Scalars['String']['output'];
  /** The opportunity this contract was won from. */
  opportunity?: Maybe<Opportunity>;
  /** Product plan. */
  planCode: Scalars['String']['output'];
  /** Seats currently contracted, amendments included. */
  seats: Scalars['Int']['output'];
  /** First day in force. */
  startDate: Scalars['Date']['output'];
  /** Lifecycle status. */
  status: ContractStatus;
  /** Term in months. */
  termMonths: Scalars['Int']['output'];
  /** Why the contract was terminated early, if it was. */
  terminationReason?: Maybe<Scalars['String']['output']>;
  /** Price of one seat for one month. */
  unitPrice: Money;
  /** Total contract value after amendments. */
  value: Money;
};

/** A change of seats and value to a contract from an effective date. */
export type ContractAmendment = {
  __typename?: 'ContractAmendment';
  /** When the amendment was recorded. */
  createdAt: Scalars['DateTime']['output'];
  /** Date the change takes effect. */
  effectiveDate: Scalars['Date']['output'];
  /** Stable identifier. */
  id: Scalars['ID']['output'];
  /** Why the contract was amended. */
  reason: Scalars['String']['output'];
  /** Seats added (positive) or removed (negative). */
  seatsDelta: Scalars['Int']['output'];
  /** Change of contract value, prorated over the rest of the term. */
  valueDelta: Money;
};

/** Lifecycle of a contract. */
export type ContractStatus =
  /** In force. */
  | 'ACTIVE'
  /** Drafted, not in force. */
  | 'DRAFT'
  /** Ran to its end date. */
  | 'EXPIRED'
  /** Ended early. */
  | 'TERMINATED';

/** A new customer account. */
export type CreateCustomerInput = {
  /** Account executive's e-mail. */
  accountOwner?: InputMaybe<Scalars['String']['input']>;
  /** Billing currency (ISO-4217, e.g. "EUR"). */
  currency: Scalars['String']['input'];
  /** Web domain, e.g. "acme.com". */
  domain?: InputMaybe<Scalars['String']['input']>;
  /** Legal or trading name (1 to 200 characters). */
  name: Scalars['String']['input'];
  /** Parent account, for a subsidiary. */
  parentId?: InputMaybe<Scalars['ID']['input']>;
  /** Sales region, e.g. "EMEA". */
  region: Scalars['String']['input'];
  /** Market segment. */
  segment: Segment;
};

/** A new deal. */
export type CreateOpportunityInput = {
  /** Total contract value, in the customer's currency. */
  amount: Scalars['Decimal']['input'];
  /** How the subscription will be invoiced; monthly unless said. */
  billingInterval?: InputMaybe<BillingInterval>;
  /** The customer the deal is with. */
  customerId: Scalars['ID']['input'];
  /** Short name of the deal. */
  name: Scalars['String']['input'];
  /** Product plan, e.g. "GROWTH". */
  planCode: Scalars['String']['input'];
  /** Seats (at least 1). */
  seats: Scalars['Int']['input'];
  /** Contract term in months (1 to 60). */
  termMonths: Scalars['Int']['input'];
};

/** A customer account: the company we sell to, bill and serve. Owned by CRM. */
export type Customer = {
  __typename?: 'Customer';
  /** E-mail of the account executive who owns the account. */
  accountOwner?: Maybe<Scalars['String']['output']>;
  /** Subsidiary accounts of this account. */
  children: Array<Customer>;
  /** People at the customer, the primary contact first. */
  contacts: Array<Contact>;
  /** Contracts with the customer, newest first. */
  contracts: Array<Contract>;
  /** When the account was created. */
  createdAt: Scalars['DateTime']['output'];
  /** The customer's billing currency (ISO-4217). */
  currency: Scalars['String']['output'];
  /** The customer's web domain, e.g. "acme.com". */
  domain?: Maybe<Scalars['String']['output']>;
  /** Stable identifier, e.g. "cus_000042". */
  id: Scalars['ID']['output'];
  /** Legal or trading name. */
  name: Scalars['String']['output'];
  /** Deals with the customer, newest first. */
  opportunities: Array<Opportunity>;
  /** The parent account in a hierarchy, if this account is a subsidiary. */
  parent?: Maybe<Customer>;
  /** Sales region, e.g. "EMEA", "NA", "APAC", "LATAM". */
  region: Scalars['String']['output'];
  /** Market segment. */
  segment: Segment;
  /** When the account was last changed. */
  updatedAt: Scalars['DateTime']['output'];
};

/** A page of customers. */
export type CustomerConnection = {
  __typename?: 'CustomerConnection';
  /** The customers on this page. */
  nodes: Array<Customer>;
  /** Where this page ends. */
  pageInfo: PageInfo;
  /** How many customers match the filter in all. */
  totalCount: Scalars['Int']['output'];
};

/** Narrows a customer list; every given condition must hold. */
export type CustomerFilter = {
  /** Only names containing this text, ignoring case. */
  nameContains?: InputMaybe<Scalars['String']['input']>;
  /** Only this region. */
  region?: InputMaybe<Scalars['String']['input']>;
  /** Only this segment. */
  segment?: InputMaybe<Segment>;
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
  /** Changes the seats of an ACTIVE contract from an effective date; the value changes pro rata. */
  amendContract: Contract;
  /** Closing won creates an ACTIVE contract and starts quote-to-cash downstream. */
  closeOpportunityWon: Contract;
  /**
   * Every mutation takes an optional idempotencyKey: a retry with the same key and the same
   * arguments returns the first result and has no second effect; the same key with other
   * arguments is refused with extensions.code IDEMPOTENCY_KEY_REUSED.
   * Creates a customer account.
   */
  createCustomer: Customer;
  /** Opens a deal in PROSPECTING. */
  createOpportunity: Opportunity;
  /** Ends an ACTIVE contract early. */
  terminateContract: Contract;
  /** Changes a customer account. */
  updateCustomer: Customer;
};


export type MutationAmendContractArgs = {
  id: Scalars['ID']['input'];
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  input: AmendContractInput;
};


export type MutationCloseOpportunityWonArgs = {
  id: Scalars['ID']['input'];
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  startDate: Scalars['Date']['input'];
};


export type MutationCreateCustomerArgs = {
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  input: CreateCustomerInput;
};


export type MutationCreateOpportunityArgs = {
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  input: CreateOpportunityInput;
};


export type MutationTerminateContractArgs = {
  id: Scalars['ID']['input'];
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  reason: Scalars['String']['input'];
};


export type MutationUpdateCustomerArgs = {
  id: Scalars['ID']['input'];
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  input: UpdateCustomerInput;
};

/** A deal in the sales pipeline; closing it won creates a contract. */
export type Opportunity = {
  __typename?: 'Opportunity';
  /** Total contract value of the deal, in the customer's currency. */
  amount: Money;
  /** How the resulting subscription is invoiced. */
  billingInterval: BillingInterval;
  /** When the deal closed (won or lost). */
  closeDate?: Maybe<Scalars['Date']['output']>;
  /** The contract created when the deal closed won. */
  contract?: Maybe<Contract>;
  /** The customer the deal is with. */
  customer: Customer;
  /** Stable identifier. */
  id: Scalars['ID']['output'];
  /** Short name of the deal. */
  name: Scalars['String']['output'];
  /** Product plan sold, e.g. "GROWTH". */
  planCode: Scalars['String']['output'];
  /** Seats sold. */
  seats: Scalars['Int']['output'];
  /** Pipeline stage. */
  stage: OpportunityStage;
  /** Contract term in months. */
  termMonths: Scalars['Int']['output'];
};

/** Where an opportunity stands in the sales pipeline. */
export type OpportunityStage =
  /** Lost. */
  | 'CLOSED_LOST'
  /** Won: a contract was created. */
  | 'CLOSED_WON'
  /** Terms are being negotiated. */
  | 'NEGOTIATION'
  /** A proposal was sent. */
  | 'PROPOSAL'
  /** First contact. */
  | 'PROSPECTING'
  /** Need and budget confirmed. */
  | 'QUALIFICATION';

/** Where a page of a connection ends and whether another follows. */
export type PageInfo = {
  __typename?: 'PageInfo';
  /** Pass as `after` to read the next page. */
  endCursor?: Maybe<Scalars['String']['output']>;
  /** True when another page follows this one. */
  hasNextPage: Scalars['Boolean']['output'];
};

export type Query = {
  __typename?: 'Query';
  /** One contract by id, or null. */
  contract?: Maybe<Contract>;
  /** One customer by id, or null. */
  customer?: Maybe<Customer>;
  /** Customers by name, a page at a time (at most 100). */
  customers: CustomerConnection;
  /** One opportunity by id, or null. */
  opportunity?: Maybe<Opportunity>;
};


export type QueryContractArgs = {
  id: Scalars['ID']['input'];
};


export type QueryCustomerArgs = {
  id: Scalars['ID']['input'];
};


export type QueryCustomersArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<CustomerFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryOpportunityArgs = {
  id: Scalars['ID']['input'];
};

/** The market segment a customer is sold and served as. */
export type Segment =
  /** Enterprise account. */
  | 'ENTERPRISE'
  /** Mid-market company. */
  | 'MID_MARKET'
  /** Small business. */
  | 'SMB';

/** Changes to a customer account; omitted fields stay as they are. */
export type UpdateCustomerInput = {
  /** New account executive's e-mail. */
  accountOwner?: InputMaybe<Scalars['String']['input']>;
  /** New web domain. */
  domain?: InputMaybe<Scalars['String']['input']>;
  /** New name. */
  name?: InputMaybe<Scalars['String']['input']>;
  /** New parent account. */
  parentId?: InputMaybe<Scalars['ID']['input']>;
  /** New region. */
  region?: InputMaybe<Scalars['String']['input']>;
  /** New segment. */
  segment?: InputMaybe<Segment>;
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
  Contact: Contact;
  Contract: Contract;
  Customer: Customer;
  Opportunity: Opportunity;
};

/** Mapping of federation reference types */
export type FederationReferenceTypes = {
  Contact:
    ( { __typename: 'Contact' }
    & GraphQLRecursivePick<FederationTypes['Contact'], {"id":true}> );
  Contract:
    ( { __typename: 'Contract' }
    & GraphQLRecursivePick<FederationTypes['Contract'], {"id":true}> );
  Customer:
    ( { __typename: 'Customer' }
    & GraphQLRecursivePick<FederationTypes['Customer'], {"id":true}> );
  Opportunity:
    ( { __typename: 'Opportunity' }
    & GraphQLRecursivePick<FederationTypes['Opportunity'], {"id":true}> );
};



/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = {
  AmendContractInput: AmendContractInput;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  BillingInterval: BillingInterval;
  Contact: ResolverTypeWrapper<ContactRowModel>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  Contract: ResolverTypeWrapper<ContractRowModel>;
  ContractAmendment: ResolverTypeWrapper<ContractAmendmentRowModel>;
  ContractStatus: ContractStatus;
  CreateCustomerInput: CreateCustomerInput;
  CreateOpportunityInput: CreateOpportunityInput;
  Customer: ResolverTypeWrapper<CustomerRowModel>;
  CustomerConnection: ResolverTypeWrapper<Omit<CustomerConnection, 'nodes'> & { nodes: Array<ResolversTypes['Customer']> }>;
  CustomerFilter: CustomerFilter;
  Date: ResolverTypeWrapper<Scalars['Date']['output']>;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  Decimal: ResolverTypeWrapper<Scalars['Decimal']['output']>;
  Money: ResolverTypeWrapper<Money>;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Opportunity: ResolverTypeWrapper<OpportunityRowModel>;
  OpportunityStage: OpportunityStage;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Segment: Segment;
  UpdateCustomerInput: UpdateCustomerInput;
};

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = {
  AmendContractInput: AmendContractInput;
  String: Scalars['String']['output'];
  Int: Scalars['Int']['output'];
  Contact: ContactRowModel;
  ID: Scalars['ID']['output'];
  Boolean: Scalars['Boolean']['output'];
  Contract: ContractRowModel;
  ContractAmendment: ContractAmendmentRowModel;
  CreateCustomerInput: CreateCustomerInput;
  CreateOpportunityInput: CreateOpportunityInput;
  Customer: CustomerRowModel;
  CustomerConnection: Omit<CustomerConnection, 'nodes'> & { nodes: Array<ResolversParentTypes['Customer']> };
  CustomerFilter: CustomerFilter;
  Date: Scalars['Date']['output'];
  DateTime: Scalars['DateTime']['output'];
  Decimal: Scalars['Decimal']['output'];
  Money: Money;
  Mutation: Record<PropertyKey, never>;
  Opportunity: OpportunityRowModel;
  PageInfo: PageInfo;
  Query: Record<PropertyKey, never>;
  UpdateCustomerInput: UpdateCustomerInput;
};

export type ContactResolvers<ContextType = CrmContext, ParentType extends ResolversParentTypes['Contact'] = ResolversParentTypes['Contact'], FederationReferenceType extends FederationReferenceTypes['Contact'] = FederationReferenceTypes['Contact']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Contact']> | FederationReferenceType, FederationReferenceType, ContextType>;
  customer?: Resolver<ResolversTypes['Customer'], ParentType, ContextType>;
  email?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  phone?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  primary?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  title?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
};

export type ContractResolvers<ContextType = CrmContext, ParentType extends ResolversParentTypes['Contract'] = ResolversParentTypes['Contract'], FederationReferenceType extends FederationReferenceTypes['Contract'] = FederationReferenceTypes['Contract']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Contract']> | FederationReferenceType, FederationReferenceType, ContextType>;
  amendments?: Resolver<Array<ResolversTypes['ContractAmendment']>, ParentType, ContextType>;
  billingInterval?: Resolver<ResolversTypes['BillingInterval'], ParentType, ContextType>;
  customer?: Resolver<ResolversTypes['Customer'], ParentType, ContextType>;
  endDate?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  number?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  opportunity?: Resolver<Maybe<ResolversTypes['Opportunity']>, ParentType, ContextType>;
  planCode?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  seats?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  startDate?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['ContractStatus'], ParentType, ContextType>;
  termMonths?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  terminationReason?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  unitPrice?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  value?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
};

export type ContractAmendmentResolvers<ContextType = CrmContext, ParentType extends ResolversParentTypes['ContractAmendment'] = ResolversParentTypes['ContractAmendment']> = {
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  effectiveDate?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  reason?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  seatsDelta?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  valueDelta?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
};

export type CustomerResolvers<ContextType = CrmContext, ParentType extends ResolversParentTypes['Customer'] = ResolversParentTypes['Customer'], FederationReferenceType extends FederationReferenceTypes['Customer'] = FederationReferenceTypes['Customer']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Customer']> | FederationReferenceType, FederationReferenceType, ContextType>;
  accountOwner?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  children?: Resolver<Array<ResolversTypes['Customer']>, ParentType, ContextType>;
  contacts?: Resolver<Array<ResolversTypes['Contact']>, ParentType, ContextType>;
  contracts?: Resolver<Array<ResolversTypes['Contract']>, ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  currency?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  domain?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  opportunities?: Resolver<Array<ResolversTypes['Opportunity']>, ParentType, ContextType>;
  parent?: Resolver<Maybe<ResolversTypes['Customer']>, ParentType, ContextType>;
  region?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  segment?: Resolver<ResolversTypes['Segment'], ParentType, ContextType>;
  updatedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
};

export type CustomerConnectionResolvers<ContextType = CrmContext, ParentType extends ResolversParentTypes['CustomerConnection'] = ResolversParentTypes['CustomerConnection']> = {
  nodes?: Resolver<Array<ResolversTypes['Customer']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
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

export type MoneyResolvers<ContextType = CrmContext, ParentType extends ResolversParentTypes['Money'] = ResolversParentTypes['Money']> = {
  amount?: Resolver<ResolversTypes['Decimal'], ParentType, ContextType>;
  currency?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type MutationResolvers<ContextType = CrmContext, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = {
  amendContract?: Resolver<ResolversTypes['Contract'], ParentType, ContextType, RequireFields<MutationAmendContractArgs, 'id' | 'input'>>;
  closeOpportunityWon?: Resolver<ResolversTypes['Contract'], ParentType, ContextType, RequireFields<MutationCloseOpportunityWonArgs, 'id' | 'startDate'>>;
  createCustomer?: Resolver<ResolversTypes['Customer'], ParentType, ContextType, RequireFields<MutationCreateCustomerArgs, 'input'>>;
  createOpportunity?: Resolver<ResolversTypes['Opportunity'], ParentType, ContextType, RequireFields<MutationCreateOpportunityArgs, 'input'>>;
  terminateContract?: Resolver<ResolversTypes['Contract'], ParentType, ContextType, RequireFields<MutationTerminateContractArgs, 'id' | 'reason'>>;
  updateCustomer?: Resolver<ResolversTypes['Customer'], ParentType, ContextType, RequireFields<MutationUpdateCustomerArgs, 'id' | 'input'>>;
};

export type OpportunityResolvers<ContextType = CrmContext, ParentType extends ResolversParentTypes['Opportunity'] = ResolversParentTypes['Opportunity'], FederationReferenceType extends FederationReferenceTypes['Opportunity'] = FederationReferenceTypes['Opportunity']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Opportunity']> | FederationReferenceType, FederationReferenceType, ContextType>;
  amount?: Resolver<ResolversTypes['Money'], ParentType, ContextType>;
  billingInterval?: Resolver<ResolversTypes['BillingInterval'], ParentType, ContextType>;
  closeDate?: Resolver<Maybe<ResolversTypes['Date']>, ParentType, ContextType>;
  contract?: Resolver<Maybe<ResolversTypes['Contract']>, ParentType, ContextType>;
  customer?: Resolver<ResolversTypes['Customer'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  planCode?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  seats?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  stage?: Resolver<ResolversTypes['OpportunityStage'], ParentType, ContextType>;
  termMonths?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type PageInfoResolvers<ContextType = CrmContext, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = {
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
};

export type QueryResolvers<ContextType = CrmContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = {
  contract?: Resolver<Maybe<ResolversTypes['Contract']>, ParentType, ContextType, RequireFields<QueryContractArgs, 'id'>>;
  customer?: Resolver<Maybe<ResolversTypes['Customer']>, ParentType, ContextType, RequireFields<QueryCustomerArgs, 'id'>>;
  customers?: Resolver<ResolversTypes['CustomerConnection'], ParentType, ContextType, RequireFields<QueryCustomersArgs, 'first'>>;
  opportunity?: Resolver<Maybe<ResolversTypes['Opportunity']>, ParentType, ContextType, RequireFields<QueryOpportunityArgs, 'id'>>;
};

export type Resolvers<ContextType = CrmContext> = {
  Contact?: ContactResolvers<ContextType>;
  Contract?: ContractResolvers<ContextType>;
  ContractAmendment?: ContractAmendmentResolvers<ContextType>;
  Customer?: CustomerResolvers<ContextType>;
  CustomerConnection?: CustomerConnectionResolvers<ContextType>;
  Date?: GraphQLScalarType;
  DateTime?: GraphQLScalarType;
  Decimal?: GraphQLScalarType;
  Money?: MoneyResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  Opportunity?: OpportunityResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
};

