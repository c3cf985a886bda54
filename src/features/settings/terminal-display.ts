/** The module matrix `qrcode`'s `create(text).modules` returns (only what drawing needs). */
export interface QrModules {
  size: number
  get(row: number, col: number): number
}

/** One horizontal run of dark modules: row y, from column x, w modules wide. */
export interface QrRun {
  x: number
  y: number
  w: number
}

/** The dark modules as horizontal runs, so a version-3 code is ~200 <rect>s instead of ~500. */
export function qrRuns(modules: QrModules): QrRun[] {
  const runs: QrRun[] = []
  for (let y = 0; y < modules.size; y++) {
    let start = -1
    for (let x = 0; x <= modules.size; x++) {
      const dark = x < modules.size && modules.get(y, x) !== 0
      if (dark && start < 0) start = x
      if (!dark && start >= 0) {
        runs.push({ x: start, y, w: x - start })
        start = -1
      }
    }
  }
  return runs
}

/**
 * A SHA-256 fingerprint ("AB:CD:…", 32 bytes) in rows of `perRow` bytes, so it can be read aloud
 * and compared a row at a time with what a terminal's browser shows.
 */
export function fingerprintRows(fingerprint: string, perRow = 8): string[] {
  const bytes = fingerprint.toUpperCase().split(':').filter(Boolean)
  const rows: string[] = []
  for (let i = 0; i < bytes.length; i += perRow) rows.push(bytes.slice(i, i + perRow).join(':'))
  return rows
}

/** What `staff.unlock` is given for a lockout: its staff code, or its address when it holds a whole address. */
export function unlockInput(lockout: { code: string | null; address: string }): { code: string } | { address: string } {
  return lockout.code !== null ? { code: lockout.code } : { address: lockout.address }
}

/** A port typed by the administrator, if it is one the desktop may serve on (1024–65535). */
export function portFrom(text: string): number | null {
  const t = text.trim()
  if (!/^\d{1,5}$/.test(t)) return null
  const port = Number(t)
  return port >= 1024 && port <= 65535 ? port : null
}

/** Whether every address is this machine's own (127.x, localhost, ::1): no terminal can reach them. */
export function onlyThisMachine(urls: readonly string[]): boolean {
  return urls.every((url) => {
    try {
      const host = new URL(url).hostname
      return host === 'localhost' || host === '[::1]' || /^127\./.test(host)
    } catch {
      return false
    }
  })
}
