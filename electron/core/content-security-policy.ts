/**
 * The renderer's one Content-Security-Policy, sent by the hub and by the Electron shell alike.
 * Mantine writes its CSS variables into a <style> element, hence inline styles.
 */
export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ')
