/**
 * Trusted documents: operations front-end apps registered ahead of time (persisted-query
 * manifests in PERSISTED_DOCUMENTS_DIR), served by their sha256 id, and automatic persisted
 * queries (APQ) that clients register at run time — kept in Redis when REDIS_URL is set, so every
 * gateway replica knows them. Clients listed in PERSISTED_ONLY_CLIENTS may send manifest
 * operations only.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Redis } from 'ioredis';
import { LRUCache } from 'lru-cache';
import { ConfigError } from '../../platform/config.ts';
import { ErrorCode, requestError } from '../../platform/errors.ts';

/** The Apollo / Relay persisted-query manifest format, as `npm run documents` writes it. */
export interface PersistedQueryManifest {
  format: 'apollo-persisted-query-manifest';
  version: 1;
  operations: { id: string; body: string; name: string; type: 'query' | 'mutation' | 'subscription' }[];
}

/** Apollo's `KeyValueCache`, the interface of its APQ cache. */
interface KeyValueCache {
  get(key: string): Promise<string | undefined>;
  set(key: string, value: string, options?: { ttl?: number | null }): Promise<void>;
  delete(key: string): Promise<boolean | void>;
}

/** Apollo prefixes every APQ key with this. */
const APQ_PREFIX = 'apq:';
/** Registered APQ documents kept in process when there is no Redis; the oldest go first. */
const MEMORY_APQ_ENTRIES = 10_000;
/** How long Redis keeps an APQ document nobody asked for. */
const REDIS_APQ_TTL_SECONDS = 7 * 24 * 3600;

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** Stops the start: PERSISTED_DOCUMENTS_DIR names something the gateway cannot serve. */
function refuseManifests(problem: string): never {
  throw new ConfigError([`PERSISTED_DOCUMENTS_DIR: ${problem}`]);
}

/**
 * Every `*.json` manifest in `dir`, by file name. A file that is not a manifest (not JSON, say
 * npm's banner above one written without `npm run -s`), or a body whose id is not its sha256,
 * is refused with one line naming the file.
 */
export function readManifests(dir: string): { file: string; manifest: PersistedQueryManifest }[] {
  let names: string[];
  try {
    names = readdirSync(dir).filter((name) => name.endsWith('.json')).sort();
  } catch (error) {
    refuseManifests(`cannot read the folder ${dir} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  return names.map((file) => {
    const path = join(dir, file);
    let manifest: PersistedQueryManifest | null;
    try {
      manifest = JSON.parse(readFileSync(path, 'utf8')) as PersistedQueryManifest | null;
    } catch (error) {
      // V8 quotes the text around the fault, which may hold line breaks.
      refuseManifests(`${path} is not JSON (${(error as Error).message.replace(/\s+/g, ' ')}); write it with \`npm run -s documents -- <files> > ${path}\``);
    }
    if (manifest?.format !== 'apollo-persisted-query-manifest' || !Array.isArray(manifest.operations)) {
      refuseManifests(`${path} is not an apollo-persisted-query-manifest`);
    }
    for (const operation of manifest.operations) {
      if (sha256(operation.body) !== operation.id) refuseManifests(`${path}: operation ${operation.name} has an id that is not the sha256 of its body`);
    }
    return { file, manifest };
  });
}

/** The operations of every manifest in `dir` by id, read at start. */
export function loadManifests(dir: string | undefined): Map<string, string> {
  const documents = new Map<string, string>();
  if (!dir) return documents;
  for (const { manifest } of readManifests(dir)) for (const operation of manifest.operations) documents.set(operation.id, operation.body);
  return documents;
}

/** APQ documents in process, at most MEMORY_APQ_ENTRIES; the least recently used go first. */
function memoryCache(): KeyValueCache {
  const entries = new LRUCache<string, string>({ max: MEMORY_APQ_ENTRIES });
  return {
    async get(key) {
      return entries.get(key);
    },
    async set(key, value) {
      entries.set(key, value);
    },
    async delete(key) {
      return entries.delete(key);
    },
  };
}

/** APQ documents in Redis under `<prefix>:apq:<sha256>`, shared by every gateway replica. */
function redisCache(redis: Redis, prefix: string): KeyValueCache {
  return {
    async get(key) {
      return (await redis.get(`${prefix}:${key}`)) ?? undefined;
    },
    async set(key, value, options) {
      await redis.set(`${prefix}:${key}`, value, 'EX', options?.ttl ?? REDIS_APQ_TTL_SECONDS);
    },
    async delete(key) {
      return (await redis.del(`${prefix}:${key}`)) > 0;
    },
  };
}

export interface TrustedDocumentsOptions {
  manifests: Map<string, string>;
  persistedOnlyClients: string[];
  redis?: Redis;
  redisPrefix: string;
}

export class TrustedDocuments {
  /** Apollo's APQ cache: manifest operations first, then what clients registered. */
  readonly cache: KeyValueCache;
  private readonly persistedOnly: Set<string>;

  constructor(private readonly options: TrustedDocumentsOptions) {
    this.persistedOnly = new Set(options.persistedOnlyClients);
    const registered = options.redis ? redisCache(options.redis, options.redisPrefix) : memoryCache();
    this.cache = {
      // A Redis outage is a miss: the client sends its query again instead of getting a 500.
      get: async (key) =>
        (key.startsWith(APQ_PREFIX) ? options.manifests.get(key.slice(APQ_PREFIX.length)) : undefined) ?? registered.get(key).catch(() => undefined),
      set: (key, value, setOptions) => registered.set(key, value, setOptions),
      delete: (key) => registered.delete(key),
    };
  }

  /** Refuses an operation a persisted-only client sent that is not in a manifest. */
  check(client: string | undefined, queryHash: string | undefined): void {
    if (client === undefined || !this.persistedOnly.has(client)) return;
    if (queryHash !== undefined && this.options.manifests.has(queryHash)) return;
    throw requestError(ErrorCode.PersistedQueryNotAllowed, `Client ${client} may only send registered operations; send the id of one from its manifest.`, {}, 403);
  }
}

/**
 * The GraphQL-over-HTTP persisted-documents form `{"documentId": "sha256:<hash>"}` as Apollo's
 * `extensions.persistedQuery`, which the rest of the pipeline understands.
 */
export function documentIdAsPersistedQuery(body: Record<string, unknown>): Record<string, unknown> {
  const { documentId, ...rest } = body;
  if (typeof documentId !== 'string') return body;
  const sha256Hash = documentId.startsWith('sha256:') ? documentId.slice('sha256:'.length) : documentId;
  const extensions = typeof rest.extensions === 'object' && rest.extensions !== null ? rest.extensions : {};
  return { ...rest, extensions: { ...extensions, persistedQuery: { version: 1, sha256Hash } } };
}
