import { Alert, Button, Code, CopyButton, Group, Stack, Text } from '@mantine/core'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { call } from '../../api/client'
import { errorMessage } from '../../app/errors'
import { Dialog } from '../../components/Dialog'
import { notify } from '../../components/notify'
import type { StaffEntry } from './staff-filter'

export type StaffAction = 'deactivate' | 'reactivate' | 'resetPin' | 'endSessions'

/**
 * Asks before deactivating, reactivating, resetting a PIN or ending someone's sessions, then does
 * it. A reset PIN is shown here once, with a copy button; it is never shown again.
 */
export function StaffActionDialog({ action, onClose }: { action: { kind: StaffAction; person: StaffEntry } | null; onClose: () => void }) {
  const { t } = useTranslation()
  const queryClient = useQueryClient()
  const run = useMutation({
    mutationFn: async ({ kind, person }: { kind: StaffAction; person: StaffEntry }) => {
      const staffId = person.id
      if (kind === 'deactivate') return { kind, ...(await call('staff.deactivate', { staffId })) }
      if (kind === 'reactivate') return { kind, ...(await call('staff.reactivate', { staffId })) }
      if (kind === 'resetPin') return { kind, ...(await call('staff.resetPin', { staffId })) }
      return { kind, ...(await call('staff.revokeSessions', { staffId })) }
    },
    onSuccess: async (answer, { person }) => {
      await queryClient.invalidateQueries({ queryKey: ['staff'] })
      await queryClient.invalidateQueries({ queryKey: ['staff-directory'] })
      if (answer.kind === 'resetPin') return // the PIN stays on screen until the administrator closes it
      const revoked = 'revoked' in answer ? answer.revoked : 0
      notify({ color: 'green', message: t(`staff.confirm.${answer.kind}.done`, { name: person.name, count: revoked }) })
      close()
    },
  })
  const close = () => {
    run.reset()
    onClose()
  }
  const kind = action?.kind
  const person = action?.person
  const temporaryPin = run.data && 'temporaryPin' in run.data ? run.data.temporaryPin : null
  return (
    <Dialog opened={action !== null} onClose={close} title={kind && person ? t(`staff.confirm.${kind}.title`, { name: person.name }) : ''} centered>
      {kind && person ? (
        temporaryPin ? (
          <Stack gap="sm" data-testid="temporary-pin">
            <Text>{t('staff.confirm.resetPin.shown', { name: person.name })}</Text>
            <Group gap="sm" wrap="nowrap">
              <Code fz="xl" fw={700} style={{ letterSpacing: '0.2em' }} aria-label={t('staff.confirm.resetPin.pinLabel')} data-testid="temporary-pin-value">
                {temporaryPin}
              </Code>
              <CopyButton value={temporaryPin}>
                {({ copied, copy }) => (
                  <Button variant="default" size="xs" onClick={copy}>
                    {copied ? t('staff.confirm.resetPin.copied') : t('staff.confirm.resetPin.copy')}
                  </Button>
                )}
              </CopyButton>
            </Group>
            <Text size="sm" c="dimmed">{t('staff.confirm.resetPin.once')}</Text>
            <Group justify="flex-end">
              <Button onClick={close} data-autofocus>{t('staff.confirm.resetPin.close')}</Button>
            </Group>
          </Stack>
        ) : (
          <Stack gap="sm">
            <Text>{t(`staff.confirm.${kind}.text`, { name: person.name })}</Text>
            {run.isError ? <Alert color="red" role="alert">{errorMessage(t, run.error)}</Alert> : null}
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>{t('staff.cancel')}</Button>
              <Button color={kind === 'deactivate' ? 'red' : undefined} loading={run.isPending} onClick={() => run.mutate({ kind, person })} data-autofocus data-testid="staff-confirm">
                {t(`staff.confirm.${kind}.submit`)}
              </Button>
            </Group>
          </Stack>
        )
      ) : null}
    </Dialog>
  )
}
