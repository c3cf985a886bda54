import crypto from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { hashPin, pinNeedsRehash, verifyPin } from '../../electron/core/staff/pin'

/** A hash as Zhike wrote them before argon2id: `scrypt$salt$hash`, N=16384 r=8 p=1, 32 bytes, base64. */
function legacyScrypt(pin: string): string {
  const salt = crypto.randomBytes(16)
  const hash = crypto.scryptSync(pin, salt, 32, { N: 16384, r: 8, p: 1 })
  return `scrypt$${salt.toString('base64')}$${hash.toString('base64')}`
}

describe('PIN hashes', () => {
  // Two argon2id hashes in all (about 80 ms each).
  const hash = hashPin('4821')

  it('hashes with argon2id, 64 MiB, 3 passes, 1 lane, in PHC form', () => {
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=65536,t=3,p=1\$[A-Za-z0-9+/]+\$[A-Za-z0-9+/]+$/)
    expect(hash).not.toContain('4821')
  })

  it('salts each hash', () => {
    expect(hashPin('4821')).not.toBe(hash)
  })

  it('accepts the right PIN and refuses a wrong one', () => {
    expect(verifyPin('4821', hash)).toBe(true)
    expect(verifyPin('4822', hash)).toBe(false)
    expect(verifyPin('', hash)).toBe(false)
  })

  it('reads a legacy scrypt hash and asks for it to be re-hashed', () => {
    const legacy = legacyScrypt('123456')
    expect(verifyPin('123456', legacy)).toBe(true)
    expect(verifyPin('123457', legacy)).toBe(false)
    expect(pinNeedsRehash(legacy)).toBe(true)
    expect(pinNeedsRehash(hash)).toBe(false)
  })

  it('asks to re-hash argon2 hashes made with other settings', () => {
    expect(pinNeedsRehash(hash.replace('m=65536', 'm=19456'))).toBe(true)
    expect(pinNeedsRehash(hash.replace('$argon2id$', '$argon2i$'))).toBe(true)
    expect(pinNeedsRehash('')).toBe(true)
  })

  it('refuses damaged hashes without throwing', () => {
    const salt = crypto.randomBytes(16).toString('base64')
    for (const stored of ['', '$argon2id$garbage', '$argon2id$v=19$m=65536,t=3,p=1$$', 'scrypt$$', 'scrypt$', 'scrypt', `scrypt$${salt}$`, 'bcrypt$x$y', '1234']) {
      expect(() => verifyPin('1234', stored), stored).not.toThrow()
      expect(verifyPin('1234', stored), stored).toBe(false)
    }
  })

  it('refuses any PIN against a scrypt hash whose hash part decodes to nothing', () => {
    // "!!!!" is not base64: Buffer.from decodes it to 0 bytes, scryptSync(..., 0) gives 0 bytes,
    // and two empty buffers compare equal.
    const salt = crypto.randomBytes(16).toString('base64')
    expect(verifyPin('0000', `scrypt$${salt}$!!!!`)).toBe(false)
  })
})
