/**
 * Browser entry of the ops console (served at /ops, bundled by gateway/pages/build.ts). It reads
 * the hub through the gateway's /graphql with the pasted token: a snapshot of the figures and
 * lists, read again whenever the `businessEvents` subscription (graphql-ws) delivers an event,
 * since every change in the hub is an event. Everything is bundled: no request leaves the host.
 */
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  ScatterController,
  Title,
  Tooltip,
  type ChartConfiguration,
  type ChartType,
} from 'chart.js';
import { createClient, type Client } from 'graphql-ws/client';
import { ROLE_NAMES, ROLES } from '../../platform/auth/roles.ts';
import { AGE_BUCKETS, appendPoint, exceptionsByOwnerAndAge, formatAge, graphiqlLink, tokenClaims, type TokenClaims } from './figures.ts';
import type { TypedDocumentString } from './generated/graphql.ts';
import type { OpsConsoleSnapshotQuery, OpsConsoleTimelineQuery } from './generated/graphql.ts';
import { Events, ReplayDeadLetter, ResolveException, Snapshot, Timeline } from './operations.ts';
import type { OpsConsolePageConfig } from './index.ts';
import './app.css';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, LineController, LineElement, PointElement, ScatterController, Legend, Title, Tooltip);
// Redrawn on every event: no animations, so charts stay cheap and settle at once.
Chart.defaults.animation = false;
Chart.defaults.maintainAspectRatio = false;
Chart.defaults.font.size = 11;

const config = JSON.parse(document.getElementById('ops-console-config')?.textContent ?? '{}') as OpsConsolePageConfig;
const endpoint = new URL(config.endpoint, location.href);
const wsEndpoint = new URL(endpoint);
wsEndpoint.protocol = endpoint.protocol === 'https:' ? 'wss:' : 'ws:';

/** Shared with GraphiQL's token bar, so signing in to one signs in to both. */
const TOKEN_KEY = 'hub.token';
const READ_SCOPE = 'ops:read';
const WRITE_SCOPE = 'ops:write';
const SYSTEMS = ['CRM', 'BILLING', 'ERP', 'CUSTOMER_SUCCESS', 'OPS'];
const COLORS = ['#2563eb', '#dc2626', '#16a34a', '#d97706', '#7c3aed', '#0891b2', '#db2777', '#4b5563'];

interface GraphqlError {
  message: string;
  extensions?: { code?: string };
}
interface GraphqlResult<T> {
  data?: T | null;
  errors?: GraphqlError[];
}

type Snapshot = OpsConsoleSnapshotQuery;
type OpenException = Snapshot['exceptions'][number];
type Letter = Snapshot['deadLetters'][number];

// ---------- tiny DOM helpers ----------

type Child = Node | string | null | undefined | false;
function h<K extends keyof HTMLElementTagNameMap>(tag: K, attributes: Record<string, string | boolean> = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === false) continue;
    element.setAttribute(name, value === true ? '' : value);
  }
  for (const child of children) if (child) element.append(child);
  return element;
}

/** "14:05:09": the page shows times of today, on a 24-hour clock. */
function clock(iso: string): string {
  return new Date(iso).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false });
}

// ---------- talking to the gateway ----------

let token = localStorage.getItem(TOKEN_KEY) ?? '';
let claims: TokenClaims | null = null;

function bearer(): string {
  return `Bearer ${token.trim().replace(/^Bearer\s+/i, '')}`;
}

async function request<T, V>(operation: TypedDocumentString<T, V>, variables?: V): Promise<GraphqlResult<T>> {
  const response = await fetch(endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json', authorization: bearer() },
    body: JSON.stringify({ query: operation.toString(), variables: variables ?? {} }),
  });
  return (await response.json()) as GraphqlResult<T>;
}

/** True when the gateway refused the caller rather than the request (no token, a missing scope). */
function refusal(errors: GraphqlError[] | undefined): GraphqlError | undefined {
  return errors?.find((error) => error.extensions?.code === 'FORBIDDEN' || error.extensions?.code === 'UNAUTHENTICATED');
}

// ---------- the page ----------

const root = document.getElementById('ops-console')!;
const tokenInput = h('input', {
  id: 'ops-token',
  type: 'password',
  autocomplete: 'off',
  spellcheck: 'false',
  placeholder: 'Paste a token with ops:read: npm start prints one per role; npm run token -- --role ops makes one',
});
tokenInput.value = token;
const who = h('span', { class: 'ops-who' });
const liveBadge = h('span', { class: 'ops-live', 'data-state': 'off' }, 'offline');
const message = h('section', { class: 'ops-message', hidden: true });
const board = h('main', { class: 'ops-board', hidden: true });

root.replaceChildren(
  h(
    'header',
    { class: 'ops-header' },
    h('h1', {}, 'Ops console'),
    h('label', { for: 'ops-token' }, 'Token'),
    tokenInput,
    who,
    liveBadge,
    h('a', { href: endpoint.pathname, class: 'ops-graphiql' }, 'GraphiQL'),
  ),
  message,
  board,
);

function showMessage(kind: 'refused' | 'hint' | 'error', text: string, detail?: string): void {
  message.hidden = false;
  message.className = `ops-message ops-${kind}`;
  message.replaceChildren(h('strong', {}, text), ...(detail ? [h('p', {}, detail)] : []));
}

// ---------- charts ----------

function chartCard(id: string, title: string): { card: HTMLElement; canvas: HTMLCanvasElement; note: HTMLElement } {
  const canvas = h('canvas', { id: `chart-${id}`, 'data-points': '0' });
  const note = h('p', { class: 'ops-note' });
  const card = h('section', { class: 'ops-card ops-chart', id: `card-${id}` }, h('h2', {}, title), h('div', { class: 'ops-canvas' }, canvas), note);
  return { card, canvas, note };
}

function makeChart<T extends ChartType>(canvas: HTMLCanvasElement, configuration: ChartConfiguration<T>): Chart<T> {
  return new Chart(canvas, configuration);
}

/** Marks a canvas with how many points it draws, so a reader (or a test) sees the chart has data. */
function drawn(chart: Chart, canvas: HTMLCanvasElement): void {
  chart.update();
  const points = chart.data.datasets.reduce((sum, dataset) => sum + dataset.data.length, 0);
  canvas.dataset.points = String(points);
}

const timeAxis = {
  type: 'linear' as const,
  ticks: { callback: (value: string | number) => clock(new Date(Number(value)).toISOString()), maxTicksLimit: 5 },
};

const latency = chartCard('latency', 'Posting latency');
const latencyChart = makeChart(latency.canvas, {
  type: 'line',
  data: {
    datasets: [
      { label: 'p95 issued → posted (s)', data: [] as { x: number; y: number }[], borderColor: COLORS[0], backgroundColor: COLORS[0], pointRadius: 2, yAxisID: 'y' },
      { label: 'invoices awaiting posting', data: [] as { x: number; y: number }[], borderColor: COLORS[3], backgroundColor: COLORS[3], pointRadius: 2, yAxisID: 'y1' },
    ],
  },
  options: {
    scales: {
      x: timeAxis,
      y: { beginAtZero: true, title: { display: true, text: 'seconds' } },
      y1: { beginAtZero: true, position: 'right', grid: { drawOnChartArea: false }, ticks: { precision: 0 } },
    },
  },
});

const lag = chartCard('lag', 'Sync lag per consumer');
const lagChart = makeChart(lag.canvas, {
  type: 'bar',
  data: { labels: [] as string[], datasets: [{ label: 'age of the oldest unprocessed event (s)', data: [] as number[], backgroundColor: COLORS[5] }] },
  // Every consumer named: Chart.js would otherwise skip labels that do not fit.
  options: { indexAxis: 'y', scales: { x: { beginAtZero: true, suggestedMax: 1 }, y: { ticks: { autoSkip: false } } } },
});

const ages = chartCard('exceptions', 'Open exceptions by owner and age');
const agesChart = makeChart(ages.canvas, {
  type: 'bar',
  data: {
    labels: [] as string[],
    datasets: AGE_BUCKETS.map((bucket, index) => ({ label: bucket.label, data: [] as number[], backgroundColor: ['#fcd34d', '#fb923c', '#ef4444', '#7f1d1d'][index] })),
  },
  options: { indexAxis: 'y', scales: { x: { stacked: true, beginAtZero: true, ticks: { precision: 0 } }, y: { stacked: true } } },
});

const letters = chartCard('dead-letters', 'Dead letters');
const lettersChart = makeChart(letters.canvas, {
  type: 'line',
  data: {
    datasets: [
      { label: 'not replayed', data: [] as { x: number; y: number }[], borderColor: COLORS[1], backgroundColor: COLORS[1], pointRadius: 2, stepped: true },
      { label: 'open exceptions', data: [] as { x: number; y: number }[], borderColor: COLORS[4], backgroundColor: COLORS[4], pointRadius: 2, stepped: true },
    ],
  },
  options: { scales: { x: timeAxis, y: { beginAtZero: true, ticks: { precision: 0 } } } },
});

const funnel = chartCard('funnel', 'Quote-to-cash funnel');
const funnelChart = makeChart(funnel.canvas, {
  type: 'bar',
  data: { labels: [] as string[], datasets: [{ label: 'runs that did the step', data: [] as number[], backgroundColor: COLORS[2] }] },
  options: { scales: { y: { beginAtZero: true, ticks: { precision: 0 } } }, plugins: { legend: { display: false } } },
});

// ---------- lists ----------

const exceptionRows = h('tbody');
const letterRows = h('tbody');
const exceptionsCard = h(
  'section',
  { class: 'ops-card ops-list', id: 'exceptions' },
  h('h2', {}, 'Open exceptions'),
  h('table', {}, h('thead', {}, h('tr', {}, ...['Priority', 'Owner', 'Kind', 'Age', 'What', 'Run', 'Action'].map((t) => h('th', {}, t)))), exceptionRows),
);
const lettersCard = h(
  'section',
  { class: 'ops-card ops-list', id: 'dead-letters' },
  h('h2', {}, 'Dead letters'),
  h('table', {}, h('thead', {}, h('tr', {}, ...['Consumer', 'Event', 'Error', 'Tries', 'Status', 'Action'].map((t) => h('th', {}, t)))), letterRows),
);

function canWrite(): boolean {
  return claims?.scopes.includes(WRITE_SCOPE) ?? false;
}

/** An action button: disabled, with the reason, when the token's scopes do not allow it. */
function actionButton(label: string, allowed: boolean, onClick: (button: HTMLButtonElement) => void): HTMLButtonElement {
  const button = h('button', { type: 'button', disabled: !allowed, title: allowed ? '' : `Needs scope ${WRITE_SCOPE}` }, label);
  button.addEventListener('click', () => onClick(button));
  return button;
}

async function act(button: HTMLButtonElement, run: () => Promise<GraphqlResult<unknown>>): Promise<void> {
  button.disabled = true;
  const result = await run();
  if (result.errors?.length) {
    button.disabled = false;
    button.title = result.errors.map((error) => `${error.extensions?.code ?? ''} ${error.message}`).join('; ');
    button.classList.add('ops-failed');
  }
  scheduleRefresh();
}

/**
 * Rows are kept by key across reads (a read follows every event), so a note being typed or a
 * button being clicked is not swapped out under the user; the DOM changes only when the rows do.
 */
const exceptionRowCache = new Map<string, { row: HTMLTableRowElement; age: HTMLTableCellElement }>();
const letterRowCache = new Map<string, HTMLTableRowElement>();

function syncRows(body: HTMLTableSectionElement, rows: HTMLTableRowElement[], empty: HTMLTableRowElement): void {
  const wanted = rows.length > 0 ? rows : [empty];
  const current = Array.from(body.children);
  if (current.length !== wanted.length || current.some((row, index) => row !== wanted[index])) body.replaceChildren(...wanted);
}

function exceptionRow(exception: OpenException): { row: HTMLTableRowElement; age: HTMLTableCellElement } {
  const note = h('input', { class: 'ops-note-input', placeholder: 'note', 'aria-label': `note for ${exception.id}` });
  const resolve = actionButton('Resolve', canWrite(), (button) =>
    act(button, () => request(ResolveException, { id: exception.id, note: note.value.trim() || 'Resolved in the ops console' })),
  );
  const age = h('td', { title: exception.openedAt });
  const row = h(
    'tr',
    { 'data-id': exception.id, 'data-subject': exception.subject, 'data-correlation-id': exception.correlationId ?? '', class: `ops-priority-${exception.priority.toLowerCase()}` },
    h('td', {}, exception.priority),
    h('td', {}, exception.owner),
    h('td', {}, exception.kind),
    age,
    h('td', { class: 'ops-what' }, h('code', {}, exception.subject), ' ', exception.message),
    h('td', {}, exception.correlationId ? timelineButton(exception.correlationId) : '—'),
    h('td', { class: 'ops-actions' }, ...(canWrite() ? [note, resolve] : [resolve])),
  );
  return { row, age };
}

const noExceptions = h('tr', {}, h('td', { colspan: '7', class: 'ops-empty' }, 'No open exceptions.'));

function renderExceptions(exceptions: readonly OpenException[]): void {
  const seen = new Set<string>();
  const rows = exceptions.map((exception) => {
    seen.add(exception.id);
    let entry = exceptionRowCache.get(exception.id);
    if (!entry) exceptionRowCache.set(exception.id, (entry = exceptionRow(exception)));
    entry.age.textContent = formatAge(exception.ageSeconds);
    return entry.row;
  });
  for (const id of exceptionRowCache.keys()) if (!seen.has(id)) exceptionRowCache.delete(id);
  syncRows(exceptionRows, rows, noExceptions);
}

function letterRow(letter: Letter): HTMLTableRowElement {
  return h(
    'tr',
    { 'data-id': letter.id, 'data-status': letter.status },
    h('td', {}, letter.consumer),
    h('td', {}, letter.event.type, ' ', h('code', {}, letter.event.subject)),
    h('td', { class: 'ops-what' }, letter.error),
    h('td', {}, String(letter.attempts)),
    h('td', {}, letter.status),
    h(
      'td',
      { class: 'ops-actions' },
      letter.status === 'DEAD' ? actionButton('Replay', canWrite(), (button) => act(button, () => request(ReplayDeadLetter, { id: letter.id }))) : '—',
    ),
  );
}

const noLetters = h('tr', {}, h('td', { colspan: '6', class: 'ops-empty' }, 'No dead letters.'));

function renderLetters(deadLetters: readonly Letter[]): void {
  const seen = new Set<string>();
  const rows = deadLetters.map((letter) => {
    // A letter's row is made again when what it shows changes (a replay, another failed try).
    const key = `${letter.id}:${letter.status}:${letter.attempts}`;
    seen.add(key);
    let row = letterRowCache.get(key);
    if (!row) letterRowCache.set(key, (row = letterRow(letter)));
    return row;
  });
  for (const key of letterRowCache.keys()) if (!seen.has(key)) letterRowCache.delete(key);
  syncRows(letterRows, rows, noLetters);
}

// ---------- timeline ----------

const runPicker = h('select', { id: 'ops-run-picker', 'aria-label': 'recent workflow runs' });
const correlationInput = h('input', { id: 'ops-correlation', placeholder: 'correlation id', spellcheck: 'false' });
const showButton = h('button', { type: 'submit' }, 'Show');
const timelineSteps = h('ol', { class: 'ops-steps' });
const timelineTitle = h('p', { class: 'ops-note' }, 'Pick a run, or paste the correlation id of a request.');
const timelineCanvas = h('canvas', { id: 'chart-timeline', 'data-points': '0' });
const timelineForm = h('form', { class: 'ops-timeline-form' }, runPicker, correlationInput, showButton);
const timelineCard = h(
  'section',
  { class: 'ops-card ops-timeline', id: 'timeline' },
  h('h2', {}, 'Workflow run timeline'),
  timelineForm,
  timelineTitle,
  // Hidden until a run is picked: an empty time axis says nothing.
  h('div', { class: 'ops-canvas ops-canvas-tall', hidden: true }, timelineCanvas),
  timelineSteps,
);
const timelineChart = makeChart(timelineCanvas, {
  type: 'scatter',
  data: {
    datasets: [
      { label: 'steps done', data: [] as TimelinePoint[], backgroundColor: COLORS[2], pointRadius: 7, pointStyle: 'rectRounded' },
      { label: 'other events', data: [] as TimelinePoint[], backgroundColor: COLORS[7], pointRadius: 3 },
      { label: 'exceptions', data: [] as TimelinePoint[], backgroundColor: COLORS[1], pointRadius: 7, pointStyle: 'triangle' },
    ],
  },
  options: {
    scales: {
      // Seconds since the run started: its steps are often milliseconds apart.
      x: { type: 'linear', beginAtZero: true, title: { display: true, text: 'seconds since the run started' } },
      // One row per system: y is the system's index in SYSTEMS.
      y: {
        min: -0.5,
        max: SYSTEMS.length - 0.5,
        reverse: true,
        afterBuildTicks: (axis) => {
          axis.ticks = SYSTEMS.map((_, index) => ({ value: index }));
        },
        ticks: { callback: (value: string | number) => SYSTEMS[Number(value)] ?? '' },
      },
    },
    plugins: {
      tooltip: { callbacks: { label: (item) => `${(item.raw as TimelinePoint).label} · +${Number(item.parsed.x).toFixed(3)} s` } },
    },
  },
});

interface TimelinePoint {
  x: number;
  y: number;
  label: string;
}

function row(system: string): number {
  return SYSTEMS.indexOf(system);
}

function timelineButton(correlationId: string): HTMLButtonElement {
  const button = h('button', { type: 'button', class: 'ops-link', title: correlationId }, 'timeline');
  button.addEventListener('click', () => {
    correlationInput.value = correlationId;
    void showTimeline(correlationId);
    timelineCard.scrollIntoView({ behavior: 'smooth' });
  });
  return button;
}

const WORKFLOW_QUERY = `query WorkflowRun($correlationId: ID!) {
  workflow(correlationId: $correlationId) {
    kind state startedAt updatedAt
    steps { name system completedAt eventId }
    exceptions { kind owner status message }
  }
}
`;
const EVENTS_QUERY = `query RunEvents($correlationId: ID!) {
  events(correlationId: $correlationId, first: 200) { id type source subject occurredAt causationId }
}
`;

async function showTimeline(correlationId: string): Promise<void> {
  const result = await request(Timeline, { correlationId });
  const workflow: OpsConsoleTimelineQuery['workflow'] = result.data?.workflow ?? null;
  const events = result.data?.events ?? [];
  const variables = { correlationId };
  // Time 0 is the run's first event, or the correlation id's first event when earlier (the customer's creation, say).
  const start = Math.min(...[workflow?.startedAt, ...events.map((event) => event.occurredAt)].filter((at): at is string => Boolean(at)).map((at) => Date.parse(at)));
  const since = (at: string) => (Date.parse(at) - start) / 1000;
  const inGraphiql = (label: string, query: string) => h('a', { href: graphiqlLink(endpoint.pathname, query, variables), target: '_blank', rel: 'noopener', class: 'ops-graphiql-link' }, label);
  if (!workflow && events.length === 0) {
    timelineTitle.replaceChildren(`Nothing under correlation id ${correlationId}.`);
    timelineSteps.replaceChildren();
  } else {
    timelineTitle.replaceChildren(
      workflow ? `${workflow.kind} · ${workflow.state} · started ${clock(workflow.startedAt)} · ` : 'No workflow run; the events of the correlation id · ',
      inGraphiql('the run in GraphiQL', WORKFLOW_QUERY),
      ' · ',
      inGraphiql('its events in GraphiQL', EVENTS_QUERY),
    );
    timelineSteps.replaceChildren(
      ...(workflow?.steps ?? []).map((step) =>
        h(
          'li',
          { 'data-done': step.completedAt ? 'true' : 'false' },
          h('strong', {}, step.name),
          ` ${step.system} `,
          step.completedAt ? `at ${clock(step.completedAt)} (+${since(step.completedAt).toFixed(2)} s) ` : 'pending ',
          step.eventId
            ? inGraphiql('event', `query StepEvent($correlationId: ID!) {\n  events(correlationId: $correlationId, first: 200) { id type source subject occurredAt }\n}\n# the step's event: ${step.eventId}\n`)
            : null,
        ),
      ),
    );
  }
  const stepEvents = new Set((workflow?.steps ?? []).map((step) => step.eventId).filter(Boolean));
  // A system with no row (the gateway) is left out rather than drawn off the chart.
  const placed = (points: TimelinePoint[]) => points.filter((point) => point.y >= 0);
  const [done, other, raised] = timelineChart.data.datasets;
  done.data = placed((workflow?.steps ?? []).filter((step) => step.completedAt).map((step) => ({ x: since(step.completedAt!), y: row(step.system), label: step.name })));
  other.data = placed(events.filter((event) => !stepEvents.has(event.id)).map((event) => ({ x: since(event.occurredAt), y: row(event.source), label: event.type })));
  raised.data = placed((workflow?.exceptions ?? []).map((exception) => ({ x: since(exception.openedAt), y: row('OPS'), label: `${exception.kind} (${exception.status})` })));
  drawn(timelineChart, timelineCanvas);
  timelineCard.dataset.correlationId = correlationId;
  timelineCanvas.parentElement!.hidden = false;
}

timelineForm.addEventListener('submit', (event) => {
  event.preventDefault();
  const id = correlationInput.value.trim();
  if (id) void showTimeline(id);
});
runPicker.addEventListener('change', () => {
  if (!runPicker.value) return;
  correlationInput.value = runPicker.value;
  void showTimeline(runPicker.value);
});

function renderRunPicker(runs: Snapshot['workflows']): void {
  const chosen = runPicker.value;
  runPicker.replaceChildren(
    h('option', { value: '' }, `Recent runs (${runs.length})`),
    ...runs.map((run) => h('option', { value: run.correlationId, selected: run.correlationId === chosen }, `${clock(run.startedAt)} ${run.kind} ${run.state} · ${run.correlationId.slice(0, 24)}`)),
  );
}

board.append(latency.card, lag.card, ages.card, letters.card, funnel.card, exceptionsCard, lettersCard, timelineCard);

// ---------- live updates ----------

let refreshTimer: ReturnType<typeof setTimeout> | undefined;
let refreshing = false;
let refreshAgain = false;
let events = 0;
let generation = 0;

/** However busy the hub, the console reads it at most once a second: a burst of events is one read. */
const MIN_READ_INTERVAL_MS = 1_000;
let lastRead = 0;

function scheduleRefresh(): void {
  if (refreshTimer !== undefined) return;
  refreshTimer = setTimeout(() => {
    refreshTimer = undefined;
    void refresh();
  }, Math.max(0, lastRead + MIN_READ_INTERVAL_MS - Date.now()));
}

async function refresh(): Promise<void> {
  if (refreshing) {
    refreshAgain = true;
    return;
  }
  refreshing = true;
  lastRead = Date.now();
  const mine = generation;
  try {
    const result = await request(Snapshot);
    if (mine !== generation) return;
    const refused = refusal(result.errors);
    if (refused || !result.data) {
      stopLive();
      board.hidden = true;
      if (refused) showRefusal(refused);
      else showMessage('error', 'The hub did not answer.', result.errors?.map((error) => error.message).join('; '));
      return;
    }
    message.hidden = true;
    board.hidden = false;
    render(result.data);
    root.dataset.refreshes = String(Number(root.dataset.refreshes ?? 0) + 1);
  } catch (error) {
    showMessage('error', 'The hub did not answer.', (error as Error).message);
  } finally {
    refreshing = false;
    if (refreshAgain) {
      refreshAgain = false;
      scheduleRefresh();
    }
  }
}

function render(snapshot: Snapshot): void {
  const now = Date.now();
  const health = snapshot.operationsHealth;
  const [p95, awaiting] = latencyChart.data.datasets;
  appendPoint(p95.data, { x: now, y: health.postingLatencySeconds });
  appendPoint(awaiting.data, { x: now, y: health.invoicesAwaitingPosting });
  drawn(latencyChart, latency.canvas);
  latency.note.textContent = `p95 ${health.postingLatencySeconds.toFixed(2)} s over invoices posted in the last 24 h · ${health.invoicesAwaitingPosting} awaiting posting`;

  lagChart.data.labels = health.syncLag.map((lagOf) => `${lagOf.consumer} (${lagOf.pending})`);
  lagChart.data.datasets[0].data = health.syncLag.map((lagOf) => lagOf.lagSeconds);
  drawn(lagChart, lag.canvas);
  const behind = health.syncLag.filter((lagOf) => lagOf.pending > 0);
  lag.note.textContent = `${health.syncLag.length} consumers · ${behind.length === 0 ? 'none behind' : `${behind.length} behind, ${behind.reduce((sum, l) => sum + l.pending, 0)} events pending`} (pending in brackets)`;

  const { owners, counts } = exceptionsByOwnerAndAge(snapshot.exceptions);
  agesChart.data.labels = owners;
  agesChart.data.datasets.forEach((dataset, bucket) => (dataset.data = counts.map((row) => row[bucket])));
  drawn(agesChart, ages.canvas);
  ages.note.textContent = `${health.openExceptions} open · oldest ${health.oldestExceptionAgeSeconds === null || health.oldestExceptionAgeSeconds === undefined ? '—' : formatAge(health.oldestExceptionAgeSeconds)}`;

  const [dead, open] = lettersChart.data.datasets;
  appendPoint(dead.data, { x: now, y: health.deadLetters });
  appendPoint(open.data, { x: now, y: health.openExceptions });
  drawn(lettersChart, letters.canvas);
  letters.note.textContent = `${health.deadLetters} not replayed`;

  const q2c = snapshot.workflowFunnel;
  funnelChart.data.labels = q2c.steps.map((step) => step.name.replace(/_/g, ' ').toLowerCase());
  funnelChart.data.datasets[0].data = q2c.steps.map((step) => step.completed);
  drawn(funnelChart, funnel.canvas);
  funnel.note.textContent = `${q2c.runs} runs · ${q2c.completed} completed · ${q2c.inProgress} in progress · ${q2c.exception} in exception`;

  renderExceptions(snapshot.exceptions);
  renderLetters(snapshot.deadLetters);
  renderRunPicker(snapshot.workflows);
  const shown = timelineCard.dataset.correlationId;
  if (shown) void showTimeline(shown);
}

let client: Client | undefined;
let ticker: ReturnType<typeof setInterval> | undefined;

function setLive(state: 'live' | 'connecting' | 'off', text: string): void {
  liveBadge.dataset.state = state;
  liveBadge.textContent = text;
}

function startLive(): void {
  stopLive();
  const authorization = bearer();
  client = createClient({
    url: wsEndpoint.href,
    connectionParams: { authorization },
    retryAttempts: Infinity,
    shouldRetry: () => true,
    on: {
      connected: () => setLive('live', 'live'),
      closed: () => setLive('connecting', 'reconnecting…'),
    },
  });
  setLive('connecting', 'connecting…');
  client.subscribe(
    { query: Events.toString() },
    {
      next: () => {
        events += 1;
        root.dataset.events = String(events);
        scheduleRefresh();
        // ops records an exception from the same event the stream just delivered: read once more
        // after it has, so a new exception shows without waiting for the next event.
        setTimeout(scheduleRefresh, 1_500);
      },
      error: (error) => {
        const errors = Array.isArray(error) ? (error as GraphqlError[]) : [];
        const refused = refusal(errors);
        if (refused) showRefusal(refused);
        setLive('off', 'not live');
      },
      complete: () => setLive('off', 'not live'),
    },
  );
  // Ages and lags grow with no event at all: read again now and then.
  ticker = setInterval(() => scheduleRefresh(), 15_000);
}

function stopLive(): void {
  void client?.dispose();
  client = undefined;
  if (ticker) clearInterval(ticker);
  ticker = undefined;
  setLive('off', 'offline');
}

function rolesWith(scope: string): string[] {
  return ROLE_NAMES.filter((role) => (ROLES[role] as readonly string[]).includes(scope));
}

function showRefusal(error: GraphqlError): void {
  stopLive();
  board.hidden = true;
  if (error.extensions?.code === 'UNAUTHENTICATED') {
    showMessage('refused', 'The hub refused this token.', error.message);
    return;
  }
  const holder = claims ? `${claims.sub} (${claims.roles.join(', ') || 'no role'})` : 'This token';
  showMessage(
    'refused',
    `Not allowed: ${holder} lacks scope ${READ_SCOPE}.`,
    `The ops console needs ${READ_SCOPE}; the roles ${rolesWith(READ_SCOPE).join(', ')} have it. The hub said: ${error.message}`,
  );
}

function signIn(): void {
  generation += 1;
  stopLive();
  board.hidden = true;
  const bare = token.trim().replace(/^Bearer\s+/i, '');
  if (!bare) {
    claims = null;
    who.textContent = '';
    showMessage('hint', 'Sign in with a token that has ops:read.', 'Paste it above; GraphiQL and the console share it.');
    return;
  }
  claims = tokenClaims(bare);
  // Rows carry the actions the previous token allowed.
  exceptionRowCache.clear();
  letterRowCache.clear();
  who.textContent = claims ? `${claims.sub} · ${claims.roles.join(', ') || claims.scopes.join(' ')}` : 'not a JWT';
  if (claims && !claims.scopes.includes(READ_SCOPE)) {
    showRefusal({ message: `Requires scope ${READ_SCOPE}`, extensions: { code: 'FORBIDDEN' } });
    return;
  }
  showMessage('hint', 'Loading…');
  void refresh().then(() => {
    if (!board.hidden) startLive();
  });
}

let typing: ReturnType<typeof setTimeout> | undefined;
tokenInput.addEventListener('input', () => {
  clearTimeout(typing);
  typing = setTimeout(() => {
    token = tokenInput.value.trim();
    localStorage.setItem(TOKEN_KEY, token);
    signIn();
  }, 300);
});

signIn();
