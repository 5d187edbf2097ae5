/**
 * Plain JSON values as the gateway builds and copies them: plain objects (V8 builds and serialises
 * those much faster than null-prototype ones), with every key an own field, `__proto__` included.
 */

/** A deep copy of a value parsed from JSON (objects, arrays, scalars): what another parse of the same text gives. */
export function jsonCopy(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) {
    const copy = new Array<unknown>(value.length);
    for (let index = 0; index < value.length; index++) copy[index] = jsonCopy(value[index]);
    return copy;
  }
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(value)) setOwn(copy, key, jsonCopy((value as Record<string, unknown>)[key]));
  return copy;
}

/**
 * Sets `key` on a plain object as its own property, as JSON.parse does: `__proto__` too, which an
 * assignment would take for the object's prototype.
 */
export function setOwn(object: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(object, key, { value, enumerable: true, writable: true, configurable: true });
  else object[key] = value;
}
