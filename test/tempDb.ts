import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestContext } from 'node:test';
import { openDb, type Db } from '../platform/db/db.ts';

/**
 * An embedded database of its own for one test, in a temporary folder, closed and removed after
 * it: the platform's migrations applied, and those of `migrationsDir` if given.
 */
export async function tempDb(t: TestContext, migrationsDir?: string): Promise<Db> {
  const dir = mkdtempSync(join(tmpdir(), 'temp-db-'));
  const db = await openDb({ dataDir: join(dir, 'data') }, migrationsDir ?? dir);
  t.after(async () => {
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  });
  return db;
}
