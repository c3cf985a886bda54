import { z } from 'zod'
import { recordAudit } from '../audit/audit.repository'
import { actorOf, type TerminalServerStatus } from '../context'
import { AppError } from '../errors'
import { operation } from '../operation'
import { readTerminalSettings, terminalSettings, writeTerminalSettings } from './terminal-settings'

/** Where no host reports (tests, benchmarks): nothing serves terminals. */
function unavailable(port: number): TerminalServerStatus {
  return { host: 'desktop', state: 'off', enabled: false, port, urls: [], fingerprint: null, tls: false, error: null }
}

export const terminalOperations = {
  'terminals.status': operation({
    kind: 'query',
    summary: 'Who serves department terminals: addresses, certificate fingerprint, state. Administrators only.',
    permission: 'system.admin',
    input: z.object({}),
    handler(ctx): TerminalServerStatus & { canConfigure: boolean } {
      const service = ctx.services.terminals
      if (!service) return { ...unavailable(readTerminalSettings(ctx.sqlite).port), canConfigure: false }
      return { ...service.status(), canConfigure: service.configure !== undefined }
    },
  }),

  'terminals.configure': operation({
    kind: 'mutation',
    summary: 'Turn "Serve department terminals" on or off in the desktop app (port 1024–65535). Administrators only.',
    permission: 'system.admin',
    input: terminalSettings,
    handler(ctx, input) {
      const service = ctx.services.terminals
      if (!service?.configure) {
        throw new AppError('FORBIDDEN', 'Terminals are served by `npm run serve` here; its options are set where it is started.')
      }
      writeTerminalSettings(ctx.sqlite, input)
      recordAudit(ctx.sqlite, { at: ctx.clock.now().toISOString(), staffId: actorOf(ctx).staffId, action: 'terminals.configure', entity: 'setting', detail: input })
      service.configure(input)
      return { ...service.status(), canConfigure: true }
    },
  }),
}
