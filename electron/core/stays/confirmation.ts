import crypto from 'node:crypto'

// No 0/O or 1/I: confirmation numbers are read aloud over the phone.
const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'

export function newConfirmationNo(): string {
  const bytes = crypto.randomBytes(6)
  let code = 'ZK'
  for (const b of bytes) code += alphabet[b % alphabet.length]
  return code
}
