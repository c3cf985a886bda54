import { Alert, Badge, Button, Code, CopyButton, Group, Loader, Paper, Stack, Switch, Text, TextInput, Title } from '@mantine/core'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { call } from '../../api/client'
import { errorMessage } from '../../app/errors'
import { contrast } from '../board/contrast'
import { notify } from '../../components/notify'
import { fingerprintRows, onlyThisMachine, portFrom } from './terminal-display'
import { TerminalQrCode } from './TerminalQrCode'

// Outline with paired shades (as the observation status): a light badge's tint fails AA contrast. Words and a mark, never colour alone.
const stateLook = {
  off: { color: contrast.muted, mark: '○' },
  starting: { color: contrast.warning, mark: '…' },
  on: { color: contrast.success, mark: '●' },
  error: { color: contrast.danger, mark: '✗' },
  onHereOnly: { color: contrast.muted, mark: '◐' },
} as const

/** Serve department terminals: whether and where, the addresses, the certificate to check, a QR code. */
export function TerminalsSection() {
  const { t, i18n } = useTranslation()
  const queryClient = useQueryClient()
  const status = useQuery({
    queryKey: ['terminals'],
    queryFn: () => call('terminals.status', {}),
    // Starting is asynchronous: look again until it is on or has failed.
    refetchInterval: (query) => (query.state.data?.state === 'starting' ? 1000 : false),
  })
  const [portText, setPortText] = useState<string | null>(null)
  const [portChecked, setPortChecked] = useState(false)
  const configure = useMutation({
    mutationFn: (settings: { enabled: boolean; port: number }) => call('terminals.configure', settings),
    onSuccess: (value) => {
      queryClient.setQueryData(['terminals'], value)
      setPortText(null)
      notify({ message: t('settings.terminals.saved', { state: t(`settings.terminals.${value.state}`) }), color: 'green' })
      void queryClient.invalidateQueries({ queryKey: ['terminals'] })
    },
  })

  const s = status.data
  // A loopback-only hub is reachable from this machine alone: no warning about the network, no QR code for phones.
  const local = s !== undefined && s.urls.length > 0 && onlyThisMachine(s.urls)
  // "Serving terminals" would be untrue when no terminal can reach the addresses.
  const shown = s?.state === 'on' && local ? 'onHereOnly' : s?.state
  const port = portText ?? String(s?.port ?? '')
  const portError = portChecked && portFrom(port) === null ? t('settings.terminals.portInvalid') : undefined
  const savePort = (e: FormEvent) => {
    e.preventDefault()
    setPortChecked(true)
    const value = portFrom(port)
    if (s && value !== null) configure.mutate({ enabled: s.enabled, port: value })
  }

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="terminals-title">
      <Stack gap="sm">
        <Title order={2} size="h3" id="terminals-title">{t('settings.terminals.title')}</Title>
        <Text size="sm" c="dimmed">{t('settings.terminals.intro')}</Text>
        {status.isLoading ? <Loader aria-label={t('app.loading')} /> : null}
        {status.isError ? <Alert color="red" role="alert">{errorMessage(t, status.error)}</Alert> : null}
        {s ? (
          <>
            <Group gap="xs">
              <Text fw={600}>{t('settings.terminals.state')}:</Text>
              <Badge color={stateLook[shown!].color} variant="outline" size="lg" data-testid="terminal-state">
                <span aria-hidden>{stateLook[shown!].mark} </span>
                {t(`settings.terminals.${shown!}`)}
              </Badge>
            </Group>
            {s.error ? <Alert color="red" role="alert">{t(`settings.terminals.${s.error}`, { port: s.port })}</Alert> : null}
            {s.canConfigure ? (
              <Stack gap="sm">
                <Switch
                  label={t('settings.terminals.toggle')}
                  checked={s.enabled}
                  disabled={configure.isPending}
                  onChange={(e) => {
                    const value = portFrom(port) ?? s.port
                    configure.mutate({ enabled: e.currentTarget.checked, port: value })
                  }}
                />
                <form onSubmit={savePort} noValidate>
                  <Group align="flex-end" gap="sm">
                    <TextInput
                      label={t('settings.terminals.port')}
                      description={t('settings.terminals.portHint')}
                      value={port}
                      onChange={(e) => setPortText(e.currentTarget.value)}
                      error={portError}
                      inputMode="numeric"
                      w={220}
                      maxLength={5}
                    />
                    <Button type="submit" variant="default" loading={configure.isPending} disabled={portText === null || portText === String(s.port)}>
                      {t('settings.terminals.savePort')}
                    </Button>
                  </Group>
                </form>
                {configure.isError ? <Alert color="red" role="alert">{errorMessage(t, configure.error)}</Alert> : null}
              </Stack>
            ) : (
              <Text size="sm">{t('settings.terminals.hubNote')}</Text>
            )}
            {local ? (
              <Alert color="blue" data-testid="terminals-only-here">
                {[t('settings.terminals.onlyHere'), s.host === 'hub' ? t(s.tls ? 'settings.terminals.onlyHereHubTls' : 'settings.terminals.onlyHereHub') : ''].join(i18n.language.startsWith('zh') ? '' : ' ')}
              </Alert>
            ) : null}
            {s.state === 'on' && !s.tls && !local ? (
              <Alert color="orange" title={<Text span inherit c={contrast.warning}>{t('settings.terminals.plainHttpTitle')}</Text>} data-testid="terminals-plain-http">{t('settings.terminals.plainHttp')}</Alert>
            ) : null}
            <Addresses urls={s.urls} local={local} />
            {s.fingerprint ? <Fingerprint fingerprint={s.fingerprint} /> : null}
            {s.urls.length > 0 && !local ? (
              <Stack gap={4} align="flex-start">
                <TerminalQrCode url={s.urls[0]} />
                <Text size="sm" c="dimmed">{t('settings.terminals.qrHint')}</Text>
              </Stack>
            ) : null}
          </>
        ) : null}
      </Stack>
    </Paper>
  )
}

function Addresses({ urls, local }: { urls: string[]; local: boolean }) {
  const { t } = useTranslation()
  return (
    <Stack gap={4}>
      <Title order={3} size="h5">{t(local ? 'settings.terminals.addressesHere' : 'settings.terminals.addresses')}</Title>
      {urls.length === 0 ? <Text size="sm" c="dimmed">{t('settings.terminals.noAddresses')}</Text> : null}
      <Stack gap={6} component="ul" m={0} p={0} style={{ listStyle: 'none' }} data-testid="terminal-urls">
        {urls.map((url) => (
          <Group component="li" key={url} gap="xs" wrap="nowrap">
            <Code fz="sm" style={{ userSelect: 'all', overflowWrap: 'anywhere' }}>{url}</Code>
            <CopyButton value={url}>
              {({ copied, copy }) => (
                <Button size="compact-sm" variant="default" onClick={copy} aria-label={t('settings.terminals.copyAddress', { url })}>
                  {copied ? t('settings.terminals.copied') : t('settings.terminals.copy')}
                </Button>
              )}
            </CopyButton>
          </Group>
        ))}
      </Stack>
    </Stack>
  )
}

function Fingerprint({ fingerprint }: { fingerprint: string }) {
  const { t } = useTranslation()
  return (
    <Stack gap={4}>
      <Title order={3} size="h5">{t('settings.terminals.fingerprint')}</Title>
      <Code block fz="sm" data-testid="terminal-fingerprint" style={{ whiteSpace: 'pre', width: 'fit-content', maxWidth: '100%' }}>
        {fingerprintRows(fingerprint).join('\n')}
      </Code>
      <Text size="sm">{t('settings.terminals.fingerprintCheck')}</Text>
    </Stack>
  )
}
