import path from 'node:path'

/**
 * Updates come only where the hotel allows them: an administrator (or the IT person) writes
 * `updates.json` with `{"allowed": true, "feedUrl": "https://…/"}`, the address of a folder where
 * the hotel publishes electron-builder's `latest*.yml` and installers (a "generic" feed). Without
 * that file nothing is checked. The machine-wide file wins over the one in userData, so staff
 * cannot turn on what the administrator left off.
 */
export const updatePolicyFileName = 'updates.json'

export type UpdatePolicy =
  | { allowed: true; feedUrl: string; file: string }
  | { allowed: false; reason: 'development' | 'no-policy' | 'not-allowed' | 'damaged'; file?: string; problem?: string }

/** Where the policy may be, machine-wide first. */
export function updatePolicyFiles(options: { platform: string; env: Record<string, string | undefined>; userData: string }): string[] {
  const machine =
    options.platform === 'win32'
      ? path.win32.join(options.env.ProgramData ?? 'C:\\ProgramData', 'Zhike', updatePolicyFileName)
      : options.platform === 'darwin'
        ? path.posix.join('/Library/Application Support/Zhike', updatePolicyFileName)
        : path.posix.join('/etc/zhike', updatePolicyFileName)
  return [machine, path.join(options.userData, updatePolicyFileName)]
}

/** An https address without credentials (http only on this machine, for a test feed). */
export function parseFeedUrl(value: unknown): string | null {
  if (typeof value !== 'string' || value.length > 2000) return null
  let url: URL
  try {
    url = new URL(value)
  } catch {
    return null
  }
  const loopback = url.hostname === 'localhost' || url.hostname === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(url.hostname)
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) return null
  if (url.username || url.password || url.hash) return null
  if (!url.pathname.endsWith('/')) url.pathname += '/'
  return url.toString()
}

/** Reads one policy file's text (null: the file does not exist). */
export function parseUpdatePolicy(text: string, file: string): UpdatePolicy {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    return { allowed: false, reason: 'damaged', file, problem: 'not JSON' }
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { allowed: false, reason: 'damaged', file, problem: 'not an object' }
  const { allowed, feedUrl } = value as Record<string, unknown>
  if (allowed !== true) return { allowed: false, reason: allowed === false ? 'not-allowed' : 'damaged', file, ...(allowed === false ? {} : { problem: '"allowed" is not true or false' }) }
  const feed = parseFeedUrl(feedUrl)
  if (!feed) return { allowed: false, reason: 'damaged', file, problem: '"feedUrl" is not an https:// address' }
  return { allowed: true, feedUrl: feed, file }
}

/**
 * The policy in force: never in development; otherwise the first file that exists decides (a
 * damaged one means no updates, and the log says why).
 */
export function chooseUpdatePolicy(options: { packaged: boolean; files: readonly { file: string; text: string | null }[] }): UpdatePolicy {
  if (!options.packaged) return { allowed: false, reason: 'development' }
  const found = options.files.find((f) => f.text !== null)
  return found ? parseUpdatePolicy(found.text as string, found.file) : { allowed: false, reason: 'no-policy' }
}

/** The log line saying what the policy decided. */
export function updatePolicyLogLine(policy: UpdatePolicy): string {
  if (policy.allowed) return `updates allowed by ${policy.file}, from ${policy.feedUrl}`
  switch (policy.reason) {
    case 'development':
      return 'updates: off in a development run'
    case 'no-policy':
      return 'updates: off (no updates.json allows them)'
    case 'not-allowed':
      return `updates: off, as ${policy.file} says`
    case 'damaged':
      return `updates: off, ${policy.file} is damaged (${policy.problem ?? 'unreadable'})`
  }
}

/**
 * A downloaded update is never installed without asking: the question differs when this PC serves
 * department terminals (their boards go offline while it restarts). "Later" installs at the next
 * quit, which the person has then agreed to.
 */
export function updateQuestion(serving: boolean): { detail: 'updateReadyDetail' | 'updateReadyServingDetail'; defaultButton: 'restartNow' | 'later' } {
  return serving ? { detail: 'updateReadyServingDetail', defaultButton: 'later' } : { detail: 'updateReadyDetail', defaultButton: 'restartNow' }
}

/** How often to look for a new version once the app runs (and once at start). */
export const updateCheckIntervalMs = 6 * 60 * 60 * 1000
