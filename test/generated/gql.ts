/* eslint-disable */
import * as types from './graphql.js';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

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
    "\n  query AccessOpenInvoice { invoices(first: 1, filter: { status: OPEN }) { nodes { id customer { id } } } }\n": typeof types.AccessOpenInvoiceDocument,
    "\n  mutation AccessRecordPayment($invoice: ID!) { recordPayment(input: { invoiceId: $invoice, amount: \"0.01\", method: \"ach\" }) { id } }\n": typeof types.AccessRecordPaymentDocument,
    "\n  mutation AccessRevoke($sub: String!, $reason: String!, $key: String) {\n    revokeAccess(sub: $sub, reason: $reason, idempotencyKey: $key) { sub reason revokedBy revokedAt expiresAt }\n  }\n": typeof types.AccessRevokeDocument,
    "\n  query AccessCustomers { customers(first: 1) { totalCount } }\n": typeof types.AccessCustomersDocument,
    "\n  mutation AccessCreateCustomer { createCustomer(input: { name: \"Refused Ltd\", segment: SMB, region: \"EMEA\", currency: \"EUR\" }) { id } }\n": typeof types.AccessCreateCustomerDocument,
    "\n  query AccessAuditTrail($filter: AuditFilter) {\n    auditTrail(first: 50, filter: $filter) { nodes { system actor role correlationId operation arguments outcome at } }\n  }\n": typeof types.AccessAuditTrailDocument,
    "\n  query AccessContacts { customers(first: 2) { nodes { id contacts { email phone } } } }\n": typeof types.AccessContactsDocument,
    "\n  subscription AccessPayments($c: ID, $after: ID) { paymentReceived(customerId: $c, after: $after) { eventId payment { id } } }\n": typeof types.AccessPaymentsDocument,
    "\n  query AuthCustomers { customers(first: 1) { totalCount } }\n": typeof types.AuthCustomersDocument,
    "\n  query AuthPeriods { accountingPeriods { id } }\n": typeof types.AuthPeriodsDocument,
    "\n  query AuthRenewals { renewalsDue(withinDays: 3650) { id } }\n": typeof types.AuthRenewalsDocument,
    "\n  query AuthExceptions { exceptions(first: 1) { id } }\n": typeof types.AuthExceptionsDocument,
    "\n  query AuthInvoices { invoices(first: 1) { totalCount } }\n": typeof types.AuthInvoicesDocument,
    "\n  query AuthEventData { events(first: 1) { id data } }\n": typeof types.AuthEventDataDocument,
    "\n  query AuthMixed {\n    customers(first: 2) { nodes { id ...Renewing } }\n    accountingPeriods { id }\n  }\n  fragment Renewing on Customer { name renewals { id } }\n": typeof types.AuthMixedDocument,
    "\n  query AuthContacts { customers(first: 5) { nodes { contacts { email phone } } } }\n": typeof types.AuthContactsDocument,
    "\n  query AuthOpenInvoice { invoices(first: 1, filter: { status: OPEN }) { nodes { id } } }\n": typeof types.AuthOpenInvoiceDocument,
    "\n  mutation AuthCreateCustomer($name: String!) { createCustomer(input: { name: $name, segment: SMB, region: \"EMEA\", currency: \"EUR\" }) { id } }\n": typeof types.AuthCreateCustomerDocument,
    "\n  query AuthCustomersNamed($name: String!) { customers(filter: { nameContains: $name }) { totalCount } }\n": typeof types.AuthCustomersNamedDocument,
    "\n  mutation AuthRecordPayment($invoice: ID!) { recordPayment(input: { invoiceId: $invoice, amount: \"0.01\", method: \"ach\" }) { id } }\n": typeof types.AuthRecordPaymentDocument,
    "\n  mutation AuthClosePeriod($id: String!) { closePeriod(id: $id) { id status } }\n": typeof types.AuthClosePeriodDocument,
    "\n  mutation AuthSetRisk($id: ID!, $risk: RenewalRisk!) { setRenewalRisk(id: $id, risk: $risk, reason: \"auth test\") { id } }\n": typeof types.AuthSetRiskDocument,
    "\n  mutation AuthResolveException { resolveException(id: \"exc_missing\", note: \"auth test\") { id } }\n": typeof types.AuthResolveExceptionDocument,
    "\n  query AuthAuditTrail($filter: AuditFilter) {\n    auditTrail(first: 10, filter: $filter) { nodes { id system actor role correlationId operation arguments outcome at } pageInfo { hasNextPage endCursor } }\n  }\n": typeof types.AuthAuditTrailDocument,
    "\n  mutation AuthUpdateOwner($id: ID!, $owner: String!) { updateCustomer(id: $id, input: { accountOwner: $owner }) { id } }\n": typeof types.AuthUpdateOwnerDocument,
    "\n  query BooksCustomer($id: ID!) {\n    customer(id: $id) {\n      balance { amount currency }\n      receivable { balance { amount currency } aging { current { amount } } }\n      unappliedCash { amount currency }\n      subscriptions { seats }\n      creditNotes { id number total { amount currency } subtotal { amount } tax { amount } }\n      invoices(first: 20) { id status total { amount } amountDue { amount } posting { status period } }\n    }\n  }\n": typeof types.BooksCustomerDocument,
    "\n  query BooksEntries($source: ID!) {\n    journalEntries(first: 10, sourceId: $source) { nodes { source date period lines { account debit { amount } credit { amount } } } }\n  }\n": typeof types.BooksEntriesDocument,
    "\n  query BooksPayments($id: ID!) { customer(id: $id) { payments { id } subscriptions { id } } }\n": typeof types.BooksPaymentsDocument,
    "\n  query BooksWorkflow($correlationId: ID!) { workflow(correlationId: $correlationId) { kind state steps { name completedAt } } }\n": typeof types.BooksWorkflowDocument,
    "\n  query BooksDeadLetters { deadLetters { id } }\n": typeof types.BooksDeadLettersDocument,
    "\n  query CacheCustomers {\n    customers(first: 20) {\n      nodes {\n        id\n        name\n        contracts { id status seats startDate endDate renewal { id risk } }\n        invoices(first: 20) { id status amountDue { amount } }\n      }\n    }\n  }\n": typeof types.CacheCustomersDocument,
    "\n  query CacheCustomerView($id: ID!) {\n    customer(id: $id) {\n      name\n      contracts { id seats renewal { id risk } }\n      invoices(first: 50) { id amountPaid { amount } }\n      subscriptions { id seats }\n      health { factors { name score } }\n      renewals { id risk }\n    }\n  }\n": typeof types.CacheCustomerViewDocument,
    "\n  query CacheContract($id: ID!) {\n    contract(id: $id) { id seats customer { id name } renewal { id risk } subscription { id seats } }\n  }\n": typeof types.CacheContractDocument,
    "\n  query CacheInvoice($id: ID!) {\n    invoice(id: $id) { id amountPaid { amount } customer { id name } }\n  }\n": typeof types.CacheInvoiceDocument,
    "\n  query CacheRenewal($id: ID!) {\n    renewal(id: $id) { id risk customer { id name } }\n  }\n": typeof types.CacheRenewalDocument,
    "\n  mutation CacheRename($id: ID!, $input: UpdateCustomerInput!) { updateCustomer(id: $id, input: $input) { name } }\n": typeof types.CacheRenameDocument,
    "\n  mutation CacheAmend($id: ID!, $input: AmendContractInput!) { amendContract(id: $id, input: $input) { seats } }\n": typeof types.CacheAmendDocument,
    "\n  mutation CachePay($input: RecordPaymentInput!) { recordPayment(input: $input) { invoice { amountPaid { amount } } } }\n": typeof types.CachePayDocument,
    "\n  mutation CacheSignal($input: HealthSignalInput!) { recordHealthSignal(input: $input) { health { factors { name score } } } }\n": typeof types.CacheSignalDocument,
    "\n  mutation DealCreateCustomer($input: CreateCustomerInput!) { createCustomer(input: $input) { id } }\n": typeof types.DealCreateCustomerDocument,
    "\n  mutation DealCreateOpportunity($input: CreateOpportunityInput!) { createOpportunity(input: $input) { id } }\n": typeof types.DealCreateOpportunityDocument,
    "\n  mutation DealCloseWon($id: ID!, $startDate: Date!) { closeOpportunityWon(id: $id, startDate: $startDate) { id number endDate } }\n": typeof types.DealCloseWonDocument,
    "\n  query DealFirstInvoice($id: ID!) { customer(id: $id) { invoices(first: 1) { id posting { status } } } }\n": typeof types.DealFirstInvoiceDocument,
    "\n  query DeprecatedOwners { customers(first: 2) { nodes { id accountOwner } } }\n": typeof types.DeprecatedOwnersDocument,
    "\n  query DeprecatedOwnersByFragment { customers(first: 1) { nodes { ...DeprecatedOwner } } }\n  fragment DeprecatedOwner on Customer { accountOwner }\n": typeof types.DeprecatedOwnersByFragmentDocument,
    "\n  query DeprecatedNone { customers(first: 1) { nodes { name } } }\n": typeof types.DeprecatedNoneDocument,
    "\n  query DeprecatedUsage($field: String) { deprecatedUsage(field: $field) { client operation field count firstSeenAt lastSeenAt } }\n": typeof types.DeprecatedUsageDocument,
    "\n  query BrokerCustomers { customers(first: 20) { nodes { id subscriptions { id status } } } }\n": typeof types.BrokerCustomersDocument,
    "\n  query BrokerFirstCustomer { customers(first: 1) { nodes { id name } } }\n": typeof types.BrokerFirstCustomerDocument,
    "\n  query BrokerCustomerView($id: ID!) {\n    customer(id: $id) {\n      id\n      name\n      subscriptions { id status }\n      invoices(first: 5) { id status posting { status } }\n      balance { amount }\n      receivable { balance { amount } }\n      health { score }\n    }\n  }\n": typeof types.BrokerCustomerViewDocument,
    "\n  mutation BrokerIssue($subscription: ID!, $key: String) { issueInvoice(subscriptionId: $subscription, idempotencyKey: $key) { id } }\n": typeof types.BrokerIssueDocument,
    "\n  mutation BrokerOpenDeal($input: CreateOpportunityInput!, $key: String) { createOpportunity(input: $input, idempotencyKey: $key) { id } }\n": typeof types.BrokerOpenDealDocument,
    "\n  mutation BrokerCloseWon($id: ID!, $startDate: Date!, $key: String) { closeOpportunityWon(id: $id, startDate: $startDate, idempotencyKey: $key) { id } }\n": typeof types.BrokerCloseWonDocument,
    "\n  query BrokerInvoiceEffects($source: ID!) { journalEntries(first: 5, sourceId: $source) { totalCount } }\n": typeof types.BrokerInvoiceEffectsDocument,
    "\n  query BrokerSaleEffects($id: ID!) {\n    contract(id: $id) {\n      quoteToCash { state }\n      subscription { invoices { id posting { status } } }\n    }\n  }\n": typeof types.BrokerSaleEffectsDocument,
    "\n  query BrokerDeadLetters { deadLetters(first: 200) { id consumer error } }\n": typeof types.BrokerDeadLettersDocument,
    "\n  query BrokerTrialBalance($period: String!) { trialBalance(period: $period) { debit { amount } credit { amount } } }\n": typeof types.BrokerTrialBalanceDocument,
    "\n  query DistributedSubscriptions { customers(first: 20) { nodes { subscriptions { id status } } } }\n": typeof types.DistributedSubscriptionsDocument,
    "\n  mutation DistributedIssue($subscription: ID!, $key: String) { issueInvoice(subscriptionId: $subscription, idempotencyKey: $key) { id issuedAt } }\n": typeof types.DistributedIssueDocument,
    "\n  query DistributedEntries($source: ID!) { journalEntries(first: 5, sourceId: $source) { totalCount } }\n": typeof types.DistributedEntriesDocument,
    "\n  query DistributedTrialBalance($period: String!) { trialBalance(period: $period) { debit { amount } credit { amount } } }\n": typeof types.DistributedTrialBalanceDocument,
    "\n  query DistributedOpenInvoices { invoices(first: 5, filter: { status: OPEN }) { nodes { id customer { id } amountDue { amount } } } }\n": typeof types.DistributedOpenInvoicesDocument,
    "\n  mutation DistributedPay($input: RecordPaymentInput!) { recordPayment(input: $input) { id } }\n": typeof types.DistributedPayDocument,
    "\n  query CacheInvoicePosting($id: ID!) {\n    invoice(id: $id) { id posting { status } }\n  }\n": typeof types.CacheInvoicePostingDocument,
    "\n  query CacheContacts($id: ID!) {\n    customer(id: $id) { contacts { email } }\n  }\n": typeof types.CacheContactsDocument,
    "\n  query EventsWorkflow($correlationId: ID!) {\n    workflow(correlationId: $correlationId) {\n      kind state correlationId\n      steps { name system completedAt eventId }\n      exceptions { kind owner status message }\n    }\n  }\n": typeof types.EventsWorkflowDocument,
    "\n  query EventsFunnel { workflowFunnel { kind runs inProgress completed exception steps { name system completed } } }\n": typeof types.EventsFunnelDocument,
    "\n  query EventsRuns($kind: String, $state: WorkflowState) { workflows(kind: $kind, state: $state, first: 200) { correlationId kind state } }\n": typeof types.EventsRunsDocument,
    "\n  query EventsCustomerView($id: ID!) {\n    customer(id: $id) {\n      id\n      contracts { id quoteToCash { state } renewal { renewalDate stage } }\n      subscriptions { id status seats }\n      invoices(first: 20) {\n        id number status total { amount currency } amountDue { amount }\n        posting { status period rejectionReason journalEntry { correlationId source lines { account debit { amount } credit { amount } } } }\n      }\n      onboarding { status milestones { name } }\n      renewals { id risk }\n      events(first: 50) { type source correlationId }\n      openExceptions { kind subject }\n    }\n  }\n": typeof types.EventsCustomerViewDocument,
    "\n  query EventsExceptions { exceptions(status: OPEN, owner: \"finance-ops\") { id kind subject owner status correlationId } }\n": typeof types.EventsExceptionsDocument,
    "\n  query EventsEntries($source: ID!) { journalEntries(first: 10, sourceId: $source) { nodes { source correlationId lines { account debit { amount } credit { amount } } } } }\n": typeof types.EventsEntriesDocument,
    "\n  query EventsDeadLetters { deadLetters { id consumer attempts error status event { id type } } }\n": typeof types.EventsDeadLettersDocument,
    "\n  mutation EventsReplay($id: ID!) { replayDeadLetter(id: $id) { id status } }\n": typeof types.EventsReplayDocument,
    "\n  query EventsHealth { operationsHealth { invoicesAwaitingPosting openExceptions deadLetters postingLatencySeconds syncLag { consumer pending } } }\n": typeof types.EventsHealthDocument,
    "\n  query EventsOverdue { invoices(first: 100, filter: { overdue: true }) { nodes { id customer { id renewals { id stage } } } } }\n": typeof types.EventsOverdueDocument,
    "\n  query EventsStanding($id: ID!) {\n    customer(id: $id) {\n      overdueAmount { amount }\n      invoices(first: 100, status: OPEN) { id dueDate amountDue { amount } }\n      health { score factors { name score } }\n      renewals { id stage risk riskReasons }\n      events(first: 50, types: [\"renewal.risk_changed\", \"health.changed\"]) { type data }\n    }\n  }\n": typeof types.EventsStandingDocument,
    "\n  mutation EventsSignal($input: HealthSignalInput!) { recordHealthSignal(input: $input) { id } }\n": typeof types.EventsSignalDocument,
    "\n  mutation EventsRisk($id: ID!) { setRenewalRisk(id: $id, risk: HIGH, reason: \"overdue invoices\") { risk } }\n": typeof types.EventsRiskDocument,
    "\n  query FuzzSetup {\n    customers(first: 1) { nodes { id } }\n    invoices(first: 1, filter: { status: OPEN }) { nodes { id } }\n  }\n": typeof types.FuzzSetupDocument,
    "\n  query FuzzSnapshot($customer: ID!, $invoice: ID!) {\n    customers(first: 0) { totalCount }\n    customer(id: $customer) {\n      name domain segment region accountOwner\n      opportunities { id }\n      health { factors { name score } }\n      onboarding { milestones { name status } }\n    }\n    invoice(id: $invoice) { status amountPaid { amount } payments { id } }\n  }\n": typeof types.FuzzSnapshotDocument,
    "\n  query CustomerPage($first: Int!, $after: String) {\n    customers(first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      nodes {\n        id name domain segment region currency accountOwner createdAt updatedAt\n        parent { id name }\n        children { id name }\n        contacts { id name email phone title primary customer { id } }\n        opportunities { id name stage amount { amount currency } planCode seats termMonths billingInterval closeDate contract { id } customer { id } }\n        contracts {\n          id number status planCode seats startDate endDate termMonths billingInterval terminationReason\n          unitPrice { amount currency } value { amount currency }\n          amendments { id effectiveDate seatsDelta valueDelta { amount currency } reason createdAt }\n          opportunity { id }\n          customer { id }\n          subscription { id }\n          renewal { id }\n          quoteToCash { id kind state correlationId startedAt updatedAt steps { name system completedAt eventId } exceptions { id } }\n        }\n        subscriptions {\n          id planCode seats status interval currentPeriodStart currentPeriodEnd\n          unitPrice { amount currency } mrr { amount currency }\n          customer { id } contract { id } invoices { id }\n        }\n        invoices(first: 100) {\n          id number status issuedAt dueDate\n          subtotal { amount currency } tax { amount currency } total { amount currency }\n          amountPaid { amount currency } amountDue { amount currency }\n          lines { description quantity unitPrice { amount currency } amount { amount currency } periodStart periodEnd }\n          payments { id }\n          customer { id }\n          subscription { id }\n          posting {\n            status period postedAt rejectionReason attempts\n            journalEntry { id number date period source sourceId correlationId lines { account debit { amount currency } credit { amount currency } } }\n          }\n        }\n        payments(first: 100) { id amount { amount currency } method reference status receivedAt invoice { id } customer { id } }\n        balance { amount currency }\n        creditNotes { total { amount } }\n        overdueAmount { amount currency }\n        mrr { amount currency }\n        receivable {\n          balance { amount currency }\n          aging { current { amount currency } days1to30 { amount currency } days31to60 { amount currency } days61to90 { amount currency } over90 { amount currency } }\n        }\n        creditLimit { amount currency }\n        csm\n        health { score grade trend updatedAt factors { name score weight } }\n        renewals { id renewalDate stage risk riskReasons forecastArr { amount currency } customer { id } contract { id } }\n        onboarding { status milestones { name status dueDate completedAt } }\n        events(first: 5) { id type source subject occurredAt correlationId causationId data customer { id } }\n        openExceptions { id kind system owner priority status message subject correlationId openedAt ageSeconds }\n      }\n    }\n  }\n": typeof types.CustomerPageDocument,
    "\n  query RootFields($customer: ID!, $contract: ID!, $opportunity: ID!, $invoice: ID!, $subscription: ID!, $payment: ID!, $renewal: ID!, $period: String!) {\n    customer(id: $customer) { id name }\n    contract(id: $contract) { id number }\n    opportunity(id: $opportunity) { id name }\n    invoice(id: $invoice) { id number customer { name } posting { status } }\n    subscription(id: $subscription) { id planCode }\n    payment(id: $payment) { id method }\n    renewal(id: $renewal) { id risk }\n    renewalsDue(withinDays: 365) { id renewalDate stage risk customer { name } contract { number } }\n    invoices(first: 5, filter: { overdue: true }) { totalCount pageInfo { hasNextPage endCursor } nodes { id number dueDate amountDue { amount currency } status } }\n    journalEntries(first: 5, period: $period) { totalCount pageInfo { hasNextPage endCursor } nodes { id number period lines { account debit { amount } credit { amount } } } }\n    accountingPeriods { id status closedAt }\n    trialBalance(period: $period) { account debit { amount currency } credit { amount currency } }\n  }\n": typeof types.RootFieldsDocument,
    "\n  query Customer360($id: ID!) {\n    customer(id: $id) {\n      id name\n      contracts { number renewal { renewalDate risk } }\n      subscriptions { planCode status }\n      invoices(first: 5) { number amountDue { amount } posting { status period } }\n      overdueAmount { amount }\n      health { score grade }\n      renewals { renewalDate risk }\n    }\n  }\n": typeof types.Customer360Document,
    "\n  query MetricsCustomers { customers(first: 2) { nodes { id name } } }\n": typeof types.MetricsCustomersDocument,
    "\n  query MetricsHealth {\n    operationsHealth {\n      invoicesAwaitingPosting\n      postingLatencySeconds\n      openExceptions\n      deadLetters\n      openDifferences\n      syncLag { consumer pending lagSeconds }\n      exceptionsByOwner { owner open oldestAgeSeconds }\n      workflowRuns { kind state count }\n    }\n  }\n": typeof types.MetricsHealthDocument,
    "\n  mutation TestIssueInvoice($subscription: ID!) { issueInvoice(subscriptionId: $subscription) { id amountDue { amount } } }\n": typeof types.TestIssueInvoiceDocument,
    "\n  mutation TestVoidInvoice($id: ID!) { voidInvoice(id: $id, reason: \"issued in error\") { status } }\n": typeof types.TestVoidInvoiceDocument,
    "\n  mutation TestRecordPayment($input: RecordPaymentInput!) { recordPayment(input: $input) { id invoice { status } } }\n": typeof types.TestRecordPaymentDocument,
    "\n  mutation TestRetryPosting($invoice: ID!) { retryPosting(invoiceId: $invoice) { posting { status } } }\n": typeof types.TestRetryPostingDocument,
    "\n  mutation TestAmendContract($id: ID!, $input: AmendContractInput!) { amendContract(id: $id, input: $input) { seats } }\n": typeof types.TestAmendContractDocument,
    "\n  query OpsConsoleTestReplays { auditTrail(filter: { operation: \"replayDeadLetter\" }) { nodes { actor outcome arguments } } }\n": typeof types.OpsConsoleTestReplaysDocument,
    "\n  query OpsConsoleTestResolved { exceptions(status: RESOLVED, first: 200) { id correlationId status resolutionNote } }\n": typeof types.OpsConsoleTestResolvedDocument,
    "\n  mutation PeriodClose($id: String!) { closePeriod(id: $id) { status } }\n": typeof types.PeriodCloseDocument,
    "\n  mutation PeriodLock($id: String!) { lockPeriod(id: $id) { status } }\n": typeof types.PeriodLockDocument,
    "\n  mutation PeriodReopen($id: String!, $reason: String!) { reopenPeriod(id: $id, reason: $reason) { status } }\n": typeof types.PeriodReopenDocument,
    "\n  mutation PersistCreate($input: CreateCustomerInput!) { createCustomer(input: $input, idempotencyKey: \"persist-1\") { id } }\n": typeof types.PersistCreateDocument,
    "\n  query PersistRead($id: ID!) { customer(id: $id) { id name balance { amount currency } health { score } } }\n": typeof types.PersistReadDocument,
    "\n  mutation PropPay($input: RecordPaymentInput!, $key: String) { recordPayment(input: $input, idempotencyKey: $key) { id amount { amount currency } } }\n": typeof types.PropPayDocument,
    "\n  mutation PropAmend($id: ID!, $input: AmendContractInput!, $key: String) { amendContract(id: $id, input: $input, idempotencyKey: $key) { id seats } }\n": typeof types.PropAmendDocument,
    "\n  mutation PropVoid($id: ID!, $key: String) { voidInvoice(id: $id, reason: \"property test\", idempotencyKey: $key) { id status } }\n": typeof types.PropVoidDocument,
    "\n  mutation PropIssue($subscription: ID!, $key: String) { issueInvoice(subscriptionId: $subscription, idempotencyKey: $key) { id total { amount currency } } }\n": typeof types.PropIssueDocument,
    "\n  mutation PropClose($id: String!, $key: String) { closePeriod(id: $id, idempotencyKey: $key) { id status } }\n": typeof types.PropCloseDocument,
    "\n  mutation PropLock($id: String!, $key: String) { lockPeriod(id: $id, idempotencyKey: $key) { id status } }\n": typeof types.PropLockDocument,
    "\n  mutation PropReopen($id: String!, $key: String) { reopenPeriod(id: $id, reason: \"property test\", idempotencyKey: $key) { id status } }\n": typeof types.PropReopenDocument,
    "\n  mutation PropRetry($invoice: ID!, $key: String) { retryPosting(invoiceId: $invoice, idempotencyKey: $key) { id posting { status } } }\n": typeof types.PropRetryDocument,
    "\n  mutation PropReconcile { runReconciliation { id } }\n": typeof types.PropReconcileDocument,
    "\n  query PropRuns { reconciliation { lastRuns { id status error } } }\n": typeof types.PropRunsDocument,
    "\n  query PropLag { operationsHealth { syncLag { consumer pending } } }\n": typeof types.PropLagDocument,
    "\n  query PropLedger { accountingPeriods { id } }\n": typeof types.PropLedgerDocument,
    "\n  query PropTrialBalance($period: String!) { trialBalance(period: $period) { account debit { amount currency } credit { amount currency } } }\n": typeof types.PropTrialBalanceDocument,
    "\n  query PropCustomer($id: ID!) {\n    customer(id: $id) {\n      id\n      balance { amount currency }\n      receivable { balance { amount currency } }\n      unappliedCash { amount currency }\n      creditNotes { total { amount currency } }\n      subscriptions { id status }\n      contracts { id seats quoteToCash { state exceptions { status owner kind } } }\n      invoices(first: 100) { id status total { amount currency } amountDue { amount currency } amountPaid { amount currency } posting { status amount { amount currency } } }\n      openExceptions { kind owner subject }\n    }\n  }\n": typeof types.PropCustomerDocument,
    "\n  query ReconciliationState {\n    reconciliation(runs: 20) {\n      lastRuns { id trigger status customers invoices explained differences opened resolved error differencesByKind { kind owner count } }\n      openByKind { kind owner count }\n      trend { at differences }\n      openDifferences(first: 200) {\n        id kind owner status subject\n        difference { kind customer { id } left { system value amount currency } right { system value amount currency } subjectIds runId }\n      }\n    }\n    operationsHealth { openDifferences }\n  }\n": typeof types.ReconciliationStateDocument,
    "\n  mutation ReconciliationRun($key: String) { runReconciliation(idempotencyKey: $key) { id status trigger } }\n": typeof types.ReconciliationRunDocument,
    "\n  query ReconciliationResolved { exceptions(status: RESOLVED, first: 200) { id kind resolutionNote } }\n": typeof types.ReconciliationResolvedDocument,
    "\n  query ReconciliationSeededRuns($after: String) {\n    customers(first: 100, after: $after) {\n      pageInfo { hasNextPage endCursor }\n      nodes { id contracts { id status quoteToCash { state exceptions { status owner } } } }\n    }\n  }\n": typeof types.ReconciliationSeededRunsDocument,
    "\n  query ReconciliationSeatChangeFunnel($kind: String!) { workflowFunnel(kind: $kind) { runs completed } }\n": typeof types.ReconciliationSeatChangeFunnelDocument,
    "\n  mutation SubscriptionsSetRenewalRisk($id: ID!, $risk: RenewalRisk!) { setRenewalRisk(id: $id, risk: $risk, reason: \"test\") { id risk } }\n": typeof types.SubscriptionsSetRenewalRiskDocument,
    "\n  query SubscriptionsInvoiceDue($id: ID!) { invoice(id: $id) { amountDue { amount } } }\n": typeof types.SubscriptionsInvoiceDueDocument,
    "\n  subscription SubscriptionsPaymentReceived($customerId: ID, $after: ID) {\n    paymentReceived(customerId: $customerId, after: $after) { eventId occurredAt correlationId payment { id } invoice { id } customer { id } }\n  }\n": typeof types.SubscriptionsPaymentReceivedDocument,
    "\n  subscription SubscriptionsInvoiceStatusChanged($customerId: ID, $after: ID) {\n    invoiceStatusChanged(customerId: $customerId, after: $after) { eventId invoice { id status } previousStatus status }\n  }\n": typeof types.SubscriptionsInvoiceStatusChangedDocument,
    "\n  subscription SubscriptionsBusinessEvents($types: [String!], $customerId: ID) {\n    businessEvents(types: $types, customerId: $customerId) { id type customer { id } data }\n  }\n": typeof types.SubscriptionsBusinessEventsDocument,
    "\n  subscription SubscriptionsRenewalRiskChanged($customerId: ID) {\n    renewalRiskChanged(customerId: $customerId) { eventId renewal { id risk } previousRisk risk customer { id } }\n  }\n": typeof types.SubscriptionsRenewalRiskChangedDocument,
    "\n  query SubscriptionsEventLog($types: [String!], $customerId: ID) { events(first: 200, types: $types, customerId: $customerId) { id type } }\n": typeof types.SubscriptionsEventLogDocument,
    "\n  query TracingWorkflow($correlationId: ID!) { workflow(correlationId: $correlationId) { state } }\n": typeof types.TracingWorkflowDocument,
    "\n  mutation CreateCustomer($input: CreateCustomerInput!, $key: String) {\n    createCustomer(input: $input, idempotencyKey: $key) { id name domain segment region currency accountOwner }\n  }\n": typeof types.CreateCustomerDocument,
    "\n  mutation UpdateCustomer($id: ID!, $input: UpdateCustomerInput!) {\n    updateCustomer(id: $id, input: $input) { id name parent { id } }\n  }\n": typeof types.UpdateCustomerDocument,
    "\n  mutation CreateOpportunity($input: CreateOpportunityInput!, $key: String) {\n    createOpportunity(input: $input, idempotencyKey: $key) { id stage amount { amount currency } }\n  }\n": typeof types.CreateOpportunityDocument,
    "\n  mutation CloseWon($id: ID!, $startDate: Date!, $key: String) {\n    closeOpportunityWon(id: $id, startDate: $startDate, idempotencyKey: $key) { id number status startDate endDate seats value { amount } customer { id name } }\n  }\n": typeof types.CloseWonDocument,
    "\n  mutation Amend($id: ID!, $input: AmendContractInput!) {\n    amendContract(id: $id, input: $input) { id seats value { amount } amendments { seatsDelta valueDelta { amount } } }\n  }\n": typeof types.AmendDocument,
    "\n  mutation Terminate($id: ID!, $reason: String!) {\n    terminateContract(id: $id, reason: $reason) { id status terminationReason }\n  }\n": typeof types.TerminateDocument,
    "\n  query CustomerCount($name: String) { customers(first: 0, filter: { nameContains: $name }) { totalCount } }\n": typeof types.CustomerCountDocument,
    "\n  query Opportunities($id: ID!) { customer(id: $id) { opportunities { id } } }\n": typeof types.OpportunitiesDocument,
    "\n  query Billable {\n    customers(first: 20) {\n      nodes {\n        id\n        subscriptions { id status seats unitPrice { amount } }\n        invoices(first: 50) { id status amountPaid { amount } amountDue { amount } }\n      }\n    }\n  }\n": typeof types.BillableDocument,
    "\n  mutation IssueInvoice($subscription: ID!, $key: String) {\n    issueInvoice(subscriptionId: $subscription, idempotencyKey: $key) { id number status total { amount currency } amountDue { amount } lines { quantity amount { amount } } }\n  }\n": typeof types.IssueInvoiceDocument,
    "\n  mutation RecordPayment($input: RecordPaymentInput!, $key: String) {\n    recordPayment(input: $input, idempotencyKey: $key) { id amount { amount } status invoice { id status amountPaid { amount } amountDue { amount } } }\n  }\n": typeof types.RecordPaymentDocument,
    "\n  query InvoiceState($id: ID!) { invoice(id: $id) { id status total { amount } amountPaid { amount } amountDue { amount } payments { id amount { amount } } } }\n": typeof types.InvoiceStateDocument,
    "\n  mutation VoidInvoice($id: ID!, $reason: String!) { voidInvoice(id: $id, reason: $reason) { id status } }\n": typeof types.VoidInvoiceDocument,
    "\n  mutation CancelSubscription($id: ID!, $atPeriodEnd: Boolean) { cancelSubscription(id: $id, atPeriodEnd: $atPeriodEnd) { id status } }\n": typeof types.CancelSubscriptionDocument,
    "\n  mutation ClosePeriod($id: String!, $key: String) { closePeriod(id: $id, idempotencyKey: $key) { id status closedAt } }\n": typeof types.ClosePeriodDocument,
    "\n  mutation ReopenPeriod($id: String!, $reason: String!) { reopenPeriod(id: $id, reason: $reason) { id status } }\n": typeof types.ReopenPeriodDocument,
    "\n  mutation RecordHealthSignal($input: HealthSignalInput!) { recordHealthSignal(input: $input) { id health { factors { name score } } } }\n": typeof types.RecordHealthSignalDocument,
    "\n  mutation SetRenewalRisk($id: ID!, $risk: RenewalRisk!, $reason: String!) { setRenewalRisk(id: $id, risk: $risk, reason: $reason) { id risk riskReasons } }\n": typeof types.SetRenewalRiskDocument,
    "\n  mutation CompleteMilestone($customer: ID!, $name: String!) { completeMilestone(customerId: $customer, name: $name) { status milestones { name status } } }\n": typeof types.CompleteMilestoneDocument,
    "\n  query Renewals { renewalsDue(withinDays: 3650) { id customer { id } } }\n": typeof types.RenewalsDocument,
};
const documents: Documents = {
    "\n  query AccessOpenInvoice { invoices(first: 1, filter: { status: OPEN }) { nodes { id customer { id } } } }\n": types.AccessOpenInvoiceDocument,
    "\n  mutation AccessRecordPayment($invoice: ID!) { recordPayment(input: { invoiceId: $invoice, amount: \"0.01\", method: \"ach\" }) { id } }\n": types.AccessRecordPaymentDocument,
    "\n  mutation AccessRevoke($sub: String!, $reason: String!, $key: String) {\n    revokeAccess(sub: $sub, reason: $reason, idempotencyKey: $key) { sub reason revokedBy revokedAt expiresAt }\n  }\n": types.AccessRevokeDocument,
    "\n  query AccessCustomers { customers(first: 1) { totalCount } }\n": types.AccessCustomersDocument,
    "\n  mutation AccessCreateCustomer { createCustomer(input: { name: \"Refused Ltd\", segment: SMB, region: \"EMEA\", currency: \"EUR\" }) { id } }\n": types.AccessCreateCustomerDocument,
    "\n  query AccessAuditTrail($filter: AuditFilter) {\n    auditTrail(first: 50, filter: $filter) { nodes { system actor role correlationId operation arguments outcome at } }\n  }\n": types.AccessAuditTrailDocument,
    "\n  query AccessContacts { customers(first: 2) { nodes { id contacts { email phone } } } }\n": types.AccessContactsDocument,
    "\n  subscription AccessPayments($c: ID, $after: ID) { paymentReceived(customerId: $c, after: $after) { eventId payment { id } } }\n": types.AccessPaymentsDocument,
    "\n  query AuthCustomers { customers(first: 1) { totalCount } }\n": types.AuthCustomersDocument,
    "\n  query AuthPeriods { accountingPeriods { id } }\n": types.AuthPeriodsDocument,
    "\n  query AuthRenewals { renewalsDue(withinDays: 3650) { id } }\n": types.AuthRenewalsDocument,
    "\n  query AuthExceptions { exceptions(first: 1) { id } }\n": types.AuthExceptionsDocument,
    "\n  query AuthInvoices { invoices(first: 1) { totalCount } }\n": types.AuthInvoicesDocument,
    "\n  query AuthEventData { events(first: 1) { id data } }\n": types.AuthEventDataDocument,
    "\n  query AuthMixed {\n    customers(first: 2) { nodes { id ...Renewing } }\n    accountingPeriods { id }\n  }\n  fragment Renewing on Customer { name renewals { id } }\n": types.AuthMixedDocument,
    "\n  query AuthContacts { customers(first: 5) { nodes { contacts { email phone } } } }\n": types.AuthContactsDocument,
    "\n  query AuthOpenInvoice { invoices(first: 1, filter: { status: OPEN }) { nodes { id } } }\n": types.AuthOpenInvoiceDocument,
    "\n  mutation AuthCreateCustomer($name: String!) { createCustomer(input: { name: $name, segment: SMB, region: \"EMEA\", currency: \"EUR\" }) { id } }\n": types.AuthCreateCustomerDocument,
    "\n  query AuthCustomersNamed($name: String!) { customers(filter: { nameContains: $name }) { totalCount } }\n": types.AuthCustomersNamedDocument,
    "\n  mutation AuthRecordPayment($invoice: ID!) { recordPayment(input: { invoiceId: $invoice, amount: \"0.01\", method: \"ach\" }) { id } }\n": types.AuthRecordPaymentDocument,
    "\n  mutation AuthClosePeriod($id: String!) { closePeriod(id: $id) { id status } }\n": types.AuthClosePeriodDocument,
    "\n  mutation AuthSetRisk($id: ID!, $risk: RenewalRisk!) { setRenewalRisk(id: $id, risk: $risk, reason: \"auth test\") { id } }\n": types.AuthSetRiskDocument,
    "\n  mutation AuthResolveException { resolveException(id: \"exc_missing\", note: \"auth test\") { id } }\n": types.AuthResolveExceptionDocument,
    "\n  query AuthAuditTrail($filter: AuditFilter) {\n    auditTrail(first: 10, filter: $filter) { nodes { id system actor role correlationId operation arguments outcome at } pageInfo { hasNextPage endCursor } }\n  }\n": types.AuthAuditTrailDocument,
    "\n  mutation AuthUpdateOwner($id: ID!, $owner: String!) { updateCustomer(id: $id, input: { accountOwner: $owner }) { id } }\n": types.AuthUpdateOwnerDocument,
    "\n  query BooksCustomer($id: ID!) {\n    customer(id: $id) {\n      balance { amount currency }\n      receivable { balance { amount currency } aging { current { amount } } }\n      unappliedCash { amount currency }\n      subscriptions { seats }\n      creditNotes { id number total { amount currency } subtotal { amount } tax { amount } }\n      invoices(first: 20) { id status total { amount } amountDue { amount } posting { status period } }\n    }\n  }\n": types.BooksCustomerDocument,
    "\n  query BooksEntries($source: ID!) {\n    journalEntries(first: 10, sourceId: $source) { nodes { source date period lines { account debit { amount } credit { amount } } } }\n  }\n": types.BooksEntriesDocument,
    "\n  query BooksPayments($id: ID!) { customer(id: $id) { payments { id } subscriptions { id } } }\n": types.BooksPaymentsDocument,
    "\n  query BooksWorkflow($correlationId: ID!) { workflow(correlationId: $correlationId) { kind state steps { name completedAt } } }\n": types.BooksWorkflowDocument,
    "\n  query BooksDeadLetters { deadLetters { id } }\n": types.BooksDeadLettersDocument,
    "\n  query CacheCustomers {\n    customers(first: 20) {\n      nodes {\n        id\n        name\n        contracts { id status seats startDate endDate renewal { id risk } }\n        invoices(first: 20) { id status amountDue { amount } }\n      }\n    }\n  }\n": types.CacheCustomersDocument,
    "\n  query CacheCustomerView($id: ID!) {\n    customer(id: $id) {\n      name\n      contracts { id seats renewal { id risk } }\n      invoices(first: 50) { id amountPaid { amount } }\n      subscriptions { id seats }\n      health { factors { name score } }\n      renewals { id risk }\n    }\n  }\n": types.CacheCustomerViewDocument,
    "\n  query CacheContract($id: ID!) {\n    contract(id: $id) { id seats customer { id name } renewal { id risk } subscription { id seats } }\n  }\n": types.CacheContractDocument,
    "\n  query CacheInvoice($id: ID!) {\n    invoice(id: $id) { id amountPaid { amount } customer { id name } }\n  }\n": types.CacheInvoiceDocument,
    "\n  query CacheRenewal($id: ID!) {\n    renewal(id: $id) { id risk customer { id name } }\n  }\n": types.CacheRenewalDocument,
    "\n  mutation CacheRename($id: ID!, $input: UpdateCustomerInput!) { updateCustomer(id: $id, input: $input) { name } }\n": types.CacheRenameDocument,
    "\n  mutation CacheAmend($id: ID!, $input: AmendContractInput!) { amendContract(id: $id, input: $input) { seats } }\n": types.CacheAmendDocument,
    "\n  mutation CachePay($input: RecordPaymentInput!) { recordPayment(input: $input) { invoice { amountPaid { amount } } } }\n": types.CachePayDocument,
    "\n  mutation CacheSignal($input: HealthSignalInput!) { recordHealthSignal(input: $input) { health { factors { name score } } } }\n": types.CacheSignalDocument,
    "\n  mutation DealCreateCustomer($input: CreateCustomerInput!) { createCustomer(input: $input) { id } }\n": types.DealCreateCustomerDocument,
    "\n  mutation DealCreateOpportunity($input: CreateOpportunityInput!) { createOpportunity(input: $input) { id } }\n": types.DealCreateOpportunityDocument,
    "\n  mutation DealCloseWon($id: ID!, $startDate: Date!) { closeOpportunityWon(id: $id, startDate: $startDate) { id number endDate } }\n": types.DealCloseWonDocument,
    "\n  query DealFirstInvoice($id: ID!) { customer(id: $id) { invoices(first: 1) { id posting { status } } } }\n": types.DealFirstInvoiceDocument,
    "\n  query DeprecatedOwners { customers(first: 2) { nodes { id accountOwner } } }\n": types.DeprecatedOwnersDocument,
    "\n  query DeprecatedOwnersByFragment { customers(first: 1) { nodes { ...DeprecatedOwner } } }\n  fragment DeprecatedOwner on Customer { accountOwner }\n": types.DeprecatedOwnersByFragmentDocument,
    "\n  query DeprecatedNone { customers(first: 1) { nodes { name } } }\n": types.DeprecatedNoneDocument,
    "\n  query DeprecatedUsage($field: String) { deprecatedUsage(field: $field) { client operation field count firstSeenAt lastSeenAt } }\n": types.DeprecatedUsageDocument,
    "\n  query BrokerCustomers { customers(first: 20) { nodes { id subscriptions { id status } } } }\n": types.BrokerCustomersDocument,
    "\n  query BrokerFirstCustomer { customers(first: 1) { nodes { id name } } }\n": types.BrokerFirstCustomerDocument,
    "\n  query BrokerCustomerView($id: ID!) {\n    customer(id: $id) {\n      id\n      name\n      subscriptions { id status }\n      invoices(first: 5) { id status posting { status } }\n      balance { amount }\n      receivable { balance { amount } }\n      health { score }\n    }\n  }\n": types.BrokerCustomerViewDocument,
    "\n  mutation BrokerIssue($subscription: ID!, $key: String) { issueInvoice(subscriptionId: $subscription, idempotencyKey: $key) { id } }\n": types.BrokerIssueDocument,
    "\n  mutation BrokerOpenDeal($input: CreateOpportunityInput!, $key: String) { createOpportunity(input: $input, idempotencyKey: $key) { id } }\n": types.BrokerOpenDealDocument,
    "\n  mutation BrokerCloseWon($id: ID!, $startDate: Date!, $key: String) { closeOpportunityWon(id: $id, startDate: $startDate, idempotencyKey: $key) { id } }\n": types.BrokerCloseWonDocument,
    "\n  query BrokerInvoiceEffects($source: ID!) { journalEntries(first: 5, sourceId: $source) { totalCount } }\n": types.BrokerInvoiceEffectsDocument,
    "\n  query BrokerSaleEffects($id: ID!) {\n    contract(id: $id) {\n      quoteToCash { state }\n      subscription { invoices { id posting { status } } }\n    }\n  }\n": types.BrokerSaleEffectsDocument,
    "\n  query BrokerDeadLetters { deadLetters(first: 200) { id consumer error } }\n": types.BrokerDeadLettersDocument,
    "\n  query BrokerTrialBalance($period: String!) { trialBalance(period: $period) { debit { amount } credit { amount } } }\n": types.BrokerTrialBalanceDocument,
    "\n  query DistributedSubscriptions { customers(first: 20) { nodes { subscriptions { id status } } } }\n": types.DistributedSubscriptionsDocument,
    "\n  mutation DistributedIssue($subscription: ID!, $key: String) { issueInvoice(subscriptionId: $subscription, idempotencyKey: $key) { id issuedAt } }\n": types.DistributedIssueDocument,
    "\n  query DistributedEntries($source: ID!) { journalEntries(first: 5, sourceId: $source) { totalCount } }\n": types.DistributedEntriesDocument,
    "\n  query DistributedTrialBalance($period: String!) { trialBalance(period: $period) { debit { amount } credit { amount } } }\n": types.DistributedTrialBalanceDocument,
    "\n  query DistributedOpenInvoices { invoices(first: 5, filter: { status: OPEN }) { nodes { id customer { id } amountDue { amount } } } }\n": types.DistributedOpenInvoicesDocument,
    "\n  mutation DistributedPay($input: RecordPaymentInput!) { recordPayment(input: $input) { id } }\n": types.DistributedPayDocument,
    "\n  query CacheInvoicePosting($id: ID!) {\n    invoice(id: $id) { id posting { status } }\n  }\n": types.CacheInvoicePostingDocument,
    "\n  query CacheContacts($id: ID!) {\n    customer(id: $id) { contacts { email } }\n  }\n": types.CacheContactsDocument,
    "\n  query EventsWorkflow($correlationId: ID!) {\n    workflow(correlationId: $correlationId) {\n      kind state correlationId\n      steps { name system completedAt eventId }\n      exceptions { kind owner status message }\n    }\n  }\n": types.EventsWorkflowDocument,
    "\n  query EventsFunnel { workflowFunnel { kind runs inProgress completed exception steps { name system completed } } }\n": types.EventsFunnelDocument,
    "\n  query EventsRuns($kind: String, $state: WorkflowState) { workflows(kind: $kind, state: $state, first: 200) { correlationId kind state } }\n": types.EventsRunsDocument,
    "\n  query EventsCustomerView($id: ID!) {\n    customer(id: $id) {\n      id\n      contracts { id quoteToCash { state } renewal { renewalDate stage } }\n      subscriptions { id status seats }\n      invoices(first: 20) {\n        id number status total { amount currency } amountDue { amount }\n        posting { status period rejectionReason journalEntry { correlationId source lines { account debit { amount } credit { amount } } } }\n      }\n      onboarding { status milestones { name } }\n      renewals { id risk }\n      events(first: 50) { type source correlationId }\n      openExceptions { kind subject }\n    }\n  }\n": types.EventsCustomerViewDocument,
    "\n  query EventsExceptions { exceptions(status: OPEN, owner: \"finance-ops\") { id kind subject owner status correlationId } }\n": types.EventsExceptionsDocument,
    "\n  query EventsEntries($source: ID!) { journalEntries(first: 10, sourceId: $source) { nodes { source correlationId lines { account debit { amount } credit { amount } } } } }\n": types.EventsEntriesDocument,
    "\n  query EventsDeadLetters { deadLetters { id consumer attempts error status event { id type } } }\n": types.EventsDeadLettersDocument,
    "\n  mutation EventsReplay($id: ID!) { replayDeadLetter(id: $id) { id status } }\n": types.EventsReplayDocument,
    "\n  query EventsHealth { operationsHealth { invoicesAwaitingPosting openExceptions deadLetters postingLatencySeconds syncLag { consumer pending } } }\n": types.EventsHealthDocument,
    "\n  query EventsOverdue { invoices(first: 100, filter: { overdue: true }) { nodes { id customer { id renewals { id stage } } } } }\n": types.EventsOverdueDocument,
    "\n  query EventsStanding($id: ID!) {\n    customer(id: $id) {\n      overdueAmount { amount }\n      invoices(first: 100, status: OPEN) { id dueDate amountDue { amount } }\n      health { score factors { name score } }\n      renewals { id stage risk riskReasons }\n      events(first: 50, types: [\"renewal.risk_changed\", \"health.changed\"]) { type data }\n    }\n  }\n": types.EventsStandingDocument,
    "\n  mutation EventsSignal($input: HealthSignalInput!) { recordHealthSignal(input: $input) { id } }\n": types.EventsSignalDocument,
    "\n  mutation EventsRisk($id: ID!) { setRenewalRisk(id: $id, risk: HIGH, reason: \"overdue invoices\") { risk } }\n": types.EventsRiskDocument,
    "\n  query FuzzSetup {\n    customers(first: 1) { nodes { id } }\n    invoices(first: 1, filter: { status: OPEN }) { nodes { id } }\n  }\n": types.FuzzSetupDocument,
    "\n  query FuzzSnapshot($customer: ID!, $invoice: ID!) {\n    customers(first: 0) { totalCount }\n    customer(id: $customer) {\n      name domain segment region accountOwner\n      opportunities { id }\n      health { factors { name score } }\n      onboarding { milestones { name status } }\n    }\n    invoice(id: $invoice) { status amountPaid { amount } payments { id } }\n  }\n": types.FuzzSnapshotDocument,
    "\n  query CustomerPage($first: Int!, $after: String) {\n    customers(first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      nodes {\n        id name domain segment region currency accountOwner createdAt updatedAt\n        parent { id name }\n        children { id name }\n        contacts { id name email phone title primary customer { id } }\n        opportunities { id name stage amount { amount currency } planCode seats termMonths billingInterval closeDate contract { id } customer { id } }\n        contracts {\n          id number status planCode seats startDate endDate termMonths billingInterval terminationReason\n          unitPrice { amount currency } value { amount currency }\n          amendments { id effectiveDate seatsDelta valueDelta { amount currency } reason createdAt }\n          opportunity { id }\n          customer { id }\n          subscription { id }\n          renewal { id }\n          quoteToCash { id kind state correlationId startedAt updatedAt steps { name system completedAt eventId } exceptions { id } }\n        }\n        subscriptions {\n          id planCode seats status interval currentPeriodStart currentPeriodEnd\n          unitPrice { amount currency } mrr { amount currency }\n          customer { id } contract { id } invoices { id }\n        }\n        invoices(first: 100) {\n          id number status issuedAt dueDate\n          subtotal { amount currency } tax { amount currency } total { amount currency }\n          amountPaid { amount currency } amountDue { amount currency }\n          lines { description quantity unitPrice { amount currency } amount { amount currency } periodStart periodEnd }\n          payments { id }\n          customer { id }\n          subscription { id }\n          posting {\n            status period postedAt rejectionReason attempts\n            journalEntry { id number date period source sourceId correlationId lines { account debit { amount currency } credit { amount currency } } }\n          }\n        }\n        payments(first: 100) { id amount { amount currency } method reference status receivedAt invoice { id } customer { id } }\n        balance { amount currency }\n        creditNotes { total { amount } }\n        overdueAmount { amount currency }\n        mrr { amount currency }\n        receivable {\n          balance { amount currency }\n          aging { current { amount currency } days1to30 { amount currency } days31to60 { amount currency } days61to90 { amount currency } over90 { amount currency } }\n        }\n        creditLimit { amount currency }\n        csm\n        health { score grade trend updatedAt factors { name score weight } }\n        renewals { id renewalDate stage risk riskReasons forecastArr { amount currency } customer { id } contract { id } }\n        onboarding { status milestones { name status dueDate completedAt } }\n        events(first: 5) { id type source subject occurredAt correlationId causationId data customer { id } }\n        openExceptions { id kind system owner priority status message subject correlationId openedAt ageSeconds }\n      }\n    }\n  }\n": types.CustomerPageDocument,
    "\n  query RootFields($customer: ID!, $contract: ID!, $opportunity: ID!, $invoice: ID!, $subscription: ID!, $payment: ID!, $renewal: ID!, $period: String!) {\n    customer(id: $customer) { id name }\n    contract(id: $contract) { id number }\n    opportunity(id: $opportunity) { id name }\n    invoice(id: $invoice) { id number customer { name } posting { status } }\n    subscription(id: $subscription) { id planCode }\n    payment(id: $payment) { id method }\n    renewal(id: $renewal) { id risk }\n    renewalsDue(withinDays: 365) { id renewalDate stage risk customer { name } contract { number } }\n    invoices(first: 5, filter: { overdue: true }) { totalCount pageInfo { hasNextPage endCursor } nodes { id number dueDate amountDue { amount currency } status } }\n    journalEntries(first: 5, period: $period) { totalCount pageInfo { hasNextPage endCursor } nodes { id number period lines { account debit { amount } credit { amount } } } }\n    accountingPeriods { id status closedAt }\n    trialBalance(period: $period) { account debit { amount currency } credit { amount currency } }\n  }\n": types.RootFieldsDocument,
    "\n  query Customer360($id: ID!) {\n    customer(id: $id) {\n      id name\n      contracts { number renewal { renewalDate risk } }\n      subscriptions { planCode status }\n      invoices(first: 5) { number amountDue { amount } posting { status period } }\n      overdueAmount { amount }\n      health { score grade }\n      renewals { renewalDate risk }\n    }\n  }\n": types.Customer360Document,
    "\n  query MetricsCustomers { customers(first: 2) { nodes { id name } } }\n": types.MetricsCustomersDocument,
    "\n  query MetricsHealth {\n    operationsHealth {\n      invoicesAwaitingPosting\n      postingLatencySeconds\n      openExceptions\n      deadLetters\n      openDifferences\n      syncLag { consumer pending lagSeconds }\n      exceptionsByOwner { owner open oldestAgeSeconds }\n      workflowRuns { kind state count }\n    }\n  }\n": types.MetricsHealthDocument,
    "\n  mutation TestIssueInvoice($subscription: ID!) { issueInvoice(subscriptionId: $subscription) { id amountDue { amount } } }\n": types.TestIssueInvoiceDocument,
    "\n  mutation TestVoidInvoice($id: ID!) { voidInvoice(id: $id, reason: \"issued in error\") { status } }\n": types.TestVoidInvoiceDocument,
    "\n  mutation TestRecordPayment($input: RecordPaymentInput!) { recordPayment(input: $input) { id invoice { status } } }\n": types.TestRecordPaymentDocument,
    "\n  mutation TestRetryPosting($invoice: ID!) { retryPosting(invoiceId: $invoice) { posting { status } } }\n": types.TestRetryPostingDocument,
    "\n  mutation TestAmendContract($id: ID!, $input: AmendContractInput!) { amendContract(id: $id, input: $input) { seats } }\n": types.TestAmendContractDocument,
    "\n  query OpsConsoleTestReplays { auditTrail(filter: { operation: \"replayDeadLetter\" }) { nodes { actor outcome arguments } } }\n": types.OpsConsoleTestReplaysDocument,
    "\n  query OpsConsoleTestResolved { exceptions(status: RESOLVED, first: 200) { id correlationId status resolutionNote } }\n": types.OpsConsoleTestResolvedDocument,
    "\n  mutation PeriodClose($id: String!) { closePeriod(id: $id) { status } }\n": types.PeriodCloseDocument,
    "\n  mutation PeriodLock($id: String!) { lockPeriod(id: $id) { status } }\n": types.PeriodLockDocument,
    "\n  mutation PeriodReopen($id: String!, $reason: String!) { reopenPeriod(id: $id, reason: $reason) { status } }\n": types.PeriodReopenDocument,
    "\n  mutation PersistCreate($input: CreateCustomerInput!) { createCustomer(input: $input, idempotencyKey: \"persist-1\") { id } }\n": types.PersistCreateDocument,
    "\n  query PersistRead($id: ID!) { customer(id: $id) { id name balance { amount currency } health { score } } }\n": types.PersistReadDocument,
    "\n  mutation PropPay($input: RecordPaymentInput!, $key: String) { recordPayment(input: $input, idempotencyKey: $key) { id amount { amount currency } } }\n": types.PropPayDocument,
    "\n  mutation PropAmend($id: ID!, $input: AmendContractInput!, $key: String) { amendContract(id: $id, input: $input, idempotencyKey: $key) { id seats } }\n": types.PropAmendDocument,
    "\n  mutation PropVoid($id: ID!, $key: String) { voidInvoice(id: $id, reason: \"property test\", idempotencyKey: $key) { id status } }\n": types.PropVoidDocument,
    "\n  mutation PropIssue($subscription: ID!, $key: String) { issueInvoice(subscriptionId: $subscription, idempotencyKey: $key) { id total { amount currency } } }\n": types.PropIssueDocument,
    "\n  mutation PropClose($id: String!, $key: String) { closePeriod(id: $id, idempotencyKey: $key) { id status } }\n": types.PropCloseDocument,
    "\n  mutation PropLock($id: String!, $key: String) { lockPeriod(id: $id, idempotencyKey: $key) { id status } }\n": types.PropLockDocument,
    "\n  mutation PropReopen($id: String!, $key: String) { reopenPeriod(id: $id, reason: \"property test\", idempotencyKey: $key) { id status } }\n": types.PropReopenDocument,
    "\n  mutation PropRetry($invoice: ID!, $key: String) { retryPosting(invoiceId: $invoice, idempotencyKey: $key) { id posting { status } } }\n": types.PropRetryDocument,
    "\n  mutation PropReconcile { runReconciliation { id } }\n": types.PropReconcileDocument,
    "\n  query PropRuns { reconciliation { lastRuns { id status error } } }\n": types.PropRunsDocument,
    "\n  query PropLag { operationsHealth { syncLag { consumer pending } } }\n": types.PropLagDocument,
    "\n  query PropLedger { accountingPeriods { id } }\n": types.PropLedgerDocument,
    "\n  query PropTrialBalance($period: String!) { trialBalance(period: $period) { account debit { amount currency } credit { amount currency } } }\n": types.PropTrialBalanceDocument,
    "\n  query PropCustomer($id: ID!) {\n    customer(id: $id) {\n      id\n      balance { amount currency }\n      receivable { balance { amount currency } }\n      unappliedCash { amount currency }\n      creditNotes { total { amount currency } }\n      subscriptions { id status }\n      contracts { id seats quoteToCash { state exceptions { status owner kind } } }\n      invoices(first: 100) { id status total { amount currency } amountDue { amount currency } amountPaid { amount currency } posting { status amount { amount currency } } }\n      openExceptions { kind owner subject }\n    }\n  }\n": types.PropCustomerDocument,
    "\n  query ReconciliationState {\n    reconciliation(runs: 20) {\n      lastRuns { id trigger status customers invoices explained differences opened resolved error differencesByKind { kind owner count } }\n      openByKind { kind owner count }\n      trend { at differences }\n      openDifferences(first: 200) {\n        id kind owner status subject\n        difference { kind customer { id } left { system value amount currency } right { system value amount currency } subjectIds runId }\n      }\n    }\n    operationsHealth { openDifferences }\n  }\n": types.ReconciliationStateDocument,
    "\n  mutation ReconciliationRun($key: String) { runReconciliation(idempotencyKey: $key) { id status trigger } }\n": types.ReconciliationRunDocument,
    "\n  query ReconciliationResolved { exceptions(status: RESOLVED, first: 200) { id kind resolutionNote } }\n": types.ReconciliationResolvedDocument,
    "\n  query ReconciliationSeededRuns($after: String) {\n    customers(first: 100, after: $after) {\n      pageInfo { hasNextPage endCursor }\n      nodes { id contracts { id status quoteToCash { state exceptions { status owner } } } }\n    }\n  }\n": types.ReconciliationSeededRunsDocument,
    "\n  query ReconciliationSeatChangeFunnel($kind: String!) { workflowFunnel(kind: $kind) { runs completed } }\n": types.ReconciliationSeatChangeFunnelDocument,
    "\n  mutation SubscriptionsSetRenewalRisk($id: ID!, $risk: RenewalRisk!) { setRenewalRisk(id: $id, risk: $risk, reason: \"test\") { id risk } }\n": types.SubscriptionsSetRenewalRiskDocument,
    "\n  query SubscriptionsInvoiceDue($id: ID!) { invoice(id: $id) { amountDue { amount } } }\n": types.SubscriptionsInvoiceDueDocument,
    "\n  subscription SubscriptionsPaymentReceived($customerId: ID, $after: ID) {\n    paymentReceived(customerId: $customerId, after: $after) { eventId occurredAt correlationId payment { id } invoice { id } customer { id } }\n  }\n": types.SubscriptionsPaymentReceivedDocument,
    "\n  subscription SubscriptionsInvoiceStatusChanged($customerId: ID, $after: ID) {\n    invoiceStatusChanged(customerId: $customerId, after: $after) { eventId invoice { id status } previousStatus status }\n  }\n": types.SubscriptionsInvoiceStatusChangedDocument,
    "\n  subscription SubscriptionsBusinessEvents($types: [String!], $customerId: ID) {\n    businessEvents(types: $types, customerId: $customerId) { id type customer { id } data }\n  }\n": types.SubscriptionsBusinessEventsDocument,
    "\n  subscription SubscriptionsRenewalRiskChanged($customerId: ID) {\n    renewalRiskChanged(customerId: $customerId) { eventId renewal { id risk } previousRisk risk customer { id } }\n  }\n": types.SubscriptionsRenewalRiskChangedDocument,
    "\n  query SubscriptionsEventLog($types: [String!], $customerId: ID) { events(first: 200, types: $types, customerId: $customerId) { id type } }\n": types.SubscriptionsEventLogDocument,
    "\n  query TracingWorkflow($correlationId: ID!) { workflow(correlationId: $correlationId) { state } }\n": types.TracingWorkflowDocument,
    "\n  mutation CreateCustomer($input: CreateCustomerInput!, $key: String) {\n    createCustomer(input: $input, idempotencyKey: $key) { id name domain segment region currency accountOwner }\n  }\n": types.CreateCustomerDocument,
    "\n  mutation UpdateCustomer($id: ID!, $input: UpdateCustomerInput!) {\n    updateCustomer(id: $id, input: $input) { id name parent { id } }\n  }\n": types.UpdateCustomerDocument,
    "\n  mutation CreateOpportunity($input: CreateOpportunityInput!, $key: String) {\n    createOpportunity(input: $input, idempotencyKey: $key) { id stage amount { amount currency } }\n  }\n": types.CreateOpportunityDocument,
    "\n  mutation CloseWon($id: ID!, $startDate: Date!, $key: String) {\n    closeOpportunityWon(id: $id, startDate: $startDate, idempotencyKey: $key) { id number status startDate endDate seats value { amount } customer { id name } }\n  }\n": types.CloseWonDocument,
    "\n  mutation Amend($id: ID!, $input: AmendContractInput!) {\n    amendContract(id: $id, input: $input) { id seats value { amount } amendments { seatsDelta valueDelta { amount } } }\n  }\n": types.AmendDocument,
    "\n  mutation Terminate($id: ID!, $reason: String!) {\n    terminateContract(id: $id, reason: $reason) { id status terminationReason }\n  }\n": types.TerminateDocument,
    "\n  query CustomerCount($name: String) { customers(first: 0, filter: { nameContains: $name }) { totalCount } }\n": types.CustomerCountDocument,
    "\n  query Opportunities($id: ID!) { customer(id: $id) { opportunities { id } } }\n": types.OpportunitiesDocument,
    "\n  query Billable {\n    customers(first: 20) {\n      nodes {\n        id\n        subscriptions { id status seats unitPrice { amount } }\n        invoices(first: 50) { id status amountPaid { amount } amountDue { amount } }\n      }\n    }\n  }\n": types.BillableDocument,
    "\n  mutation IssueInvoice($subscription: ID!, $key: String) {\n    issueInvoice(subscriptionId: $subscription, idempotencyKey: $key) { id number status total { amount currency } amountDue { amount } lines { quantity amount { amount } } }\n  }\n": types.IssueInvoiceDocument,
    "\n  mutation RecordPayment($input: RecordPaymentInput!, $key: String) {\n    recordPayment(input: $input, idempotencyKey: $key) { id amount { amount } status invoice { id status amountPaid { amount } amountDue { amount } } }\n  }\n": types.RecordPaymentDocument,
    "\n  query InvoiceState($id: ID!) { invoice(id: $id) { id status total { amount } amountPaid { amount } amountDue { amount } payments { id amount { amount } } } }\n": types.InvoiceStateDocument,
    "\n  mutation VoidInvoice($id: ID!, $reason: String!) { voidInvoice(id: $id, reason: $reason) { id status } }\n": types.VoidInvoiceDocument,
    "\n  mutation CancelSubscription($id: ID!, $atPeriodEnd: Boolean) { cancelSubscription(id: $id, atPeriodEnd: $atPeriodEnd) { id status } }\n": types.CancelSubscriptionDocument,
    "\n  mutation ClosePeriod($id: String!, $key: String) { closePeriod(id: $id, idempotencyKey: $key) { id status closedAt } }\n": types.ClosePeriodDocument,
    "\n  mutation ReopenPeriod($id: String!, $reason: String!) { reopenPeriod(id: $id, reason: $reason) { id status } }\n": types.ReopenPeriodDocument,
    "\n  mutation RecordHealthSignal($input: HealthSignalInput!) { recordHealthSignal(input: $input) { id health { factors { name score } } } }\n": types.RecordHealthSignalDocument,
    "\n  mutation SetRenewalRisk($id: ID!, $risk: RenewalRisk!, $reason: String!) { setRenewalRisk(id: $id, risk: $risk, reason: $reason) { id risk riskReasons } }\n": types.SetRenewalRiskDocument,
    "\n  mutation CompleteMilestone($customer: ID!, $name: String!) { completeMilestone(customerId: $customer, name: $name) { status milestones { name status } } }\n": types.CompleteMilestoneDocument,
    "\n  query Renewals { renewalsDue(withinDays: 3650) { id customer { id } } }\n": types.RenewalsDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AccessOpenInvoice { invoices(first: 1, filter: { status: OPEN }) { nodes { id customer { id } } } }\n"): (typeof documents)["\n  query AccessOpenInvoice { invoices(first: 1, filter: { status: OPEN }) { nodes { id customer { id } } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AccessRecordPayment($invoice: ID!) { recordPayment(input: { invoiceId: $invoice, amount: \"0.01\", method: \"ach\" }) { id } }\n"): (typeof documents)["\n  mutation AccessRecordPayment($invoice: ID!) { recordPayment(input: { invoiceId: $invoice, amount: \"0.01\", method: \"ach\" }) { id } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AccessRevoke($sub: String!, $reason: String!, $key: String) {\n    revokeAccess(sub: $sub, reason: $reason, idempotencyKey: $key) { sub reason revokedBy revokedAt expiresAt }\n  }\n"): (typeof documents)["\n  mutation AccessRevoke($sub: String!, $reason: String!, $key: String) {\n    revokeAccess(sub: $sub, reason: $reason, idempotencyKey: $key) { sub reason revokedBy revokedAt expiresAt }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AccessCustomers { customers(first: 1) { totalCount } }\n"): (typeof documents)["\n  query AccessCustomers { customers(first: 1) { totalCount } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AccessCreateCustomer { createCustomer(input: { name: \"Refused Ltd\", segment: SMB, region: \"EMEA\", currency: \"EUR\" }) { id } }\n"): (typeof documents)["\n  mutation AccessCreateCustomer { createCustomer(input: { name: \"Refused Ltd\", segment: SMB, region: \"EMEA\", currency: \"EUR\" }) { id } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AccessAuditTrail($filter: AuditFilter) {\n    auditTrail(first: 50, filter: $filter) { nodes { system actor role correlationId operation arguments outcome at } }\n  }\n"): (typeof documents)["\n  query AccessAuditTrail($filter: AuditFilter) {\n    auditTrail(first: 50, filter: $filter) { nodes { system actor role correlationId operation arguments outcome at } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AccessContacts { customers(first: 2) { nodes { id contacts { email phone } } } }\n"): (typeof documents)["\n  query AccessContacts { customers(first: 2) { nodes { id contacts { email phone } } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription AccessPayments($c: ID, $after: ID) { paymentReceived(customerId: $c, after: $after) { eventId payment { id } } }\n"): (typeof documents)["\n  subscription AccessPayments($c: ID, $after: ID) { paymentReceived(customerId: $c, after: $after) { eventId payment { id } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuthCustomers { customers(first: 1) { totalCount } }\n"): (typeof documents)["\n  query AuthCustomers { customers(first: 1) { totalCount } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuthPeriods { accountingPeriods { id } }\n"): (typeof documents)["\n  query AuthPeriods { accountingPeriods { id } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuthRenewals { renewalsDue(withinDays: 3650) { id } }\n"): (typeof documents)["\n  query AuthRenewals { renewalsDue(withinDays: 3650) { id } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuthExceptions { exceptions(first: 1) { id } }\n"): (typeof documents)["\n  query AuthExceptions { exceptions(first: 1) { id } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuthInvoices { invoices(first: 1) { totalCount } }\n"): (typeof documents)["\n  query AuthInvoices { invoices(first: 1) { totalCount } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuthEventData { events(first: 1) { id data } }\n"): (typeof documents)["\n  query AuthEventData { events(first: 1) { id data } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuthMixed {\n    customers(first: 2) { nodes { id ...Renewing } }\n    accountingPeriods { id }\n  }\n  fragment Renewing on Customer { name renewals { id } }\n"): (typeof documents)["\n  query AuthMixed {\n    customers(first: 2) { nodes { id ...Renewing } }\n    accountingPeriods { id }\n  }\n  fragment Renewing on Customer { name renewals { id } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuthContacts { customers(first: 5) { nodes { contacts { email phone } } } }\n"): (typeof documents)["\n  query AuthContacts { customers(first: 5) { nodes { contacts { email phone } } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuthOpenInvoice { invoices(first: 1, filter: { status: OPEN }) { nodes { id } } }\n"): (typeof documents)["\n  query AuthOpenInvoice { invoices(first: 1, filter: { status: OPEN }) { nodes { id } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AuthCreateCustomer($name: String!) { createCustomer(input: { name: $name, segment: SMB, region: \"EMEA\", currency: \"EUR\" }) { id } }\n"): (typeof documents)["\n  mutation AuthCreateCustomer($name: String!) { createCustomer(input: { name: $name, segment: SMB, region: \"EMEA\", currency: \"EUR\" }) { id } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuthCustomersNamed($name: String!) { customers(filter: { nameContains: $name }) { totalCount } }\n"): (typeof documents)["\n  query AuthCustomersNamed($name: String!) { customers(filter: { nameContains: $name }) { totalCount } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AuthRecordPayment($invoice: ID!) { recordPayment(input: { invoiceId: $invoice, amount: \"0.01\", method: \"ach\" }) { id } }\n"): (typeof documents)["\n  mutation AuthRecordPayment($invoice: ID!) { recordPayment(input: { invoiceId: $invoice, amount: \"0.01\", method: \"ach\" }) { id } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AuthClosePeriod($id: String!) { closePeriod(id: $id) { id status } }\n"): (typeof documents)["\n  mutation AuthClosePeriod($id: String!) { closePeriod(id: $id) { id status } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AuthSetRisk($id: ID!, $risk: RenewalRisk!) { setRenewalRisk(id: $id, risk: $risk, reason: \"auth test\") { id } }\n"): (typeof documents)["\n  mutation AuthSetRisk($id: ID!, $risk: RenewalRisk!) { setRenewalRisk(id: $id, risk: $risk, reason: \"auth test\") { id } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AuthResolveException { resolveException(id: \"exc_missing\", note: \"auth test\") { id } }\n"): (typeof documents)["\n  mutation AuthResolveException { resolveException(id: \"exc_missing\", note: \"auth test\") { id } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuthAuditTrail($filter: AuditFilter) {\n    auditTrail(first: 10, filter: $filter) { nodes { id system actor role correlationId operation arguments outcome at } pageInfo { hasNextPage endCursor } }\n  }\n"): (typeof documents)["\n  query AuthAuditTrail($filter: AuditFilter) {\n    auditTrail(first: 10, filter: $filter) { nodes { id system actor role correlationId operation arguments outcome at } pageInfo { hasNextPage endCursor } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AuthUpdateOwner($id: ID!, $owner: String!) { updateCustomer(id: $id, input: { accountOwner: $owner }) { id } }\n"): (typeof documents)["\n  mutation AuthUpdateOwner($id: ID!, $owner: String!) { updateCustomer(id: $id, input: { accountOwner: $owner }) { id } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query BooksCustomer($id: ID!) {\n    customer(id: $id) {\n      balance { amount currency }\n      receivable { balance { amount currency } aging { current { amount } } }\n      unappliedCash { amount currency }\n      subscriptions { seats }\n      creditNotes { id number total { amount currency } subtotal { amount } tax { amount } }\n      invoices(first: 20) { id status total { amount } amountDue { amount } posting { status period } }\n    }\n  }\n"): (typeof documents)["\n  query BooksCustomer($id: ID!) {\n    customer(id: $id) {\n      balance { amount currency }\n      receivable { balance { amount currency } aging { current { amount } } }\n      unappliedCash { amount currency }\n      subscriptions { seats }\n      creditNotes { id number total { amount currency } subtotal { amount } tax { amount } }\n      invoices(first: 20) { id status total { amount } amountDue { amount } posting { status period } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query BooksEntries($source: ID!) {\n    journalEntries(first: 10, sourceId: $source) { nodes { source date period lines { account debit { amount } credit { amount } } } }\n  }\n"): (typeof documents)["\n  query BooksEntries($source: ID!) {\n    journalEntries(first: 10, sourceId: $source) { nodes { source date period lines { account debit { amount } credit { amount } } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query BooksPayments($id: ID!) { customer(id: $id) { payments { id } subscriptions { id } } }\n"): (typeof documents)["\n  query BooksPayments($id: ID!) { customer(id: $id) { payments { id } subscriptions { id } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query BooksWorkflow($correlationId: ID!) { workflow(correlationId: $correlationId) { kind state steps { name completedAt } } }\n"): (typeof documents)["\n  query BooksWorkflow($correlationId: ID!) { workflow(correlationId: $correlationId) { kind state steps { name completedAt } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query BooksDeadLetters { deadLetters { id } }\n"): (typeof documents)["\n  query BooksDeadLetters { deadLetters { id } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CacheCustomers {\n    customers(first: 20) {\n      nodes {\n        id\n        name\n        contracts { id status seats startDate endDate renewal { id risk } }\n        invoices(first: 20) { id status amountDue { amount } }\n      }\n    }\n  }\n"): (typeof documents)["\n  query CacheCustomers {\n    customers(first: 20) {\n      nodes {\n        id\n        name\n        contracts { id status seats startDate endDate renewal { id risk } }\n        invoices(first: 20) { id status amountDue { amount } }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CacheCustomerView($id: ID!) {\n    customer(id: $id) {\n      name\n      contracts { id seats renewal { id risk } }\n      invoices(first: 50) { id amountPaid { amount } }\n      subscriptions { id seats }\n      health { factors { name score } }\n      renewals { id risk }\n    }\n  }\n"): (typeof documents)["\n  query CacheCustomerView($id: ID!) {\n    customer(id: $id) {\n      name\n      contracts { id seats renewal { id risk } }\n      invoices(first: 50) { id amountPaid { amount } }\n      subscriptions { id seats }\n      health { factors { name score } }\n      renewals { id risk }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CacheContract($id: ID!) {\n    contract(id: $id) { id seats customer { id name } renewal { id risk } subscription { id seats } }\n  }\n"): (typeof documents)["\n  query CacheContract($id: ID!) {\n    contract(id: $id) { id seats customer { id name } renewal { id risk } subscription { id seats } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CacheInvoice($id: ID!) {\n    invoice(id: $id) { id amountPaid { amount } customer { id name } }\n  }\n"): (typeof documents)["\n  query CacheInvoice($id: ID!) {\n    invoice(id: $id) { id amountPaid { amount } customer { id name } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CacheRenewal($id: ID!) {\n    renewal(id: $id) { id risk customer { id name } }\n  }\n"): (typeof documents)["\n  query CacheRenewal($id: ID!) {\n    renewal(id: $id) { id risk customer { id name } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CacheRename($id: ID!, $input: UpdateCustomerInput!) { updateCustomer(id: $id, input: $input) { name } }\n"): (typeof documents)["\n  mutation CacheRename($id: ID!, $input: UpdateCustomerInput!) { updateCustomer(id: $id, input: $input) { name } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CacheAmend($id: ID!, $input: AmendContractInput!) { amendContract(id: $id, input: $input) { seats } }\n"): (typeof documents)["\n  mutation CacheAmend($id: ID!, $input: AmendContractInput!) { amendContract(id: $id, input: $input) { seats } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CachePay($input: RecordPaymentInput!) { recordPayment(input: $input) { invoice { amountPaid { amount } } } }\n"): (typeof documents)["\n  mutation CachePay($input: RecordPaymentInput!) { recordPayment(input: $input) { invoice { amountPaid { amount } } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CacheSignal($input: HealthSignalInput!) { recordHealthSignal(input: $input) { health { factors { name score } } } }\n"): (typeof documents)["\n  mutation CacheSignal($input: HealthSignalInput!) { recordHealthSignal(input: $input) { health { factors { name score } } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DealCreateCustomer($input: CreateCustomerInput!) { createCustomer(input: $input) { id } }\n"): (typeof documents)["\n  mutation DealCreateCustomer($input: CreateCustomerInput!) { createCustomer(input: $input) { id } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DealCreateOpportunity($input: CreateOpportunityInput!) { createOpportunity(input: $input) { id } }\n"): (typeof documents)["\n  mutation DealCreateOpportunity($input: CreateOpportunityInput!) { createOpportunity(input: $input) { id } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DealCloseWon($id: ID!, $startDate: Date!) { closeOpportunityWon(id: $id, startDate: $startDate) { id number endDate } }\n"): (typeof documents)["\n  mutation DealCloseWon($id: ID!, $startDate: Date!) { closeOpportunityWon(id: $id, startDate: $startDate) { id number endDate } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DealFirstInvoice($id: ID!) { customer(id: $id) { invoices(first: 1) { id posting { status } } } }\n"): (typeof documents)["\n  query DealFirstInvoice($id: ID!) { customer(id: $id) { invoices(first: 1) { id posting { status } } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DeprecatedOwners { customers(first: 2) { nodes { id accountOwner } } }\n"): (typeof documents)["\n  query DeprecatedOwners { customers(first: 2) { nodes { id accountOwner } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DeprecatedOwnersByFragment { customers(first: 1) { nodes { ...DeprecatedOwner } } }\n  fragment DeprecatedOwner on Customer { accountOwner }\n"): (typeof documents)["\n  query DeprecatedOwnersByFragment { customers(first: 1) { nodes { ...DeprecatedOwner } } }\n  fragment DeprecatedOwner on Customer { accountOwner }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DeprecatedNone { customers(first: 1) { nodes { name } } }\n"): (typeof documents)["\n  query DeprecatedNone { customers(first: 1) { nodes { name } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DeprecatedUsage($field: String) { deprecatedUsage(field: $field) { client operation field count firstSeenAt lastSeenAt } }\n"): (typeof documents)["\n  query DeprecatedUsage($field: String) { deprecatedUsage(field: $field) { client operation field count firstSeenAt lastSeenAt } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query BrokerCustomers { customers(first: 20) { nodes { id subscriptions { id status } } } }\n"): (typeof documents)["\n  query BrokerCustomers { customers(first: 20) { nodes { id subscriptions { id status } } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query BrokerFirstCustomer { customers(first: 1) { nodes { id name } } }\n"): (typeof documents)["\n  query BrokerFirstCustomer { customers(first: 1) { nodes { id name } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query BrokerCustomerView($id: ID!) {\n    customer(id: $id) {\n      id\n      name\n      subscriptions { id status }\n      invoices(first: 5) { id status posting { status } }\n      balance { amount }\n      receivable { balance { amount } }\n      health { score }\n    }\n  }\n"): (typeof documents)["\n  query BrokerCustomerView($id: ID!) {\n    customer(id: $id) {\n      id\n      name\n      subscriptions { id status }\n      invoices(first: 5) { id status posting { status } }\n      balance { amount }\n      receivable { balance { amount } }\n      health { score }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation BrokerIssue($subscription: ID!, $key: String) { issueInvoice(subscriptionId: $subscription, idempotencyKey: $key) { id } }\n"): (typeof documents)["\n  mutation BrokerIssue($subscription: ID!, $key: String) { issueInvoice(subscriptionId: $subscription, idempotencyKey: $key) { id } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation BrokerOpenDeal($input: CreateOpportunityInput!, $key: String) { createOpportunity(input: $input, idempotencyKey: $key) { id } }\n"): (typeof documents)["\n  mutation BrokerOpenDeal($input: CreateOpportunityInput!, $key: String) { createOpportunity(input: $input, idempotencyKey: $key) { id } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation BrokerCloseWon($id: ID!, $startDate: Date!, $key: String) { closeOpportunityWon(id: $id, startDate: $startDate, idempotencyKey: $key) { id } }\n"): (typeof documents)["\n  mutation BrokerCloseWon($id: ID!, $startDate: Date!, $key: String) { closeOpportunityWon(id: $id, startDate: $startDate, idempotencyKey: $key) { id } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query BrokerInvoiceEffects($source: ID!) { journalEntries(first: 5, sourceId: $source) { totalCount } }\n"): (typeof documents)["\n  query BrokerInvoiceEffects($source: ID!) { journalEntries(first: 5, sourceId: $source) { totalCount } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query BrokerSaleEffects($id: ID!) {\n    contract(id: $id) {\n      quoteToCash { state }\n      subscription { invoices { id posting { status } } }\n    }\n  }\n"): (typeof documents)["\n  query BrokerSaleEffects($id: ID!) {\n    contract(id: $id) {\n      quoteToCash { state }\n      subscription { invoices { id posting { status } } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query BrokerDeadLetters { deadLetters(first: 200) { id consumer error } }\n"): (typeof documents)["\n  query BrokerDeadLetters { deadLetters(first: 200) { id consumer error } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query BrokerTrialBalance($period: String!) { trialBalance(period: $period) { debit { amount } credit { amount } } }\n"): (typeof documents)["\n  query BrokerTrialBalance($period: String!) { trialBalance(period: $period) { debit { amount } credit { amount } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DistributedSubscriptions { customers(first: 20) { nodes { subscriptions { id status } } } }\n"): (typeof documents)["\n  query DistributedSubscriptions { customers(first: 20) { nodes { subscriptions { id status } } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DistributedIssue($subscription: ID!, $key: String) { issueInvoice(subscriptionId: $subscription, idempotencyKey: $key) { id issuedAt } }\n"): (typeof documents)["\n  mutation DistributedIssue($subscription: ID!, $key: String) { issueInvoice(subscriptionId: $subscription, idempotencyKey: $key) { id issuedAt } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DistributedEntries($source: ID!) { journalEntries(first: 5, sourceId: $source) { totalCount } }\n"): (typeof documents)["\n  query DistributedEntries($source: ID!) { journalEntries(first: 5, sourceId: $source) { totalCount } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DistributedTrialBalance($period: String!) { trialBalance(period: $period) { debit { amount } credit { amount } } }\n"): (typeof documents)["\n  query DistributedTrialBalance($period: String!) { trialBalance(period: $period) { debit { amount } credit { amount } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DistributedOpenInvoices { invoices(first: 5, filter: { status: OPEN }) { nodes { id customer { id } amountDue { amount } } } }\n"): (typeof documents)["\n  query DistributedOpenInvoices { invoices(first: 5, filter: { status: OPEN }) { nodes { id customer { id } amountDue { amount } } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DistributedPay($input: RecordPaymentInput!) { recordPayment(input: $input) { id } }\n"): (typeof documents)["\n  mutation DistributedPay($input: RecordPaymentInput!) { recordPayment(input: $input) { id } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CacheInvoicePosting($id: ID!) {\n    invoice(id: $id) { id posting { status } }\n  }\n"): (typeof documents)["\n  query CacheInvoicePosting($id: ID!) {\n    invoice(id: $id) { id posting { status } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CacheContacts($id: ID!) {\n    customer(id: $id) { contacts { email } }\n  }\n"): (typeof documents)["\n  query CacheContacts($id: ID!) {\n    customer(id: $id) { contacts { email } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query EventsWorkflow($correlationId: ID!) {\n    workflow(correlationId: $correlationId) {\n      kind state correlationId\n      steps { name system completedAt eventId }\n      exceptions { kind owner status message }\n    }\n  }\n"): (typeof documents)["\n  query EventsWorkflow($correlationId: ID!) {\n    workflow(correlationId: $correlationId) {\n      kind state correlationId\n      steps { name system completedAt eventId }\n      exceptions { kind owner status message }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query EventsFunnel { workflowFunnel { kind runs inProgress completed exception steps { name system completed } } }\n"): (typeof documents)["\n  query EventsFunnel { workflowFunnel { kind runs inProgress completed exception steps { name system completed } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query EventsRuns($kind: String, $state: WorkflowState) { workflows(kind: $kind, state: $state, first: 200) { correlationId kind state } }\n"): (typeof documents)["\n  query EventsRuns($kind: String, $state: WorkflowState) { workflows(kind: $kind, state: $state, first: 200) { correlationId kind state } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query EventsCustomerView($id: ID!) {\n    customer(id: $id) {\n      id\n      contracts { id quoteToCash { state } renewal { renewalDate stage } }\n      subscriptions { id status seats }\n      invoices(first: 20) {\n        id number status total { amount currency } amountDue { amount }\n        posting { status period rejectionReason journalEntry { correlationId source lines { account debit { amount } credit { amount } } } }\n      }\n      onboarding { status milestones { name } }\n      renewals { id risk }\n      events(first: 50) { type source correlationId }\n      openExceptions { kind subject }\n    }\n  }\n"): (typeof documents)["\n  query EventsCustomerView($id: ID!) {\n    customer(id: $id) {\n      id\n      contracts { id quoteToCash { state } renewal { renewalDate stage } }\n      subscriptions { id status seats }\n      invoices(first: 20) {\n        id number status total { amount currency } amountDue { amount }\n        posting { status period rejectionReason journalEntry { correlationId source lines { account debit { amount } credit { amount } } } }\n      }\n      onboarding { status milestones { name } }\n      renewals { id risk }\n      events(first: 50) { type source correlationId }\n      openExceptions { kind subject }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query EventsExceptions { exceptions(status: OPEN, owner: \"finance-ops\") { id kind subject owner status correlationId } }\n"): (typeof documents)["\n  query EventsExceptions { exceptions(status: OPEN, owner: \"finance-ops\") { id kind subject owner status correlationId } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query EventsEntries($source: ID!) { journalEntries(first: 10, sourceId: $source) { nodes { source correlationId lines { account debit { amount } credit { amount } } } } }\n"): (typeof documents)["\n  query EventsEntries($source: ID!) { journalEntries(first: 10, sourceId: $source) { nodes { source correlationId lines { account debit { amount } credit { amount } } } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query EventsDeadLetters { deadLetters { id consumer attempts error status event { id type } } }\n"): (typeof documents)["\n  query EventsDeadLetters { deadLetters { id consumer attempts error status event { id type } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EventsReplay($id: ID!) { replayDeadLetter(id: $id) { id status } }\n"): (typeof documents)["\n  mutation EventsReplay($id: ID!) { replayDeadLetter(id: $id) { id status } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query EventsHealth { operationsHealth { invoicesAwaitingPosting openExceptions deadLetters postingLatencySeconds syncLag { consumer pending } } }\n"): (typeof documents)["\n  query EventsHealth { operationsHealth { invoicesAwaitingPosting openExceptions deadLetters postingLatencySeconds syncLag { consumer pending } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query EventsOverdue { invoices(first: 100, filter: { overdue: true }) { nodes { id customer { id renewals { id stage } } } } }\n"): (typeof documents)["\n  query EventsOverdue { invoices(first: 100, filter: { overdue: true }) { nodes { id customer { id renewals { id stage } } } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query EventsStanding($id: ID!) {\n    customer(id: $id) {\n      overdueAmount { amount }\n      invoices(first: 100, status: OPEN) { id dueDate amountDue { amount } }\n      health { score factors { name score } }\n      renewals { id stage risk riskReasons }\n      events(first: 50, types: [\"renewal.risk_changed\", \"health.changed\"]) { type data }\n    }\n  }\n"): (typeof documents)["\n  query EventsStanding($id: ID!) {\n    customer(id: $id) {\n      overdueAmount { amount }\n      invoices(first: 100, status: OPEN) { id dueDate amountDue { amount } }\n      health { score factors { name score } }\n      renewals { id stage risk riskReasons }\n      events(first: 50, types: [\"renewal.risk_changed\", \"health.changed\"]) { type data }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EventsSignal($input: HealthSignalInput!) { recordHealthSignal(input: $input) { id } }\n"): (typeof documents)["\n  mutation EventsSignal($input: HealthSignalInput!) { recordHealthSignal(input: $input) { id } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EventsRisk($id: ID!) { setRenewalRisk(id: $id, risk: HIGH, reason: \"overdue invoices\") { risk } }\n"): (typeof documents)["\n  mutation EventsRisk($id: ID!) { setRenewalRisk(id: $id, risk: HIGH, reason: \"overdue invoices\") { risk } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query FuzzSetup {\n    customers(first: 1) { nodes { id } }\n    invoices(first: 1, filter: { status: OPEN }) { nodes { id } }\n  }\n"): (typeof documents)["\n  query FuzzSetup {\n    customers(first: 1) { nodes { id } }\n    invoices(first: 1, filter: { status: OPEN }) { nodes { id } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query FuzzSnapshot($customer: ID!, $invoice: ID!) {\n    customers(first: 0) { totalCount }\n    customer(id: $customer) {\n      name domain segment region accountOwner\n      opportunities { id }\n      health { factors { name score } }\n      onboarding { milestones { name status } }\n    }\n    invoice(id: $invoice) { status amountPaid { amount } payments { id } }\n  }\n"): (typeof documents)["\n  query FuzzSnapshot($customer: ID!, $invoice: ID!) {\n    customers(first: 0) { totalCount }\n    customer(id: $customer) {\n      name domain segment region accountOwner\n      opportunities { id }\n      health { factors { name score } }\n      onboarding { milestones { name status } }\n    }\n    invoice(id: $invoice) { status amountPaid { amount } payments { id } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CustomerPage($first: Int!, $after: String) {\n    customers(first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      nodes {\n        id name domain segment region currency accountOwner createdAt updatedAt\n        parent { id name }\n        children { id name }\n        contacts { id name email phone title primary customer { id } }\n        opportunities { id name stage amount { amount currency } planCode seats termMonths billingInterval closeDate contract { id } customer { id } }\n        contracts {\n          id number status planCode seats startDate endDate termMonths billingInterval terminationReason\n          unitPrice { amount currency } value { amount currency }\n          amendments { id effectiveDate seatsDelta valueDelta { amount currency } reason createdAt }\n          opportunity { id }\n          customer { id }\n          subscription { id }\n          renewal { id }\n          quoteToCash { id kind state correlationId startedAt updatedAt steps { name system completedAt eventId } exceptions { id } }\n        }\n        subscriptions {\n          id planCode seats status interval currentPeriodStart currentPeriodEnd\n          unitPrice { amount currency } mrr { amount currency }\n          customer { id } contract { id } invoices { id }\n        }\n        invoices(first: 100) {\n          id number status issuedAt dueDate\n          subtotal { amount currency } tax { amount currency } total { amount currency }\n          amountPaid { amount currency } amountDue { amount currency }\n          lines { description quantity unitPrice { amount currency } amount { amount currency } periodStart periodEnd }\n          payments { id }\n          customer { id }\n          subscription { id }\n          posting {\n            status period postedAt rejectionReason attempts\n            journalEntry { id number date period source sourceId correlationId lines { account debit { amount currency } credit { amount currency } } }\n          }\n        }\n        payments(first: 100) { id amount { amount currency } method reference status receivedAt invoice { id } customer { id } }\n        balance { amount currency }\n        creditNotes { total { amount } }\n        overdueAmount { amount currency }\n        mrr { amount currency }\n        receivable {\n          balance { amount currency }\n          aging { current { amount currency } days1to30 { amount currency } days31to60 { amount currency } days61to90 { amount currency } over90 { amount currency } }\n        }\n        creditLimit { amount currency }\n        csm\n        health { score grade trend updatedAt factors { name score weight } }\n        renewals { id renewalDate stage risk riskReasons forecastArr { amount currency } customer { id } contract { id } }\n        onboarding { status milestones { name status dueDate completedAt } }\n        events(first: 5) { id type source subject occurredAt correlationId causationId data customer { id } }\n        openExceptions { id kind system owner priority status message subject correlationId openedAt ageSeconds }\n      }\n    }\n  }\n"): (typeof documents)["\n  query CustomerPage($first: Int!, $after: String) {\n    customers(first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      nodes {\n        id name domain segment region currency accountOwner createdAt updatedAt\n        parent { id name }\n        children { id name }\n        contacts { id name email phone title primary customer { id } }\n        opportunities { id name stage amount { amount currency } planCode seats termMonths billingInterval closeDate contract { id } customer { id } }\n        contracts {\n          id number status planCode seats startDate endDate termMonths billingInterval terminationReason\n          unitPrice { amount currency } value { amount currency }\n          amendments { id effectiveDate seatsDelta valueDelta { amount currency } reason createdAt }\n          opportunity { id }\n          customer { id }\n          subscription { id }\n          renewal { id }\n          quoteToCash { id kind state correlationId startedAt updatedAt steps { name system completedAt eventId } exceptions { id } }\n        }\n        subscriptions {\n          id planCode seats status interval currentPeriodStart currentPeriodEnd\n          unitPrice { amount currency } mrr { amount currency }\n          customer { id } contract { id } invoices { id }\n        }\n        invoices(first: 100) {\n          id number status issuedAt dueDate\n          subtotal { amount currency } tax { amount currency } total { amount currency }\n          amountPaid { amount currency } amountDue { amount currency }\n          lines { description quantity unitPrice { amount currency } amount { amount currency } periodStart periodEnd }\n          payments { id }\n          customer { id }\n          subscription { id }\n          posting {\n            status period postedAt rejectionReason attempts\n            journalEntry { id number date period source sourceId correlationId lines { account debit { amount currency } credit { amount currency } } }\n          }\n        }\n        payments(first: 100) { id amount { amount currency } method reference status receivedAt invoice { id } customer { id } }\n        balance { amount currency }\n        creditNotes { total { amount } }\n        overdueAmount { amount currency }\n        mrr { amount currency }\n        receivable {\n          balance { amount currency }\n          aging { current { amount currency } days1to30 { amount currency } days31to60 { amount currency } days61to90 { amount currency } over90 { amount currency } }\n        }\n        creditLimit { amount currency }\n        csm\n        health { score grade trend updatedAt factors { name score weight } }\n        renewals { id renewalDate stage risk riskReasons forecastArr { amount currency } customer { id } contract { id } }\n        onboarding { status milestones { name status dueDate completedAt } }\n        events(first: 5) { id type source subject occurredAt correlationId causationId data customer { id } }\n        openExceptions { id kind system owner priority status message subject correlationId openedAt ageSeconds }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RootFields($customer: ID!, $contract: ID!, $opportunity: ID!, $invoice: ID!, $subscription: ID!, $payment: ID!, $renewal: ID!, $period: String!) {\n    customer(id: $customer) { id name }\n    contract(id: $contract) { id number }\n    opportunity(id: $opportunity) { id name }\n    invoice(id: $invoice) { id number customer { name } posting { status } }\n    subscription(id: $subscription) { id planCode }\n    payment(id: $payment) { id method }\n    renewal(id: $renewal) { id risk }\n    renewalsDue(withinDays: 365) { id renewalDate stage risk customer { name } contract { number } }\n    invoices(first: 5, filter: { overdue: true }) { totalCount pageInfo { hasNextPage endCursor } nodes { id number dueDate amountDue { amount currency } status } }\n    journalEntries(first: 5, period: $period) { totalCount pageInfo { hasNextPage endCursor } nodes { id number period lines { account debit { amount } credit { amount } } } }\n    accountingPeriods { id status closedAt }\n    trialBalance(period: $period) { account debit { amount currency } credit { amount currency } }\n  }\n"): (typeof documents)["\n  query RootFields($customer: ID!, $contract: ID!, $opportunity: ID!, $invoice: ID!, $subscription: ID!, $payment: ID!, $renewal: ID!, $period: String!) {\n    customer(id: $customer) { id name }\n    contract(id: $contract) { id number }\n    opportunity(id: $opportunity) { id name }\n    invoice(id: $invoice) { id number customer { name } posting { status } }\n    subscription(id: $subscription) { id planCode }\n    payment(id: $payment) { id method }\n    renewal(id: $renewal) { id risk }\n    renewalsDue(withinDays: 365) { id renewalDate stage risk customer { name } contract { number } }\n    invoices(first: 5, filter: { overdue: true }) { totalCount pageInfo { hasNextPage endCursor } nodes { id number dueDate amountDue { amount currency } status } }\n    journalEntries(first: 5, period: $period) { totalCount pageInfo { hasNextPage endCursor } nodes { id number period lines { account debit { amount } credit { amount } } } }\n    accountingPeriods { id status closedAt }\n    trialBalance(period: $period) { account debit { amount currency } credit { amount currency } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Customer360($id: ID!) {\n    customer(id: $id) {\n      id name\n      contracts { number renewal { renewalDate risk } }\n      subscriptions { planCode status }\n      invoices(first: 5) { number amountDue { amount } posting { status period } }\n      overdueAmount { amount }\n      health { score grade }\n      renewals { renewalDate risk }\n    }\n  }\n"): (typeof documents)["\n  query Customer360($id: ID!) {\n    customer(id: $id) {\n      id name\n      contracts { number renewal { renewalDate risk } }\n      subscriptions { planCode status }\n      invoices(first: 5) { number amountDue { amount } posting { status period } }\n      overdueAmount { amount }\n      health { score grade }\n      renewals { renewalDate risk }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MetricsCustomers { customers(first: 2) { nodes { id name } } }\n"): (typeof documents)["\n  query MetricsCustomers { customers(first: 2) { nodes { id name } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MetricsHealth {\n    operationsHealth {\n      invoicesAwaitingPosting\n      postingLatencySeconds\n      openExceptions\n      deadLetters\n      openDifferences\n      syncLag { consumer pending lagSeconds }\n      exceptionsByOwner { owner open oldestAgeSeconds }\n      workflowRuns { kind state count }\n    }\n  }\n"): (typeof documents)["\n  query MetricsHealth {\n    operationsHealth {\n      invoicesAwaitingPosting\n      postingLatencySeconds\n      openExceptions\n      deadLetters\n      openDifferences\n      syncLag { consumer pending lagSeconds }\n      exceptionsByOwner { owner open oldestAgeSeconds }\n      workflowRuns { kind state count }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TestIssueInvoice($subscription: ID!) { issueInvoice(subscriptionId: $subscription) { id amountDue { amount } } }\n"): (typeof documents)["\n  mutation TestIssueInvoice($subscription: ID!) { issueInvoice(subscriptionId: $subscription) { id amountDue { amount } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TestVoidInvoice($id: ID!) { voidInvoice(id: $id, reason: \"issued in error\") { status } }\n"): (typeof documents)["\n  mutation TestVoidInvoice($id: ID!) { voidInvoice(id: $id, reason: \"issued in error\") { status } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TestRecordPayment($input: RecordPaymentInput!) { recordPayment(input: $input) { id invoice { status } } }\n"): (typeof documents)["\n  mutation TestRecordPayment($input: RecordPaymentInput!) { recordPayment(input: $input) { id invoice { status } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TestRetryPosting($invoice: ID!) { retryPosting(invoiceId: $invoice) { posting { status } } }\n"): (typeof documents)["\n  mutation TestRetryPosting($invoice: ID!) { retryPosting(invoiceId: $invoice) { posting { status } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TestAmendContract($id: ID!, $input: AmendContractInput!) { amendContract(id: $id, input: $input) { seats } }\n"): (typeof documents)["\n  mutation TestAmendContract($id: ID!, $input: AmendContractInput!) { amendContract(id: $id, input: $input) { seats } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OpsConsoleTestReplays { auditTrail(filter: { operation: \"replayDeadLetter\" }) { nodes { actor outcome arguments } } }\n"): (typeof documents)["\n  query OpsConsoleTestReplays { auditTrail(filter: { operation: \"replayDeadLetter\" }) { nodes { actor outcome arguments } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OpsConsoleTestResolved { exceptions(status: RESOLVED, first: 200) { id correlationId status resolutionNote } }\n"): (typeof documents)["\n  query OpsConsoleTestResolved { exceptions(status: RESOLVED, first: 200) { id correlationId status resolutionNote } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PeriodClose($id: String!) { closePeriod(id: $id) { status } }\n"): (typeof documents)["\n  mutation PeriodClose($id: String!) { closePeriod(id: $id) { status } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PeriodLock($id: String!) { lockPeriod(id: $id) { status } }\n"): (typeof documents)["\n  mutation PeriodLock($id: String!) { lockPeriod(id: $id) { status } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PeriodReopen($id: String!, $reason: String!) { reopenPeriod(id: $id, reason: $reason) { status } }\n"): (typeof documents)["\n  mutation PeriodReopen($id: String!, $reason: String!) { reopenPeriod(id: $id, reason: $reason) { status } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PersistCreate($input: CreateCustomerInput!) { createCustomer(input: $input, idempotencyKey: \"persist-1\") { id } }\n"): (typeof documents)["\n  mutation PersistCreate($input: CreateCustomerInput!) { createCustomer(input: $input, idempotencyKey: \"persist-1\") { id } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PersistRead($id: ID!) { customer(id: $id) { id name balance { amount currency } health { score } } }\n"): (typeof documents)["\n  query PersistRead($id: ID!) { customer(id: $id) { id name balance { amount currency } health { score } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PropPay($input: RecordPaymentInput!, $key: String) { recordPayment(input: $input, idempotencyKey: $key) { id amount { amount currency } } }\n"): (typeof documents)["\n  mutation PropPay($input: RecordPaymentInput!, $key: String) { recordPayment(input: $input, idempotencyKey: $key) { id amount { amount currency } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PropAmend($id: ID!, $input: AmendContractInput!, $key: String) { amendContract(id: $id, input: $input, idempotencyKey: $key) { id seats } }\n"): (typeof documents)["\n  mutation PropAmend($id: ID!, $input: AmendContractInput!, $key: String) { amendContract(id: $id, input: $input, idempotencyKey: $key) { id seats } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PropVoid($id: ID!, $key: String) { voidInvoice(id: $id, reason: \"property test\", idempotencyKey: $key) { id status } }\n"): (typeof documents)["\n  mutation PropVoid($id: ID!, $key: String) { voidInvoice(id: $id, reason: \"property test\", idempotencyKey: $key) { id status } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PropIssue($subscription: ID!, $key: String) { issueInvoice(subscriptionId: $subscription, idempotencyKey: $key) { id total { amount currency } } }\n"): (typeof documents)["\n  mutation PropIssue($subscription: ID!, $key: String) { issueInvoice(subscriptionId: $subscription, idempotencyKey: $key) { id total { amount currency } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PropClose($id: String!, $key: String) { closePeriod(id: $id, idempotencyKey: $key) { id status } }\n"): (typeof documents)["\n  mutation PropClose($id: String!, $key: String) { closePeriod(id: $id, idempotencyKey: $key) { id status } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PropLock($id: String!, $key: String) { lockPeriod(id: $id, idempotencyKey: $key) { id status } }\n"): (typeof documents)["\n  mutation PropLock($id: String!, $key: String) { lockPeriod(id: $id, idempotencyKey: $key) { id status } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PropReopen($id: String!, $key: String) { reopenPeriod(id: $id, reason: \"property test\", idempotencyKey: $key) { id status } }\n"): (typeof documents)["\n  mutation PropReopen($id: String!, $key: String) { reopenPeriod(id: $id, reason: \"property test\", idempotencyKey: $key) { id status } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PropRetry($invoice: ID!, $key: String) { retryPosting(invoiceId: $invoice, idempotencyKey: $key) { id posting { status } } }\n"): (typeof documents)["\n  mutation PropRetry($invoice: ID!, $key: String) { retryPosting(invoiceId: $invoice, idempotencyKey: $key) { id posting { status } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PropReconcile { runReconciliation { id } }\n"): (typeof documents)["\n  mutation PropReconcile { runReconciliation { id } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PropRuns { reconciliation { lastRuns { id status error } } }\n"): (typeof documents)["\n  query PropRuns { reconciliation { lastRuns { id status error } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PropLag { operationsHealth { syncLag { consumer pending } } }\n"): (typeof documents)["\n  query PropLag { operationsHealth { syncLag { consumer pending } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PropLedger { accountingPeriods { id } }\n"): (typeof documents)["\n  query PropLedger { accountingPeriods { id } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PropTrialBalance($period: String!) { trialBalance(period: $period) { account debit { amount currency } credit { amount currency } } }\n"): (typeof documents)["\n  query PropTrialBalance($period: String!) { trialBalance(period: $period) { account debit { amount currency } credit { amount currency } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PropCustomer($id: ID!) {\n    customer(id: $id) {\n      id\n      balance { amount currency }\n      receivable { balance { amount currency } }\n      unappliedCash { amount currency }\n      creditNotes { total { amount currency } }\n      subscriptions { id status }\n      contracts { id seats quoteToCash { state exceptions { status owner kind } } }\n      invoices(first: 100) { id status total { amount currency } amountDue { amount currency } amountPaid { amount currency } posting { status amount { amount currency } } }\n      openExceptions { kind owner subject }\n    }\n  }\n"): (typeof documents)["\n  query PropCustomer($id: ID!) {\n    customer(id: $id) {\n      id\n      balance { amount currency }\n      receivable { balance { amount currency } }\n      unappliedCash { amount currency }\n      creditNotes { total { amount currency } }\n      subscriptions { id status }\n      contracts { id seats quoteToCash { state exceptions { status owner kind } } }\n      invoices(first: 100) { id status total { amount currency } amountDue { amount currency } amountPaid { amount currency } posting { status amount { amount currency } } }\n      openExceptions { kind owner subject }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ReconciliationState {\n    reconciliation(runs: 20) {\n      lastRuns { id trigger status customers invoices explained differences opened resolved error differencesByKind { kind owner count } }\n      openByKind { kind owner count }\n      trend { at differences }\n      openDifferences(first: 200) {\n        id kind owner status subject\n        difference { kind customer { id } left { system value amount currency } right { system value amount currency } subjectIds runId }\n      }\n    }\n    operationsHealth { openDifferences }\n  }\n"): (typeof documents)["\n  query ReconciliationState {\n    reconciliation(runs: 20) {\n      lastRuns { id trigger status customers invoices explained differences opened resolved error differencesByKind { kind owner count } }\n      openByKind { kind owner count }\n      trend { at differences }\n      openDifferences(first: 200) {\n        id kind owner status subject\n        difference { kind customer { id } left { system value amount currency } right { system value amount currency } subjectIds runId }\n      }\n    }\n    operationsHealth { openDifferences }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReconciliationRun($key: String) { runReconciliation(idempotencyKey: $key) { id status trigger } }\n"): (typeof documents)["\n  mutation ReconciliationRun($key: String) { runReconciliation(idempotencyKey: $key) { id status trigger } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ReconciliationResolved { exceptions(status: RESOLVED, first: 200) { id kind resolutionNote } }\n"): (typeof documents)["\n  query ReconciliationResolved { exceptions(status: RESOLVED, first: 200) { id kind resolutionNote } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ReconciliationSeededRuns($after: String) {\n    customers(first: 100, after: $after) {\n      pageInfo { hasNextPage endCursor }\n      nodes { id contracts { id status quoteToCash { state exceptions { status owner } } } }\n    }\n  }\n"): (typeof documents)["\n  query ReconciliationSeededRuns($after: String) {\n    customers(first: 100, after: $after) {\n      pageInfo { hasNextPage endCursor }\n      nodes { id contracts { id status quoteToCash { state exceptions { status owner } } } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ReconciliationSeatChangeFunnel($kind: String!) { workflowFunnel(kind: $kind) { runs completed } }\n"): (typeof documents)["\n  query ReconciliationSeatChangeFunnel($kind: String!) { workflowFunnel(kind: $kind) { runs completed } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SubscriptionsSetRenewalRisk($id: ID!, $risk: RenewalRisk!) { setRenewalRisk(id: $id, risk: $risk, reason: \"test\") { id risk } }\n"): (typeof documents)["\n  mutation SubscriptionsSetRenewalRisk($id: ID!, $risk: RenewalRisk!) { setRenewalRisk(id: $id, risk: $risk, reason: \"test\") { id risk } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SubscriptionsInvoiceDue($id: ID!) { invoice(id: $id) { amountDue { amount } } }\n"): (typeof documents)["\n  query SubscriptionsInvoiceDue($id: ID!) { invoice(id: $id) { amountDue { amount } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription SubscriptionsPaymentReceived($customerId: ID, $after: ID) {\n    paymentReceived(customerId: $customerId, after: $after) { eventId occurredAt correlationId payment { id } invoice { id } customer { id } }\n  }\n"): (typeof documents)["\n  subscription SubscriptionsPaymentReceived($customerId: ID, $after: ID) {\n    paymentReceived(customerId: $customerId, after: $after) { eventId occurredAt correlationId payment { id } invoice { id } customer { id } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription SubscriptionsInvoiceStatusChanged($customerId: ID, $after: ID) {\n    invoiceStatusChanged(customerId: $customerId, after: $after) { eventId invoice { id status } previousStatus status }\n  }\n"): (typeof documents)["\n  subscription SubscriptionsInvoiceStatusChanged($customerId: ID, $after: ID) {\n    invoiceStatusChanged(customerId: $customerId, after: $after) { eventId invoice { id status } previousStatus status }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription SubscriptionsBusinessEvents($types: [String!], $customerId: ID) {\n    businessEvents(types: $types, customerId: $customerId) { id type customer { id } data }\n  }\n"): (typeof documents)["\n  subscription SubscriptionsBusinessEvents($types: [String!], $customerId: ID) {\n    businessEvents(types: $types, customerId: $customerId) { id type customer { id } data }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription SubscriptionsRenewalRiskChanged($customerId: ID) {\n    renewalRiskChanged(customerId: $customerId) { eventId renewal { id risk } previousRisk risk customer { id } }\n  }\n"): (typeof documents)["\n  subscription SubscriptionsRenewalRiskChanged($customerId: ID) {\n    renewalRiskChanged(customerId: $customerId) { eventId renewal { id risk } previousRisk risk customer { id } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SubscriptionsEventLog($types: [String!], $customerId: ID) { events(first: 200, types: $types, customerId: $customerId) { id type } }\n"): (typeof documents)["\n  query SubscriptionsEventLog($types: [String!], $customerId: ID) { events(first: 200, types: $types, customerId: $customerId) { id type } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TracingWorkflow($correlationId: ID!) { workflow(correlationId: $correlationId) { state } }\n"): (typeof documents)["\n  query TracingWorkflow($correlationId: ID!) { workflow(correlationId: $correlationId) { state } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateCustomer($input: CreateCustomerInput!, $key: String) {\n    createCustomer(input: $input, idempotencyKey: $key) { id name domain segment region currency accountOwner }\n  }\n"): (typeof documents)["\n  mutation CreateCustomer($input: CreateCustomerInput!, $key: String) {\n    createCustomer(input: $input, idempotencyKey: $key) { id name domain segment region currency accountOwner }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateCustomer($id: ID!, $input: UpdateCustomerInput!) {\n    updateCustomer(id: $id, input: $input) { id name parent { id } }\n  }\n"): (typeof documents)["\n  mutation UpdateCustomer($id: ID!, $input: UpdateCustomerInput!) {\n    updateCustomer(id: $id, input: $input) { id name parent { id } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateOpportunity($input: CreateOpportunityInput!, $key: String) {\n    createOpportunity(input: $input, idempotencyKey: $key) { id stage amount { amount currency } }\n  }\n"): (typeof documents)["\n  mutation CreateOpportunity($input: CreateOpportunityInput!, $key: String) {\n    createOpportunity(input: $input, idempotencyKey: $key) { id stage amount { amount currency } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CloseWon($id: ID!, $startDate: Date!, $key: String) {\n    closeOpportunityWon(id: $id, startDate: $startDate, idempotencyKey: $key) { id number status startDate endDate seats value { amount } customer { id name } }\n  }\n"): (typeof documents)["\n  mutation CloseWon($id: ID!, $startDate: Date!, $key: String) {\n    closeOpportunityWon(id: $id, startDate: $startDate, idempotencyKey: $key) { id number status startDate endDate seats value { amount } customer { id name } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Amend($id: ID!, $input: AmendContractInput!) {\n    amendContract(id: $id, input: $input) { id seats value { amount } amendments { seatsDelta valueDelta { amount } } }\n  }\n"): (typeof documents)["\n  mutation Amend($id: ID!, $input: AmendContractInput!) {\n    amendContract(id: $id, input: $input) { id seats value { amount } amendments { seatsDelta valueDelta { amount } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Terminate($id: ID!, $reason: String!) {\n    terminateContract(id: $id, reason: $reason) { id status terminationReason }\n  }\n"): (typeof documents)["\n  mutation Terminate($id: ID!, $reason: String!) {\n    terminateContract(id: $id, reason: $reason) { id status terminationReason }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CustomerCount($name: String) { customers(first: 0, filter: { nameContains: $name }) { totalCount } }\n"): (typeof documents)["\n  query CustomerCount($name: String) { customers(first: 0, filter: { nameContains: $name }) { totalCount } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Opportunities($id: ID!) { customer(id: $id) { opportunities { id } } }\n"): (typeof documents)["\n  query Opportunities($id: ID!) { customer(id: $id) { opportunities { id } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Billable {\n    customers(first: 20) {\n      nodes {\n        id\n        subscriptions { id status seats unitPrice { amount } }\n        invoices(first: 50) { id status amountPaid { amount } amountDue { amount } }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Billable {\n    customers(first: 20) {\n      nodes {\n        id\n        subscriptions { id status seats unitPrice { amount } }\n        invoices(first: 50) { id status amountPaid { amount } amountDue { amount } }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation IssueInvoice($subscription: ID!, $key: String) {\n    issueInvoice(subscriptionId: $subscription, idempotencyKey: $key) { id number status total { amount currency } amountDue { amount } lines { quantity amount { amount } } }\n  }\n"): (typeof documents)["\n  mutation IssueInvoice($subscription: ID!, $key: String) {\n    issueInvoice(subscriptionId: $subscription, idempotencyKey: $key) { id number status total { amount currency } amountDue { amount } lines { quantity amount { amount } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RecordPayment($input: RecordPaymentInput!, $key: String) {\n    recordPayment(input: $input, idempotencyKey: $key) { id amount { amount } status invoice { id status amountPaid { amount } amountDue { amount } } }\n  }\n"): (typeof documents)["\n  mutation RecordPayment($input: RecordPaymentInput!, $key: String) {\n    recordPayment(input: $input, idempotencyKey: $key) { id amount { amount } status invoice { id status amountPaid { amount } amountDue { amount } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query InvoiceState($id: ID!) { invoice(id: $id) { id status total { amount } amountPaid { amount } amountDue { amount } payments { id amount { amount } } } }\n"): (typeof documents)["\n  query InvoiceState($id: ID!) { invoice(id: $id) { id status total { amount } amountPaid { amount } amountDue { amount } payments { id amount { amount } } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation VoidInvoice($id: ID!, $reason: String!) { voidInvoice(id: $id, reason: $reason) { id status } }\n"): (typeof documents)["\n  mutation VoidInvoice($id: ID!, $reason: String!) { voidInvoice(id: $id, reason: $reason) { id status } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CancelSubscription($id: ID!, $atPeriodEnd: Boolean) { cancelSubscription(id: $id, atPeriodEnd: $atPeriodEnd) { id status } }\n"): (typeof documents)["\n  mutation CancelSubscription($id: ID!, $atPeriodEnd: Boolean) { cancelSubscription(id: $id, atPeriodEnd: $atPeriodEnd) { id status } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ClosePeriod($id: String!, $key: String) { closePeriod(id: $id, idempotencyKey: $key) { id status closedAt } }\n"): (typeof documents)["\n  mutation ClosePeriod($id: String!, $key: String) { closePeriod(id: $id, idempotencyKey: $key) { id status closedAt } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ReopenPeriod($id: String!, $reason: String!) { reopenPeriod(id: $id, reason: $reason) { id status } }\n"): (typeof documents)["\n  mutation ReopenPeriod($id: String!, $reason: String!) { reopenPeriod(id: $id, reason: $reason) { id status } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RecordHealthSignal($input: HealthSignalInput!) { recordHealthSignal(input: $input) { id health { factors { name score } } } }\n"): (typeof documents)["\n  mutation RecordHealthSignal($input: HealthSignalInput!) { recordHealthSignal(input: $input) { id health { factors { name score } } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetRenewalRisk($id: ID!, $risk: RenewalRisk!, $reason: String!) { setRenewalRisk(id: $id, risk: $risk, reason: $reason) { id risk riskReasons } }\n"): (typeof documents)["\n  mutation SetRenewalRisk($id: ID!, $risk: RenewalRisk!, $reason: String!) { setRenewalRisk(id: $id, risk: $risk, reason: $reason) { id risk riskReasons } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CompleteMilestone($customer: ID!, $name: String!) { completeMilestone(customerId: $customer, name: $name) { status milestones { name status } } }\n"): (typeof documents)["\n  mutation CompleteMilestone($customer: ID!, $name: String!) { completeMilestone(customerId: $customer, name: $name) { status milestones { name status } } }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Renewals { renewalsDue(withinDays: 3650) { id customer { id } } }\n"): (typeof documents)["\n  query Renewals { renewalsDue(withinDays: 3650) { id customer { id } } }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;