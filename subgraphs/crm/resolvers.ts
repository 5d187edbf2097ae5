import { maskEmail, maskPhone, personal, PII_SCOPE } from '../../platform/auth/pii.ts';
import type { CrmContext } from './context.ts';
import { badInput } from '../../platform/errors.ts';
import { connection, decodeCursor, encodeCursor, loadExisting, pageSize } from '../../platform/loaders.ts';
import { money } from '../../platform/money.ts';
import * as commands from './commands.ts';
import type { Resolvers } from './generated/resolvers.ts';
import type { ContractRow, CustomerRow } from './rows.ts';
import { customerPage } from './store.ts';

function parseAfter(after: string | null | undefined): { name: string; id: string } | null {
  if (!after) return null;
  try {
    const [name, id] = JSON.parse(decodeCursor(after)) as [string, string];
    if (typeof name === 'string' && typeof id === 'string') return { name, id };
  } catch {
    // fall through to the error below
  }
  throw badInput('after', 'is not a cursor this API returned');
}

function customerOf(id: string, loaders: { customer: { load(id: string): Promise<CustomerRow | null> } }): Promise<CustomerRow> {
  return loadExisting(loaders.customer, 'Customer', id);
}

function contractOf(id: string, loaders: { contract: { load(id: string): Promise<ContractRow | null> } }): Promise<ContractRow> {
  return loadExisting(loaders.contract, 'Contract', id);
}

/** Notes a contact's customer when the caller sees its personal data whole (see personalDataAudit). */
function shown<T>(context: CrmContext, contact: { customer_id: string }, value: T): T {
  if (value !== null && value !== undefined && context.caller.scopes.includes(PII_SCOPE)) {
    context.personalDataShown.add(contact.customer_id);
    // Each showing is audited here: the gateway must ask again rather than answer from its cache.
    context.cacheable = false;
  }
  return value;
}

export const resolvers: Resolvers = {
  Query: {
    customer: (_root, { id }, { loaders }) => loaders.customer.load(id),
    customers: async (_root, args, { db }) => {
      const page = await customerPage(db, pageSize(args.first), parseAfter(args.after), args.filter ?? {});
      return connection(page, (last) => encodeCursor(JSON.stringify([last.name, last.id])));
    },
    contract: (_root, { id }, { loaders }) => loaders.contract.load(id),
    opportunity: (_root, { id }, { loaders }) => loaders.opportunity.load(id),
  },

  Mutation: {
    createCustomer: async (_root, { input, idempotencyKey }, { write, loaders }) =>
      customerOf(await write(idempotencyKey, 'createCustomer', input, (tx, emit) => commands.createCustomer(tx, emit, input)), loaders),
    updateCustomer: async (_root, { id, input, idempotencyKey }, { write, loaders }) =>
      customerOf(await write(idempotencyKey, 'updateCustomer', { id, input }, (tx, emit) => commands.updateCustomer(tx, emit, id, input)), loaders),
    createOpportunity: async (_root, { input, idempotencyKey }, { write, loaders }) => {
      const id = await write(idempotencyKey, 'createOpportunity', input, (tx, emit) => commands.createOpportunity(tx, emit, input));
      return (await loaders.opportunity.load(id))!;
    },
    closeOpportunityWon: async (_root, { id, startDate, idempotencyKey }, { write, loaders }) =>
      contractOf(
        await write(idempotencyKey, 'closeOpportunityWon', { id, startDate }, (tx, emit) => commands.closeOpportunityWon(tx, emit, id, startDate)),
        loaders,
      ),
    amendContract: async (_root, { id, input, idempotencyKey }, { write, loaders }) =>
      contractOf(await write(idempotencyKey, 'amendContract', { id, input }, (tx, emit) => commands.amendContract(tx, emit, id, input)), loaders),
    terminateContract: async (_root, { id, reason, idempotencyKey }, { write, loaders }) =>
      contractOf(
        await write(idempotencyKey, 'terminateContract', { id, reason }, (tx, emit) => commands.terminateContract(tx, emit, id, reason)),
        loaders,
      ),
  },

  Customer: {
    __resolveReference: (reference, { loaders }) => loaders.customer.load(reference.id),
    parent: (customer, _args, { loaders }) => (customer.parent_id ? loaders.customer.load(customer.parent_id) : null),
    children: (customer, _args, { loaders }) => loaders.children.load(customer.id),
    contacts: (customer, _args, { loaders }) => loaders.contactsByCustomer.load(customer.id),
    opportunities: (customer, _args, { loaders }) => loaders.opportunitiesByCustomer.load(customer.id),
    contracts: (customer, _args, { loaders }) => loaders.contractsByCustomer.load(customer.id),
  },

  Contact: {
    __resolveReference: (reference, { loaders }) => loaders.contact.load(reference.id),
    customer: (contact, _args, { loaders }) => customerOf(contact.customer_id, loaders),
    primary: (contact) => contact.is_primary,
    // Without pii:read (analysts) contact details come back masked, not null; shown whole, they are audited.
    email: (contact, _args, context) => shown(context, contact, personal(context.caller, contact.email, maskEmail)),
    phone: (contact, _args, context) => shown(context, contact, personal(context.caller, contact.phone, maskPhone)),
  },

  Opportunity: {
    __resolveReference: (reference, { loaders }) => loaders.opportunity.load(reference.id),
    customer: (opportunity, _args, { loaders }) => customerOf(opportunity.customer_id, loaders),
    amount: (opportunity) => money(opportunity.amount, opportunity.currency),
    contract: (opportunity, _args, { loaders }) => (opportunity.contract_id ? loaders.contract.load(opportunity.contract_id) : null),
  },

  Contract: {
    __resolveReference: (reference, { loaders }) => loaders.contract.load(reference.id),
    customer: (contract, _args, { loaders }) => customerOf(contract.customer_id, loaders),
    unitPrice: (contract) => money(contract.unit_price, contract.currency),
    value: (contract) => money(contract.value, contract.currency),
    amendments: (contract, _args, { loaders }) => loaders.amendments.load(contract.id),
    opportunity: (contract, _args, { loaders }) => (contract.opportunity_id ? loaders.opportunity.load(contract.opportunity_id) : null),
  },

  ContractAmendment: {
    valueDelta: (amendment) => money(amendment.value_delta, amendment.currency),
  },
};
