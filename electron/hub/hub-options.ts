import { parseArgs } from 'node:util'
import { isLoopbackBind } from './network'

export const hubUsage = `usage: npm run serve -- [--data DIR] [--demo] [--port N] [--host ADDR]
       [--tls-cert FILE --tls-key FILE | --tls self-signed | --insecure-http] [--host-name NAME ...]

  --host ADDR        listen on ADDR (default 127.0.0.1, this machine only); 0.0.0.0 for every network
  --tls-cert/--tls-key  the hotel's certificate and its key (PEM) for HTTPS
  --tls self-signed  HTTPS with a certificate made once and kept in the data folder
  --insecure-http    plain HTTP on the network (PINs cross it in clear; a warning is printed on every start)
  --host-name NAME   a DNS name terminals use for this PC (repeatable)`

/** What `npm run serve` was asked to do, checked. */
export interface HubCommand {
  dataDir: string | undefined
  demo: boolean
  port: number
  host: string
  tls: { kind: 'files'; certFile: string; keyFile: string } | { kind: 'self-signed' } | { kind: 'none'; insecureOnNetwork: boolean }
  hostNames: string[]
}

export class HubCommandError extends Error {}

/**
 * Parses and checks the hub's command line. Loopback may be plain HTTP; any other address needs
 * HTTPS (`--tls-cert` + `--tls-key`, or `--tls self-signed`) unless `--insecure-http` says the
 * hotel accepts PINs in clear. Throws HubCommandError with a sentence saying what to change.
 */
export function parseHubCommand(argv: string[], env: NodeJS.ProcessEnv = {}): HubCommand {
  let values
  try {
    values = parseArgs({
      args: argv,
      options: {
        data: { type: 'string' },
        demo: { type: 'boolean', default: false },
        port: { type: 'string', default: env.ZHIKE_PORT ?? '4870' },
        host: { type: 'string', default: '127.0.0.1' },
        tls: { type: 'string' },
        'tls-cert': { type: 'string' },
        'tls-key': { type: 'string' },
        'insecure-http': { type: 'boolean', default: false },
        'host-name': { type: 'string', multiple: true, default: [] },
      },
    }).values
  } catch (error) {
    throw new HubCommandError((error as Error).message)
  }
  const port = Number(values.port)
  if (!/^\d+$/.test(values.port) || !Number.isInteger(port) || port < 1 || port > 65535) {
    throw new HubCommandError(`--port must be a number from 1 to 65535, not "${values.port}".`)
  }
  const host = values.host.trim()
  if (!/^[A-Za-z0-9.:-]+$/.test(host)) throw new HubCommandError(`--host must be an IP address or a host name, not "${values.host}".`)
  for (const name of values['host-name']) {
    if (!/^[A-Za-z0-9.-]{1,253}$/.test(name)) throw new HubCommandError(`--host-name must be a DNS name, not "${name}".`)
  }
  const certFile = values['tls-cert']
  const keyFile = values['tls-key']
  if ((certFile === undefined) !== (keyFile === undefined)) throw new HubCommandError('--tls-cert and --tls-key go together: give both files.')
  if (values.tls !== undefined && values.tls !== 'self-signed') throw new HubCommandError(`--tls takes one value, self-signed (not "${values.tls}").`)
  if (values.tls !== undefined && certFile !== undefined) throw new HubCommandError('Give either --tls self-signed or --tls-cert/--tls-key, not both.')
  const wantsTls = values.tls !== undefined || certFile !== undefined
  if (wantsTls && values['insecure-http']) throw new HubCommandError('--insecure-http contradicts the TLS options; drop one.')
  if (!wantsTls && !isLoopbackBind(host) && !values['insecure-http']) {
    throw new HubCommandError(
      `--host ${host} opens Zhike to the network, where PINs and sessions must not cross in clear. ` +
        'Add --tls-cert FILE --tls-key FILE (the hotel’s certificate), or --tls self-signed; ' +
        'or, only on a network you fully trust, --insecure-http.',
    )
  }
  return {
    dataDir: values.data,
    demo: values.demo,
    port,
    host,
    tls:
      certFile !== undefined
        ? { kind: 'files', certFile, keyFile: keyFile! }
        : values.tls === 'self-signed'
          ? { kind: 'self-signed' }
          : { kind: 'none', insecureOnNetwork: !isLoopbackBind(host) },
    hostNames: values['host-name'],
  }
}
