import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { GatewayContext } from '../context.ts';
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
export type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
export type MakeOptional<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]?: Maybe<T[SubKey]> };
export type MakeMaybe<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]: Maybe<T[SubKey]> };
export type MakeEmpty<T extends { [key: string]: unknown }, K extends keyof T> = { [_ in K]?: never };
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
export type RequireFields<T, K extends keyof T> = Omit<T, K> & { [P in K]-?: NonNullable<T[P]> };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** ISO-8601 instant in UTC, e.g. "2026-11-22T10:15:00.000Z". */
  DateTime: { input: string; output: string; }
  _FieldSet: { input: any; output: any; }
};

/** A caller's access revoked. */
export type AccessRevocation = {
  __typename?: 'AccessRevocation';
  /** When the revocation is forgotten: every token issued before it has expired by then. */
  expiresAt: Scalars['DateTime']['output'];
  reason: Scalars['String']['output'];
  /** Tokens issued before this instant are refused. */
  revokedAt: Scalars['DateTime']['output'];
  /** Who revoked it. */
  revokedBy: Scalars['String']['output'];
  sub: Scalars['String']['output'];
};

/** Where the gateway's circuit breaker for one subgraph stands. */
export type CircuitState =
  /** The gateway calls the subgraph. */
  | 'CLOSED'
  /** The gateway is probing the subgraph; clients' fetches are answered at once without it. */
  | 'HALF_OPEN'
  /** The subgraph failed repeatedly: its fields are answered null at once, without calling it, until a probe succeeds. */
  | 'OPEN';

export type Mutation = {
  __typename?: 'Mutation';
  /**
   * Refuses every token of the caller `sub` issued before now (its `iat` in an earlier second, or
   * none), on every gateway replica within a second, and closes its open subscriptions (close code
   * 4403); tokens it gets afterwards work. Kept for AUTH_REVOCATION_TTL. Recorded in the audit
   * trail (system GATEWAY). The same idempotencyKey with the same arguments answers the first
   * revocation again; with other arguments, IDEMPOTENCY_KEY_REUSED.
   */
  revokeAccess: AccessRevocation;
};


export type MutationRevokeAccessArgs = {
  idempotencyKey?: InputMaybe<Scalars['String']['input']>;
  reason: Scalars['String']['input'];
  sub: Scalars['String']['input'];
};

/** The state of the integration at a glance. */
export type OperationsHealth = {
  __typename?: 'OperationsHealth';
  /** Always "hub": there is one; the gateway adds its view of the subgraphs (subgraphs) by this key. */
  scope: Scalars['String']['output'];
  /** Each subgraph's circuit as the gateway replica that answers sees it (the same as its /readyz). */
  subgraphs: Array<SubgraphCircuit>;
};

/** One subgraph as the gateway sees it. */
export type SubgraphCircuit = {
  __typename?: 'SubgraphCircuit';
  /** The subgraph, e.g. "erp". */
  name: Scalars['String']['output'];
  /** Its circuit. */
  state: CircuitState;
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
  OperationsHealth: OperationsHealth;
};

/** Mapping of federation reference types */
export type FederationReferenceTypes = {
  OperationsHealth:
    ( { __typename: 'OperationsHealth' }
    & GraphQLRecursivePick<FederationTypes['OperationsHealth'], {"scope":true}> );
};



/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = {
  AccessRevocation: ResolverTypeWrapper<AccessRevocation>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  CircuitState: CircuitState;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  OperationsHealth: ResolverTypeWrapper<OperationsHealth>;
  SubgraphCircuit: ResolverTypeWrapper<SubgraphCircuit>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
};

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = {
  AccessRevocation: AccessRevocation;
  String: Scalars['String']['output'];
  DateTime: Scalars['DateTime']['output'];
  Mutation: Record<PropertyKey, never>;
  OperationsHealth: OperationsHealth | FederationReferenceTypes['OperationsHealth'];
  SubgraphCircuit: SubgraphCircuit;
  Boolean: Scalars['Boolean']['output'];
};

export type AccessRevocationResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['AccessRevocation'] = ResolversParentTypes['AccessRevocation']> = {
  expiresAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  reason?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  revokedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  revokedBy?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  sub?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export type MutationResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = {
  revokeAccess?: Resolver<ResolversTypes['AccessRevocation'], ParentType, ContextType, RequireFields<MutationRevokeAccessArgs, 'reason' | 'sub'>>;
};

export type OperationsHealthResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['OperationsHealth'] = ResolversParentTypes['OperationsHealth'], FederationReferenceType extends FederationReferenceTypes['OperationsHealth'] = FederationReferenceTypes['OperationsHealth']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['OperationsHealth']> | FederationReferenceType, FederationReferenceType, ContextType>;
  scope?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  subgraphs?: Resolver<Array<ResolversTypes['SubgraphCircuit']>, ParentType, ContextType>;
};

export type SubgraphCircuitResolvers<ContextType = GatewayContext, ParentType extends ResolversParentTypes['SubgraphCircuit'] = ResolversParentTypes['SubgraphCircuit']> = {
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  state?: Resolver<ResolversTypes['CircuitState'], ParentType, ContextType>;
};

export type Resolvers<ContextType = GatewayContext> = {
  AccessRevocation?: AccessRevocationResolvers<ContextType>;
  DateTime?: GraphQLScalarType;
  Mutation?: MutationResolvers<ContextType>;
  OperationsHealth?: OperationsHealthResolvers<ContextType>;
  SubgraphCircuit?: SubgraphCircuitResolvers<ContextType>;
};

