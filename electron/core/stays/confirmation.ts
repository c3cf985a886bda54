import crypto from 'node:crypto'

// No 0/O or 1/I: confirmation numbers are read aloud over the phone.
const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'

/**
 * A new confirmation number. `taken` is asked before handing one out: with 500,000 stays on
 * file, about one random draw in 2,000 is already in use (and the unique index would refuse it).
 */
export function newConfirmationNo(taken: (code: string) => boolean = () => false): string {
  for (;;) {
    const bytes = crypto.randomBytes(6)
    let code = 'ZK'
    for (const b of bytes) code += alphabet[b % alphabet.length]
    if (!taken(code)) return code
  }
}
