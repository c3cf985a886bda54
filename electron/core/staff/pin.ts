import crypto from 'node:crypto'
import { hashSync, verifySync, type Algorithm } from '@node-rs/argon2'

/**
 * Argon2id (RFC 9106) with 64 MiB of memory, 3 passes, 1 lane: about 80 ms a PIN on the
 * 2-core build machine, measured in docs/security.md. A PIN has few digits, so only a slow,
 * memory-hard hash (and a store file readable by its owner alone) keeps a stolen copy from
 * giving the PINs away in minutes.
 */
/** `Algorithm.Argon2id` is 2 (a const enum, which isolated modules cannot read). */
const argon2id = 2 as Algorithm
const argon2Options = { algorithm: argon2id, memoryCost: 65_536, timeCost: 3, parallelism: 1 } as const

/** Hashes a PIN: `$argon2id$v=19$m=65536,t=3,p=1$salt$hash` (PHC string format). */
export function hashPin(pin: string): string {
  return hashSync(pin, argon2Options)
}

/**
 * Whether `pin` matches `stored`. Reads today's argon2id hashes and the scrypt hashes
 * (`scrypt$salt$hash`, N=16384) that Zhike wrote before; never throws on a damaged hash.
 */
export function verifyPin(pin: string, stored: string): boolean {
  try {
    if (stored.startsWith('$argon2')) return verifySync(stored, pin)
    const [scheme, salt, hash] = stored.split('$')
    if (scheme !== 'scrypt' || !salt || !hash) return false
    const expected = Buffer.from(hash, 'base64')
    // A damaged hash that decodes short must not match (two empty buffers compare equal).
    if (expected.length !== 32) return false
    const actual = crypto.scryptSync(pin, Buffer.from(salt, 'base64'), expected.length, { N: 16384, r: 8, p: 1 })
    return crypto.timingSafeEqual(expected, actual)
  } catch {
    return false
  }
}

/** True for a hash written with older or weaker settings: re-hash it at the next right PIN. */
export function pinNeedsRehash(stored: string): boolean {
  return !stored.startsWith(`$argon2id$v=19$m=${argon2Options.memoryCost},t=${argon2Options.timeCost},p=${argon2Options.parallelism}$`)
}

/** A hash of a random PIN, checked when the staff code is unknown so timing does not tell. */
let decoy: string | undefined
export function decoyPinHash(): string {
  decoy ??= hashPin(crypto.randomInt(1e8).toString())
  return decoy
}
