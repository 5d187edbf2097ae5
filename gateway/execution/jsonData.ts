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

/**
 * Whether `a` and `b` certainly serialise to the same JSON: strings, finite numbers, booleans and
 * nulls equal, arrays and plain objects the same field by field with their keys in the same
 * order. False when unsure (anything else), so a caller falls back to comparing the JSON itself.
 */
export function sameJson(a: unknown, b: unknown): boolean {
  if (typeof a === 'string' || typeof a === 'boolean' || a === null) return a === b;
  if (typeof a === 'number') return Number.isFinite(a) && a === b;
  if (typeof a !== 'object' || typeof b !== 'object' || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let index = 0; index < a.length; index++) if (!sameJson(a[index], b[index])) return false;
    return true;
  }
  if (Array.isArray(b) || !isPlain(a) || !isPlain(b)) return false;
  const keys = Object.keys(a);
  const others = Object.keys(b);
  if (keys.length !== others.length) return false;
  for (let index = 0; index < keys.length; index++) {
    const key = keys[index]!;
    if (key !== others[index] || !sameJson((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key])) return false;
  }
  return true;
}

function isPlain(object: object): boolean {
  const prototype: unknown = Object.getPrototypeOf(object);
  return prototype === Object.prototype || prototype === null;
}
