/**
 * Every operation the ops console sends. Typed by codegen (generated/), and registered with
 * schema governance like the project's own documents, so a schema change that would break the
 * console is caught by `npm run schema:check`.
 */
import { graphql } from './generated/index.ts';

/** What the charts and the lists show; read again whenever an event arrives. */
export const Snapshot = graphql(/* GraphQL */ `
  query OpsConsoleSnapshot {
    operationsHealth {
      postingLatencySeconds
      invoicesAwaitingPosting
      openExceptions
      oldestExceptionAgeSeconds
      deadLetters
      syncLag { consumer pending lagSeconds }
    }
    exceptions(status: OPEN, first: 200) { id kind system owner priority message subject correlationId openedAt ageSeconds }
    deadLetters(first: 50) { id consumer error attempts deadAt status event { id type subject correlationId } }
    workflowFunnel(kind: "quote-to-cash") { runs inProgress completed exception steps { name system completed } }
    workflows(first: 20) { correlationId kind state startedAt }
  }
`);

/** One workflow run and every event of its correlation id, for the timeline. */
export const Timeline = graphql(/* GraphQL */ `
  query OpsConsoleTimeline($correlationId: ID!) {
    workflow(correlationId: $correlationId) {
      id kind state correlationId startedAt updatedAt
      steps { name system completedAt eventId }
      exceptions { id kind owner status message openedAt resolvedAt }
    }
    events(correlationId: $correlationId, first: 200) { id type source subject occurredAt }
  }
`);

/** Every business event from now on: each one may move a figure, so the console reads them again. */
export const Events = graphql(/* GraphQL */ `
  subscription OpsConsoleEvents {
    businessEvents { id type source occurredAt }
  }
`);

export const ResolveException = graphql(/* GraphQL */ `
  mutation OpsConsoleResolveException($id: ID!, $note: String!) {
    resolveException(id: $id, note: $note) { id status resolvedAt }
  }
`);

export const ReplayDeadLetter = graphql(/* GraphQL */ `
  mutation OpsConsoleReplayDeadLetter($id: ID!) {
    replayDeadLetter(id: $id) { id status }
  }
`);
