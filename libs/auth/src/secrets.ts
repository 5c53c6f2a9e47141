import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

export interface ScryptCost {
  N: number;
  r: number;
  p: number;
}

/** OWASP Password Storage Cheat Sheet (2025): scrypt with N=2^17, r=8, p=1. */
export const OWASP_SCRYPT: ScryptCost = { N: 2 ** 17, r: 8, p: 1 };
const KEYLEN = 32;

/** The cost for a configured log2(N), r and p as OWASP recommends. */
export const scryptCost = (log2N: number): ScryptCost => ({ ...OWASP_SCRYPT, N: 2 ** log2N });

function scryptAsync(password: string, salt: Buffer, keylen: number, cost: ScryptCost): Promise<Buffer> {
  // scrypt needs 128·N·r bytes; Node refuses more than 32 MiB unless told, and N=2^17 needs 128 MiB.
  const options: ScryptOptions = { ...cost, maxmem: 256 * cost.N * cost.r };
  return new Promise((resolve, reject) =>
    scrypt(password, salt, keylen, options, (err, key) => (err ? reject(err) : resolve(key))),
  );
}

/** scrypt with a per-password salt; the parameters travel with the hash so they can be raised later. */
export async function hashPassword(password: string, cost: ScryptCost = OWASP_SCRYPT): Promise<string> {
  const salt = randomBytes(16);
  const key = await scryptAsync(password, salt, KEYLEN, cost);
  return ['scrypt', cost.N, cost.r, cost.p, salt.toString('base64'), key.toString('base64')].join('$');
}

function parse(stored: string): (ScryptCost & { salt: Buffer; key: Buffer }) | null {
  const [alg, n, r, p, salt, key] = stored.split('$');
  const cost = { N: Number(n), r: Number(r), p: Number(p) };
  if (alg !== 'scrypt' || !salt || !key || ![cost.N, cost.r, cost.p].every(Number.isSafeInteger)) return null;
  return { ...cost, salt: Buffer.from(salt, 'base64'), key: Buffer.from(key, 'base64') };
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const hash = parse(stored);
  if (!hash) return false;
  const actual = await scryptAsync(password, hash.salt, hash.key.length, hash);
  return timingSafeEqual(actual, hash.key);
}

/** A hash made with other parameters than today's: replaced at the next successful login. */
export function needsRehash(stored: string, cost: ScryptCost): boolean {
  const hash = parse(stored);
  return !hash || hash.N !== cost.N || hash.r !== cost.r || hash.p !== cost.p || hash.key.length !== KEYLEN;
}

// The secret helpers live in common (the registry issues links too); re-exported for auth's callers.
export { newSecret, sha256Hex } from '@loket/common';
