import type { Clock } from './clock'
import type { CoreEventName, CoreEvents } from './events'
import type { Sqlite } from './db/query'
import type { Role } from './staff/roles'
import type { SessionStore } from './staff/sessions'
import { AppError } from './errors'

/** The signed-in staff member on whose behalf an operation runs. */
export interface Actor {
  staffId: number
  code: string
  name: string
  role: Role
  department: string
  /**
   * Signed in with a temporary PIN an administrator set: until a new PIN is chosen, only
   * `session.changePin`, `session.current` and `session.signOut` are allowed.
   */
  mustChangePin?: boolean
}

/**
 * Where a call comes from, as the transport saw it. `local`: the machine itself (the desktop
 * app's own window, or a browser on loopback asking for a loopback host name); only a local
 * caller, or one holding the one-time setup code, may claim a new store.
 */
export interface Caller {
  /** The client's IP address as the socket saw it (never a forwarded header), or 'desktop'. */
  address: string
  local: boolean
}

/** The in-process caller: the desktop window, the demo loader, tests and benchmarks. */
export const desktopCaller: Caller = { address: 'desktop', local: true }

export interface OperationContext {
  sqlite: Sqlite
  clock: Clock
  sessions: SessionStore
  actor: Actor | null
  caller: Caller
  /** Capabilities the host wires in (the demo hotel's data lives beside the app, not in core). */
  services: CoreServices
  /** Queue an event; it is published once the operation's transaction commits. */
  emit<K extends CoreEventName>(name: K, payload: CoreEvents[K]): void
}

/** The actor of an operation that needs one (every operation that is not public). */
export function actorOf(ctx: OperationContext): Actor {
  if (!ctx.actor) throw new AppError('UNAUTHENTICATED', 'Sign in first.')
  return ctx.actor
}

export interface CoreServices {
  /** Loads the demo hotel into an empty store; absent where no demo data ships. */
  loadDemo?: () => { rooms: number; guests: number; arrivalsToday: number }
  /** Who serves department terminals (the desktop app's own hub, or `npm run serve`). */
  terminals?: TerminalService
  /**
   * The better-sqlite3 build the store was opened with (Electron's ABI), set by createCore: export
   * workers open the store file (the data folder is the store file's folder) read-only with it.
   */
  nativeBinding?: string
  /**
   * The export worker's built entry file (see `freshBuiltExportWorker`), for a host that runs
   * core from source but has a fresh build; absent: found beside the code (built) or run through tsx.
   */
  exportWorker?: string
}

/** What the settings screen shows about serving department terminals. */
export interface TerminalServerStatus {
  /** 'desktop': this desktop app can serve terminals; 'hub': `npm run serve` serves them. */
  host: 'desktop' | 'hub'
  state: 'off' | 'starting' | 'on' | 'error'
  /** Whether an administrator turned serving on (desktop), always true for the hub. */
  enabled: boolean
  /** TCP port, 1–65535. */
  port: number
  /** Addresses a terminal can open, e.g. https://192.168.1.20:4870/ (LAN first, loopback last). */
  urls: string[]
  /** SHA-256 of the certificate, colon-separated upper-case hex; null when serving plain HTTP. */
  fingerprint: string | null
  tls: boolean
  /** Why serving failed: 'PORT_IN_USE' or 'START_FAILED' (the screen translates it), null if none. */
  error: 'PORT_IN_USE' | 'START_FAILED' | null
}

/** Implemented by the host. `configure` exists only where the host can start and stop serving. */
export interface TerminalService {
  status(): TerminalServerStatus
  /** Starts or stops serving (asynchronously: status() says 'starting', then 'on' or 'error'). */
  configure?(settings: { enabled: boolean; port: number }): void
}
