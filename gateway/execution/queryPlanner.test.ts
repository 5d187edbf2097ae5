import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { FetchNode, FlattenNode, ParallelNode } from '@apollo/query-planner';
import { buildSchema } from 'graphql';
import { applyRewrites, flattenAtPath, representation } from './planData.ts';
import { fromHivePlan } from './queryPlanner.ts';

const schema = buildSchema(`
  type Query { feed: [Post] }
  type Post { id: ID! comments(limit: Int): [Comment] }
  type Comment { id: ID! authorId: ID }
  type User { id: ID! name: String }
`);

const userKey = [{ kind: 'InlineFragment' as const, typeCondition: 'User', selections: [{ kind: 'Field' as const, name: '__typename' }, { kind: 'Field' as const, name: 'id' }] }];

describe("Hive's plans as the executor's node types", () => {
  it('splits a BatchFetch into one entity fetch per alias, under a Flatten per path, each with $representations and only its own variables', () => {
    const node = fromHivePlan({
      kind: 'QueryPlan',
      node: {
        kind: 'BatchFetch',
        serviceName: 'b',
        operationKind: 'query',
        variableUsages: ['locale'],
        operation: 'query($__batch_reps_0:[_Any!]!,$__batch_reps_1:[_Any!]!,$locale:String){_e0: _entities(representations: $__batch_reps_0){...on User{name}} _e1: _entities(representations: $__batch_reps_1){...on User{name(locale: $locale)}}}',
        entityBatch: {
          aliases: [
            { alias: '_e0', representationsVariableName: '__batch_reps_0', paths: [[{ Field: 'userInA' }], [{ Field: 'userInC' }]], requires: userKey },
            { alias: '_e1', representationsVariableName: '__batch_reps_1', paths: [[{ Field: 'users' }, '@', { TypeCondition: ['User'] }]], requires: userKey },
          ],
        },
      },
    }) as ParallelNode;
    assert.equal(node.kind, 'Parallel');
    const flattens = node.nodes as FlattenNode[];
    assert.deepEqual(
      flattens.map((flatten) => flatten.path),
      [['userInA'], ['userInC'], ['users', '@', '|[User]']],
    );
    const [first, , last] = flattens.map((flatten) => flatten.node as FetchNode);
    assert.equal(first!.operation, 'query ($representations: [_Any!]!) {\n  _entities(representations: $representations) {\n    ... on User {\n      name\n    }\n  }\n}');
    assert.deepEqual(first!.variableUsages, []);
    assert.match(last!.operation, /^query \(\$representations: \[_Any!\]!, \$locale: String\)/);
    assert.deepEqual(last!.variableUsages, ['locale']);
    assert.deepEqual(last!.requires, [{ kind: 'InlineFragment', typeCondition: 'User', selections: [{ kind: 'Field', name: '__typename', selections: undefined }, { kind: 'Field', name: 'id', selections: undefined }] }]);
  });

  it("sends a value fetched under the planner's internal alias under the key the subgraph's @requires names", () => {
    const fetch = fromHivePlan({
      kind: 'QueryPlan',
      node: {
        kind: 'Fetch',
        serviceName: 'd',
        operation: 'query($representations:[_Any!]!){_entities(representations: $representations){...on Post{author{id}}}}',
        requires: [
          {
            kind: 'InlineFragment',
            typeCondition: 'Post',
            selections: [{ kind: 'Field', name: '__typename' }, { kind: 'Field', name: '_internal_qp_alias_0', alias: 'comments', selections: [{ kind: 'Field', name: 'authorId' }] }, { kind: 'Field', name: 'id' }],
          },
        ],
      },
    }) as FetchNode;
    const post = { __typename: 'Post', id: 'p1', comments: [{ id: 'c1' }], _internal_qp_alias_0: [{ __typename: 'Comment', id: 'c1', authorId: 'a1' }, { __typename: 'Comment', id: 'c2', authorId: 'a2' }] };
    const represented = representation(schema, post, fetch.requires!)!;
    applyRewrites(schema, fetch.inputRewrites, represented);
    assert.deepEqual(JSON.parse(JSON.stringify(represented)), { __typename: 'Post', comments: [{ authorId: 'a1' }, { authorId: 'a2' }], id: 'p1' });
  });

  it("reads a Flatten's type condition: only the objects of those types are fetched for", () => {
    const data = { users: [{ __typename: 'User', id: '1' }, { __typename: 'Bot', id: '2' }, null] };
    assert.deepEqual(flattenAtPath(data, ['users', '@', '|[User,Admin]']), [{ __typename: 'User', id: '1' }, undefined, null]);
  });

  it('writes a rewrite whose step names several types as one rewrite per type', () => {
    const fetch = fromHivePlan({
      kind: 'QueryPlan',
      node: { kind: 'Fetch', serviceName: 'a', operation: '{a}', outputRewrites: [{ ValueSetter: { path: [{ Key: 'node' }, { TypenameEquals: ['A', 'B'] }, { Key: '__typename' }], setValueTo: 'Node' } }] },
    }) as FetchNode;
    assert.deepEqual(fetch.outputRewrites, [
      { kind: 'ValueSetter', path: ['node', '... on A', '__typename'], setValueTo: 'Node' },
      { kind: 'ValueSetter', path: ['node', '... on B', '__typename'], setValueTo: 'Node' },
    ]);
    assert.equal(fetch.operationKind, 'query');
  });
});
