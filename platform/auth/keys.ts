import { createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { linkSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { HubConfig } from '../config.ts';
import { parsePrivateKey, parsePublicKey } from './parseKey.ts';

export interface KeyPair {
  privateKey: KeyObject;
  publicKey: KeyObject;
}

/**
 * An Ed25519 key pair kept as a private JWK in `<dataDir>/auth/<name>.jwk`, made on first use.
 * Several processes may start at once on one data folder (the distributed tests, compose with a
 * shared volume): the file is written aside and linked into place, so the first one wins whole
 * and the others read it.
 */
export function localKeyPair(dataDir: string, name: string): KeyPair {
  const dir = join(dataDir, 'auth');
  const file = join(dir, `${name}.jwk`);
  const read = (): KeyPair => {
    const privateKey = parsePrivateKey(readFileSync(file, 'utf8'));
    return { privateKey, publicKey: createPublicKey(privateKey) };
  };
  try {
    return read();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const { privateKey } = generateKeyPairSync('ed25519');
  const aside = `${file}.${process.pid}.${Date.now()}`;
  writeFileSync(aside, JSON.stringify(privateKey.export({ format: 'jwk' })), { mode: 0o600 });
  try {
    linkSync(aside, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    rmSync(aside, { force: true });
  }
  return read();
}

/** The key that signs development tokens for callers, when no AUTH_JWKS_URL or AUTH_PUBLIC_KEY is set. */
export function localIssuerKeys(config: HubConfig): KeyPair {
  return localKeyPair(config.dataDir, 'issuer');
}

/** The gateway's key for subgraph tokens: GATEWAY_SIGNING_KEY, or the local pair. */
export function gatewaySigningKey(config: HubConfig): KeyObject {
  return config.auth.gatewaySigningKey ? parsePrivateKey(config.auth.gatewaySigningKey) : localKeyPair(config.dataDir, 'gateway').privateKey;
}

/** What subgraphs verify the gateway's tokens with: GATEWAY_PUBLIC_KEY, the signing key's public half, or the local pair. */
export function gatewayPublicKey(config: HubConfig): KeyObject {
  const { gatewayPublicKey: given, gatewaySigningKey: signing } = config.auth;
  if (given) return parsePublicKey(given);
  if (signing) return parsePublicKey(signing);
  return localKeyPair(config.dataDir, 'gateway').publicKey;
}
