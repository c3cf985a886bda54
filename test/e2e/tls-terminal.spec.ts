import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import tls from 'node:tls'
import { expect, test } from '@playwright/test'
import { signIn } from './staff'

// Runs in the 'hub-tls' project: a hub started with --tls self-signed, as on the hotel network.

/** The SHA-256 fingerprint of the certificate the hub presents on its port, as a terminal sees it. */
function presentedFingerprint(port: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = tls.connect({ host: '127.0.0.1', port, servername: 'localhost', rejectUnauthorized: false }, () => {
      const raw = socket.getPeerCertificate().raw
      socket.end()
      resolve(new crypto.X509Certificate(raw).fingerprint256)
    })
    socket.on('error', reject)
  })
}

test('a phone signs in by staff code over HTTPS, with the certificate the hub keeps', async ({ browser, baseURL }) => {
  const port = Number(new URL(baseURL!).port)
  const kept = fs.readFileSync(path.join(process.env.ZHIKE_E2E_TLS_DATA!, 'tls', 'hub-cert.pem'), 'utf8')
  expect(await presentedFingerprint(port)).toBe(new crypto.X509Certificate(kept).fingerprint256)

  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'en-US', isMobile: true, hasTouch: true })
  const page = await context.newPage()
  await signIn(page, 'hk01')
  expect(new URL(page.url()).protocol).toBe('https:')
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Housekeeping board')

  const [cookie] = (await context.cookies()).filter((c) => c.name.includes('zhike_session'))
  expect(cookie.name).toBe('__Host-zhike_session')
  expect(cookie).toMatchObject({ secure: true, httpOnly: true, sameSite: 'Strict', path: '/' })
  // It expires (12 hours), instead of living as long as the browser.
  expect(cookie.expires).toBeGreaterThan(Date.now() / 1000 + 11 * 3600)
  expect(cookie.expires).toBeLessThan(Date.now() / 1000 + 13 * 3600)

  // The same signed-in context, forging what an attacker's page would send.
  const crossSite = await page.request.post('/api/stay.arrivals', {
    data: {},
    headers: { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' },
  })
  expect(crossSite.status()).toBe(403)
  expect((await crossSite.json()).error.code).toBe('FORBIDDEN')
  const rebound = await page.request.post('/api/prompt.board', { data: {}, headers: { host: `rebind.evil.example:${port}` } })
  expect(rebound.status()).toBe(421)
  expect((await rebound.json()).error.code).toBe('HOST_NOT_SERVED')
  await context.close()
})
