/* eslint-disable */
import * as types from './graphql.js';



/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query OpsConsoleSnapshot {\n    operationsHealth {\n      postingLatencySeconds\n      invoicesAwaitingPosting\n      openExceptions\n      oldestExceptionAgeSeconds\n      deadLetters\n      syncLag { consumer pending lagSeconds }\n    }\n    exceptions(status: OPEN, first: 200) { id kind system owner priority message subject correlationId openedAt ageSeconds }\n    deadLetters(first: 50) { id consumer error attempts deadAt status event { id type subject correlationId } }\n    workflowFunnel(kind: \"quote-to-cash\") { runs inProgress completed exception steps { name system completed } }\n    workflows(first: 20) { correlationId kind state startedAt }\n  }\n": typeof types.OpsConsoleSnapshotDocument,
    "\n  query OpsConsoleTimeline($correlationId: ID!) {\n    workflow(correlationId: $correlationId) {\n      id kind state correlationId startedAt updatedAt\n      steps { name system completedAt eventId }\n      exceptions { id kind owner status message openedAt resolvedAt }\n    }\n    events(correlationId: $correlationId, first: 200) { id type source subject occurredAt }\n  }\n": typeof types.OpsConsoleTimelineDocument,
    "\n  subscription OpsConsoleEvents {\n    businessEvents { id type source occurredAt }\n  }\n": typeof types.OpsConsoleEventsDocument,
    "\n  mutation OpsConsoleResolveException($id: ID!, $note: String!) {\n    resolveException(id: $id, note: $note) { id status resolvedAt }\n  }\n": typeof types.OpsConsoleResolveExceptionDocument,
    "\n  mutation OpsConsoleReplayDeadLetter($id: ID!) {\n    replayDeadLetter(id: $id) { id status }\n  }\n": typeof types.OpsConsoleReplayDeadLetterDocument,
};
const documents: Documents = {
    "\n  query OpsConsoleSnapshot {\n    operationsHealth {\n      postingLatencySeconds\n      invoicesAwaitingPosting\n      openExceptions\n      oldestExceptionAgeSeconds\n      deadLetters\n      syncLag { consumer pending lagSeconds }\n    }\n    exceptions(status: OPEN, first: 200) { id kind system owner priority message subject correlationId openedAt ageSeconds }\n    deadLetters(first: 50) { id consumer error attempts deadAt status event { id type subject correlationId } }\n    workflowFunnel(kind: \"quote-to-cash\") { runs inProgress completed exception steps { name system completed } }\n    workflows(first: 20) { correlationId kind state startedAt }\n  }\n": types.OpsConsoleSnapshotDocument,
    "\n  query OpsConsoleTimeline($correlationId: ID!) {\n    workflow(correlationId: $correlationId) {\n      id kind state correlationId startedAt updatedAt\n      steps { name system completedAt eventId }\n      exceptions { id kind owner status message openedAt resolvedAt }\n    }\n    events(correlationId: $correlationId, first: 200) { id type source subject occurredAt }\n  }\n": types.OpsConsoleTimelineDocument,
    "\n  subscription OpsConsoleEvents {\n    businessEvents { id type source occurredAt }\n  }\n": types.OpsConsoleEventsDocument,
    "\n  mutation OpsConsoleResolveException($id: ID!, $note: String!) {\n    resolveException(id: $id, note: $note) { id status resolvedAt }\n  }\n": types.OpsConsoleResolveExceptionDocument,
    "\n  mutation OpsConsoleReplayDeadLetter($id: ID!) {\n    replayDeadLetter(id: $id) { id status }\n  }\n": types.OpsConsoleReplayDeadLetterDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OpsConsoleSnapshot {\n    operationsHealth {\n      postingLatencySeconds\n      invoicesAwaitingPosting\n      openExceptions\n      oldestExceptionAgeSeconds\n      deadLetters\n      syncLag { consumer pending lagSeconds }\n    }\n    exceptions(status: OPEN, first: 200) { id kind system owner priority message subject correlationId openedAt ageSeconds }\n    deadLetters(first: 50) { id consumer error attempts deadAt status event { id type subject correlationId } }\n    workflowFunnel(kind: \"quote-to-cash\") { runs inProgress completed exception steps { name system completed } }\n    workflows(first: 20) { correlationId kind state startedAt }\n  }\n"): typeof import('./graphql.js').OpsConsoleSnapshotDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OpsConsoleTimeline($correlationId: ID!) {\n    workflow(correlationId: $correlationId) {\n      id kind state correlationId startedAt updatedAt\n      steps { name system completedAt eventId }\n      exceptions { id kind owner status message openedAt resolvedAt }\n    }\n    events(correlationId: $correlationId, first: 200) { id type source subject occurredAt }\n  }\n"): typeof import('./graphql.js').OpsConsoleTimelineDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription OpsConsoleEvents {\n    businessEvents { id type source occurredAt }\n  }\n"): typeof import('./graphql.js').OpsConsoleEventsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation OpsConsoleResolveException($id: ID!, $note: String!) {\n    resolveException(id: $id, note: $note) { id status resolvedAt }\n  }\n"): typeof import('./graphql.js').OpsConsoleResolveExceptionDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation OpsConsoleReplayDeadLetter($id: ID!) {\n    replayDeadLetter(id: $id) { id status }\n  }\n"): typeof import('./graphql.js').OpsConsoleReplayDeadLetterDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
