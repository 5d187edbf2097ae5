/**
 * The deferred customer view: the customer view with its billing and ERP parts under `@defer`,
 * asked for as incremental delivery (`multipart/mixed;deferSpec=20220824`), measured as time to
 * the first part and time to the last, beside the same query without the deferred fields (time
 * to the whole response). A gateway that answers one JSON response instead is reported as giving
 * no incremental delivery.
 */
import { Agent, request } from 'undici';
import { percentile } from './load.ts';

/** The customer view's CRM and customer-success fields: what the first part holds. */
const FIRST_PART_FIELDS = `
    id name segment region accountOwner
    contacts { name email title primary }
    contracts { number status seats endDate value { amount currency } renewal { renewalDate risk } }
    health { score grade }
    renewals { renewalDate stage risk }`;

/** The customer view: CRM's and customer success's parts first, billing's and ERP's deferred. */
export const DEFERRED_CUSTOMER_VIEW = /* GraphQL */ `query DeferredCustomerView($id: ID!) {
  customer(id: $id) {${FIRST_PART_FIELDS}
    ... @defer(label: "billing") {
      subscriptions { planCode seats status }
      invoices(first: 5) { number status dueDate total { amount currency } amountDue { amount } posting { status period } }
      balance { amount currency }
      overdueAmount { amount }
    }
    ... @defer(label: "erp") {
      receivable { balance { amount currency } aging { current { amount } over90 { amount } } }
      creditLimit { amount currency }
    }
  }
}`;

/** The same view without the deferred fields, in one response. */
export const CUSTOMER_VIEW_WITHOUT_DEFERRED = /* GraphQL */ `query CustomerViewFirstPart($id: ID!) {
  customer(id: $id) {${FIRST_PART_FIELDS}
  }
}`;

export const INCREMENTAL_ACCEPT = 'multipart/mixed;deferSpec=20220824, application/json';

export interface TimedLoadResult {
  requests: number;
  rps: number;
  /**
   * How the gateway answered, right or wrong: `incremental` (multipart/mixed) every time, `none`
   * (one JSON response) every time, `mixed` some of each, `unknown` when nothing was answered.
   */
  delivery: 'incremental' | 'none' | 'mixed' | 'unknown';
  firstPartMs: { p50: number; p99: number };
  lastPartMs: { p50: number; p99: number };
  errors: number;
  wrongAnswers: number;
  /** The first error's message, to say why a gateway failed. */
  firstError?: string;
}

interface Part {
  data?: { customer?: { id?: string } | null } | null;
  incremental?: { data?: unknown; errors?: unknown[] }[];
  errors?: { message: string }[];
  hasNext?: boolean;
}

/** The complete parts of a multipart/mixed body so far and what is left of it (an incomplete part). */
export function splitParts(buffer: string, boundary: string): { parts: string[]; rest: string } {
  const delimiter = `--${boundary}`;
  const pieces = buffer.split(delimiter);
  // What precedes the first delimiter is the preamble; the last piece may still be growing.
  const rest = pieces.pop()!;
  const parts = pieces
    .slice(1)
    .map((piece) => piece.slice(piece.indexOf('\r\n\r\n') + 4).trim())
    .filter((body) => body !== '' && body !== '{}');
  return { parts, rest: `${delimiter}${rest}` };
}

/** One request's outcome; `multipart` tells how it was answered, when it was (not for a failed connection). */
type Outcome = ({ firstMs: number; lastMs: number } | { error: string; wrong: boolean }) & { multipart?: boolean };

/**
 * Sends one request and times its first and last parts (the same instant for one JSON response)
 * from `started`: when it was due, for a request that had to wait for a connection.
 */
async function timedRequest(dispatcher: Agent, url: string, headers: Record<string, string>, body: string, started = performance.now()): Promise<Outcome> {
  const response = await request(url, { method: 'POST', dispatcher, headers: { 'content-type': 'application/json', accept: INCREMENTAL_ACCEPT, ...headers }, body });
  const contentType = String(response.headers['content-type'] ?? '');
  const boundary = /^multipart\/mixed/i.test(contentType) ? /boundary="?([^";]+)"?/i.exec(contentType)?.[1] : undefined;
  if (!boundary) {
    const text = await response.body.text();
    const at = performance.now() - started;
    const part = /json/i.test(contentType) ? (JSON.parse(text) as Part) : undefined;
    // A GraphQL response with errors (a 400 for a document it refuses, e.g. an unknown @defer) is still one JSON response.
    if (part?.errors?.length) return { error: part.errors[0].message, wrong: true, multipart: false };
    if (response.statusCode !== 200 || !part) return { error: `HTTP ${response.statusCode}: ${text.slice(0, 200)}`, wrong: false };
    if (!part.data?.customer?.id) return { error: 'no customer in the answer', wrong: true, multipart: false };
    return { firstMs: at, lastMs: at, multipart: false };
  }
  let buffer = '';
  let firstMs: number | undefined;
  let parts = 0;
  let error: string | undefined;
  response.body.setEncoding('utf8');
  for await (const chunk of response.body) {
    const split = splitParts(buffer + (chunk as string), boundary);
    buffer = split.rest;
    for (const text of split.parts) {
      const part = JSON.parse(text) as Part;
      const at = performance.now() - started;
      parts++;
      if (parts === 1) {
        firstMs = at;
        if (part.errors?.length || !part.data?.customer?.id) error ??= part.errors?.[0]?.message ?? 'no customer in the first part';
      } else if (part.errors?.length || part.incremental?.some((item) => item.errors?.length)) {
        error ??= part.errors?.[0]?.message ?? 'an incremental part has errors';
      }
      if (part.hasNext === false) {
        response.body.destroy();
        return error || firstMs === undefined ? { error: error ?? 'no first part', wrong: true, multipart: true } : { firstMs, lastMs: at, multipart: true };
      }
    }
  }
  return { error: error ?? `the response ended after ${parts} parts without hasNext: false`, wrong: true, multipart: true };
}

/**
 * Load for `seconds`, timing first and last parts: closed-loop over `connections` connections, or,
 * with `rate`, open-loop at that many requests a second (at most `connections` in flight), so two
 * queries are compared at the same offered load rather than each at its own saturation.
 */
export async function runTimedLoad(spec: { url: string; headers: Record<string, string>; connections: number; seconds: number; rate?: number; body: () => string }): Promise<TimedLoadResult> {
  const dispatcher = new Agent({ connections: spec.connections, pipelining: 1 });
  const first: number[] = [];
  const last: number[] = [];
  let multipart = 0;
  let single = 0;
  let errors = 0;
  let wrongAnswers = 0;
  let firstError: string | undefined;
  const deadline = performance.now() + spec.seconds * 1000;
  const started = performance.now();
  const one = async (due?: number) => {
    const outcome: Outcome = await timedRequest(dispatcher, spec.url, spec.headers, spec.body(), due).catch((error: Error) => ({ error: error.message, wrong: false }));
    if (outcome.multipart === true) multipart++;
    if (outcome.multipart === false) single++;
    if ('error' in outcome) {
      errors++;
      if (outcome.wrong) wrongAnswers++;
      firstError ??= outcome.error;
      return;
    }
    first.push(outcome.firstMs);
    last.push(outcome.lastMs);
  };
  if (spec.rate) {
    const inFlight = new Set<Promise<void>>();
    for (let sent = 0; performance.now() < deadline; sent++) {
      const due = started + (sent * 1000) / spec.rate;
      if (due > performance.now()) await new Promise((resolve) => setTimeout(resolve, due - performance.now()));
      // Past `connections` in flight the gateway is saturated: what is due waits, timed from when it was due.
      if (inFlight.size >= spec.connections) await Promise.race(inFlight);
      const request = one(due).finally(() => inFlight.delete(request));
      inFlight.add(request);
    }
    await Promise.all(inFlight);
  } else {
    await Promise.all(
      Array.from({ length: spec.connections }, async () => {
        while (performance.now() < deadline) await one();
      }),
    );
  }
  const elapsed = (performance.now() - started) / 1000;
  await dispatcher.close();
  first.sort((a, b) => a - b);
  last.sort((a, b) => a - b);
  return {
    requests: first.length,
    rps: first.length / elapsed,
    delivery: multipart + single === 0 ? 'unknown' : single === 0 ? 'incremental' : multipart === 0 ? 'none' : 'mixed',
    firstPartMs: { p50: percentile(first, 50), p99: percentile(first, 99) },
    lastPartMs: { p50: percentile(last, 50), p99: percentile(last, 99) },
    errors,
    wrongAnswers,
    ...(firstError ? { firstError } : {}),
  };
}
