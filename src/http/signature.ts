// Discord's request signatures: Ed25519 (node:crypto) over X-Signature-Timestamp + the raw body, with the
// application's public key. Discord sends badly signed requests on purpose and removes an endpoint that accepts one.
import { createPublicKey, type KeyObject, verify } from 'node:crypto';

/** The application's public key as the Developer Portal shows it: 32 bytes, 64 hex characters. */
export const PUBLIC_KEY_PATTERN = /^[0-9a-fA-F]{64}$/;

/** How far a request's timestamp may be from now, either way, before it counts as a replay. */
const MAX_CLOCK_SKEW_MS = 5 * 60_000;

/** An Ed25519 key's SubjectPublicKeyInfo up to the key itself (RFC 8410): node:crypto takes raw keys only as SPKI DER. */
const ED25519_SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

const SIGNATURE_PATTERN = /^[0-9a-fA-F]{128}$/;
const TIMESTAMP_PATTERN = /^\d{1,15}$/;

/** Why a request was refused before reaching the router; also the label of its metric. */
export type Refusal = 'missing-signature' | 'malformed-signature' | 'bad-signature' | 'stale-timestamp';

export function publicKeyFromHex(hex: string): KeyObject {
  if (!PUBLIC_KEY_PATTERN.test(hex)) throw new Error('an Ed25519 public key is 64 hex characters');
  return createPublicKey({
    key: Buffer.concat([ED25519_SPKI_PREFIX, Buffer.from(hex, 'hex')]),
    format: 'der',
    type: 'spki',
  });
}

export interface SignedRequest {
  signature: string | undefined;
  timestamp: string | undefined;
  body: Buffer;
}

/**
 * Undefined when the request is Discord's: a well-formed signature of timestamp + body, and a timestamp (Unix
 * seconds) within MAX_CLOCK_SKEW_MS of `now`; otherwise why not. The signature is checked before the clock, so
 * that a forged request learns nothing about the endpoint's time.
 */
export function checkSignature(key: KeyObject, request: SignedRequest, now: number): Refusal | undefined {
  const { signature, timestamp, body } = request;
  if (!signature || !timestamp) return 'missing-signature';
  if (!SIGNATURE_PATTERN.test(signature) || !TIMESTAMP_PATTERN.test(timestamp)) return 'malformed-signature';
  const signed = Buffer.concat([Buffer.from(timestamp, 'utf8'), body]);
  if (!verify(null, signed, key, Buffer.from(signature, 'hex'))) return 'bad-signature';
  if (Math.abs(now - Number(timestamp) * 1000) > MAX_CLOCK_SKEW_MS) return 'stale-timestamp';
  return undefined;
}
