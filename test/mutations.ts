// The money-moving mutations tests send through the gateway to set a scene, one document each,
// for tests that assert on what follows them (postings, events, balances) rather than on the answer.
import { graphql } from './generated/index.ts';
import type { AmendContractInput, RecordPaymentInput } from './generated/graphql.ts';
import { query } from './graphql.ts';

const IssueInvoice = graphql(/* GraphQL */ `
  mutation TestIssueInvoice($subscription: ID!) { issueInvoice(subscriptionId: $subscription) { id amountDue { amount } } }
`);

const VoidInvoice = graphql(/* GraphQL */ `
  mutation TestVoidInvoice($id: ID!) { voidInvoice(id: $id, reason: "issued in error") { status } }
`);

const RecordPayment = graphql(/* GraphQL */ `
  mutation TestRecordPayment($input: RecordPaymentInput!) { recordPayment(input: $input) { id invoice { status } } }
`);

const RetryPosting = graphql(/* GraphQL */ `
  mutation TestRetryPosting($invoice: ID!) { retryPosting(invoiceId: $invoice) { posting { status } } }
`);

const AmendContract = graphql(/* GraphQL */ `
  mutation TestAmendContract($id: ID!, $input: AmendContractInput!) { amendContract(id: $id, input: $input) { seats } }
`);

/** Issues the subscription's next invoice; its id and amount due. */
export async function issueInvoice(url: string, subscriptionId: string) {
  return (await query(url, IssueInvoice, { subscription: subscriptionId })).issueInvoice;
}

/** Voids the invoice `id` as issued in error. */
export async function voidInvoice(url: string, id: string): Promise<void> {
  await query(url, VoidInvoice, { id });
}

/** Records a payment; its id and the status of the invoice it paid. */
export async function recordPayment(url: string, input: RecordPaymentInput) {
  return (await query(url, RecordPayment, { input })).recordPayment;
}

/** Retries the invoice's posting to the ledger; the posting's status after it. */
export async function retryPosting(url: string, invoiceId: string) {
  return (await query(url, RetryPosting, { invoice: invoiceId })).retryPosting.posting?.status;
}

/** Amends the contract `id` (with `headers`, e.g. a correlation id); its seats after it. */
export async function amendContract(url: string, id: string, input: AmendContractInput, headers: Record<string, string> = {}): Promise<number> {
  return (await query(url, AmendContract, { id, input }, headers)).amendContract.seats;
}
