import { createHash, randomBytes } from 'node:crypto';

/** An opaque bearer secret (session, activation or reset link); only its SHA-256 is stored. */
export const newSecret = (): string => randomBytes(32).toString('base64url');
export const sha256Hex = (value: string | Buffer): string => createHash('sha256').update(value).digest('hex');
