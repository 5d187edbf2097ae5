/**
 * What every page the gateway serves itself (GraphiQL, the ops console) shares: the security
 * headers, and the bundles build.ts writes into dist/, served from this server so the pages
 * work with no internet.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const DIST = join(dirname(fileURLToPath(import.meta.url)), 'dist');

// A page may talk only to its own origin; 'self' also covers same-host ws(s) for subscriptions.
const CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'", // GraphiQL, CodeMirror and Chart.js set inline styles
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'", // no other site may frame a page (clickjacking)
  "object-src 'none'",
].join('; ');

/**
 * What a security review expects of every page the gateway serves: the CSP above, no framing
 * (X-Frame-Options for browsers that predate frame-ancestors), no MIME sniffing, no referrer,
 * and a browsing context of its own.
 */
export const PAGE_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy': CSP,
  'x-frame-options': 'DENY',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
};

/** A built bundle, with the hash its page links it by. */
export interface Asset {
  body: Buffer;
  hash: string;
  mtimeMs: number;
}

const CONTENT_TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
};

const assets = new Map<string, Asset>();

/** Reads a built file of dist/, re-reading it when a rebuild changed it; undefined when not built. */
export async function loadAsset(name: string): Promise<Asset | undefined> {
  const file = join(DIST, name);
  let mtimeMs: number;
  try {
    mtimeMs = (await stat(file)).mtimeMs;
  } catch {
    return undefined;
  }
  const cached = assets.get(name);
  if (cached?.mtimeMs === mtimeMs) return cached;
  const body = await readFile(file);
  const asset = { body, mtimeMs, hash: createHash('sha256').update(body).digest('hex').slice(0, 16) };
  assets.set(name, asset);
  return asset;
}

/** The answer while the bundles are not built (a production install without dev dependencies). */
export function notBuilt(reply: FastifyReply, page: string): FastifyReply {
  return reply
    .code(503)
    .type('text/plain; charset=utf-8')
    .headers(PAGE_SECURITY_HEADERS)
    .header('cache-control', 'no-store')
    .send(`${page} is not built: run \`npm run build:pages\` (it also runs on \`npm install\`).\n`);
}

/** Answers a page's HTML with the security headers; never cached, since it links assets by hash. */
export function sendPage(reply: FastifyReply, html: string): FastifyReply {
  return reply.type('text/html; charset=utf-8').headers(PAGE_SECURITY_HEADERS).header('cache-control', 'no-store').send(html);
}

/** Serves built files of dist/ at `<prefix><name>`: immutable when asked for by their hash (`?v=`), revalidated otherwise. */
export function registerAssets(app: FastifyInstance, prefix: string, names: readonly string[], page: string): void {
  for (const name of names) {
    const type = CONTENT_TYPES[name.slice(name.lastIndexOf('.'))];
    if (!type) throw new Error(`no content type for ${name}`);
    app.get(`${prefix}${name}`, async (request, reply) => {
      const asset = await loadAsset(name);
      if (!asset) return notBuilt(reply, page);
      const etag = `"${asset.hash}"`;
      const versioned = (request.query as { v?: string }).v === asset.hash;
      reply
        .type(type)
        .header('etag', etag)
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', versioned ? 'public, max-age=31536000, immutable' : 'no-cache');
      if (request.headers['if-none-match'] === etag) return reply.code(304).send();
      return reply.send(asset.body);
    });
  }
}

/** What a page of the gateway is: its title, the id of its root element, and its bundle's name (`<bundle>.js`, `<bundle>.css`). */
export interface PageBundle {
  title: string;
  root: string;
  bundle: string;
  /** Where the bundle is served, e.g. `/graphiql/`. */
  prefix: string;
  js: Asset;
  css: Asset;
}

/**
 * A page's HTML: its bundle, and `config` as JSON in `<root>-config` for the bundle to read.
 * Escaping '<' keeps a value containing "</script>" (a query, say) from closing the tag early.
 */
export function pageHtml(page: PageBundle, config: unknown, loading: string): string {
  const json = JSON.stringify(config).replace(/</g, '\\u003c');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${page.title} · Operational Data Hub</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="${page.prefix}${page.bundle}.css?v=${page.css.hash}">
</head>
<body>
<div id="${page.root}">${loading}</div>
<script type="application/json" id="${page.root}-config">${json}</script>
<script src="${page.prefix}${page.bundle}.js?v=${page.js.hash}" defer></script>
</body>
</html>
`;
}
