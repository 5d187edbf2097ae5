// Keys as settings give them (GATEWAY_SIGNING_KEY, AUTH_PUBLIC_KEY, ...): PEM text, or a JWK as
// JSON. Kept apart from keys.ts so that the configuration can check them without a cycle.
import { createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';

/** A key from a setting: PEM text, or a JWK as JSON. */
function keyText(text: string): string | { key: Record<string, unknown>; format: 'jwk' } {
  const trimmed = text.trim();
  return trimmed.startsWith('{') ? { key: JSON.parse(trimmed) as Record<string, unknown>, format: 'jwk' } : trimmed.replace(/\\n/g, '\n');
}

export function parsePublicKey(text: string): KeyObject {
  const key = keyText(text);
  // A private key (or private JWK) holds its public half too.
  return createPublicKey(key as Parameters<typeof createPublicKey>[0]);
}

export function parsePrivateKey(text: string): KeyObject {
  return createPrivateKey(keyText(text) as Parameters<typeof createPrivateKey>[0]);
}
