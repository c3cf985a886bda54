import { Alert, Text, VisuallyHidden } from '@mantine/core'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useLiveStatus, type LiveStatus } from '../api/live-events'
import classes from './connection-status.module.css'

const shown: ReadonlySet<LiveStatus> = new Set(['connecting', 'live', 'reconnecting', 'offline'])

/**
 * Where the live connection stands, always in view in the header: "Live", "Reconnecting…",
 * "Offline". A polite status region, so a screen reader hears the change without losing its place.
 */
export function ConnectionStatus() {
  const { t } = useTranslation()
  const status = useLiveStatus()
  const visible = shown.has(status)
  return (
    <div role="status" aria-live="polite" aria-atomic="true" className={classes.status} data-testid="connection-status" data-state={status}>
      {visible ? (
        <>
          <span aria-hidden className={classes.dot} data-state={status} />
          <Text span size="sm" fw={600} className={classes.label} data-state={status} aria-hidden>
            {t(`live.state.${status}`)}
          </Text>
          <VisuallyHidden>{t('live.stateLabel', { state: t(`live.state.${status}`) })}</VisuallyHidden>
        </>
      ) : null}
    </div>
  )
}

/**
 * The same news said plainly at the top of the page: offline at once; reconnecting only when it
 * lasts (a stream that reconnects within a few seconds is not worth a banner).
 */
export function ConnectionNotice() {
  const { t } = useTranslation()
  const status = useLiveStatus()
  const [lasting, setLasting] = useState(false)
  useEffect(() => {
    setLasting(false)
    if (status !== 'reconnecting') return
    const timer = setTimeout(() => setLasting(true), 3_000)
    return () => clearTimeout(timer)
  }, [status])
  const kind = status === 'offline' ? 'offline' : status === 'reconnecting' && lasting ? 'reconnecting' : null
  if (!kind) return null
  return (
    <Alert
      color={kind === 'offline' ? 'red' : 'orange'}
      variant="light"
      p="sm"
      mb="md"
      data-testid="connection-notice"
      data-state={kind}
      title={t(`live.${kind}Title`)}
      styles={{ title: { color: 'var(--mantine-color-text)' }, message: { color: 'var(--mantine-color-text)' } }}
    >
      {t(`live.${kind}Text`)}
    </Alert>
  )
}
