import type { GraphQLResolveInfo } from 'graphql';
import type { GatewayContext } from '../context.ts';
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
export type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
export type MakeOptional<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]?: Maybe<T[SubKey]> };
export type MakeMaybe<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]: Maybe<T[SubKey]> };
export type MakeEmpty<T extends { [key: string]: unknown }, K extends keyof T> = { [_ in K]?: never };
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  _FieldSet: { input: any; output: any; }
};

/** Where the gateway's circuit breaker for one subgraph stands. */
export type CircuitState =
  /** The gateway calls the subgraph. */
  | 'CLOSED'
  /** The gateway is probing the subgraph; clients' fetches are answered at once without it. */
  | 'HALF_OPEN'
  /** The subgraph failed repeatedly: its fields are answered null at once, without calling it, until a probe succeeds. */
  | 'OPEN';

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
  CircuitState: CircuitState;
  OperationsHealth: ResolverTypeWrapper<OperationsHealth>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  SubgraphCircuit: ResolverTypeWrapper<SubgraphCircuit>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
};

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = {
  OperationsHealth: OperationsHealth | FederationReferenceTypes['OperationsHealth'];
  String: Scalars['String']['output'];
  SubgraphCircuit: SubgraphCircuit;
  Boolean: Scalars['Boolean']['output'];
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
  OperationsHealth?: OperationsHealthResolvers<ContextType>;
  SubgraphCircuit?: SubgraphCircuitResolvers<ContextType>;
};

