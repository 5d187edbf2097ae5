import { randomBytes } from 'node:crypto';

/** A new entity id with a readable type prefix: `cus_5f3a9c0e1b2d4a6f8e7c`. */
export function newId(prefix: string): string {
  return `${prefix}_${randomBytes(10).toString('hex')}`;
}
