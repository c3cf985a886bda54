import { contentSecurityPolicy } from '../core/content-security-policy'

export { contentSecurityPolicy }

/**
 * Response headers with our CSP in place of any the response brought (whatever its case), so a
 * looser policy can never ride along.
 */
export function withContentSecurityPolicy(headers: Record<string, string[]> | undefined): Record<string, string[]> {
  const result: Record<string, string[]> = {}
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (name.toLowerCase() !== 'content-security-policy') result[name] = value
  }
  result['Content-Security-Policy'] = [contentSecurityPolicy]
  return result
}
