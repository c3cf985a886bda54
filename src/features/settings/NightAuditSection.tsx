import { Alert, Button, Group, List, Loader, Paper, Stack, Text, Title } from '@mantine/core'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { call } from '../../api/client'
import { errorMessage } from '../../app/errors'
import { useHotelTime } from '../../app/hotel-time'
import { Dialog } from '../../components/Dialog'
import { NightAuditReportView, type NightAuditReport } from './NightAuditReportView'

/** The night audit (managers): when it runs next, a button to run it now (confirmed), and what the last one did. */
export function NightAuditSection() {
  const { t } = useTranslation()
  const hotelTime = useHotelTime()
  const queryClient = useQueryClient()
  const status = useQuery({ queryKey: ['night-audit', 'status'], queryFn: () => call('nightAudit.status', {}), refetchInterval: 60_000 })
  const [confirming, setConfirming] = useState(false)
  const [ran, setRan] = useState<NightAuditReport | null>(null)
  const run = useMutation({
    mutationFn: () => call('nightAudit.run', {}),
    onSuccess: (report) => {
      setRan(report)
      setConfirming(false)
      // The business date moved: every screen that shows "today" reads it again.
      void queryClient.invalidateQueries()
    },
    onError: () => setConfirming(false),
  })
  const report = ran ?? status.data?.lastReport ?? null

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="night-audit-title">
      <Stack gap="sm">
        <Title order={2} size="h3" id="night-audit-title">{t('settings.audit.title')}</Title>
        <Text size="sm" c="dimmed">{t('settings.audit.intro')}</Text>
        {status.isLoading ? <Loader aria-label={t('app.loading')} /> : null}
        {status.isError ? <Alert color="red" role="alert">{errorMessage(t, status.error)}</Alert> : null}
        {status.data ? (
          <Text size="sm" data-testid="night-audit-status">
            {t('settings.audit.status', {
              date: hotelTime.date(status.data.businessDate),
              next: hotelTime.when(status.data.nextAutomaticAudit),
              zone: status.data.timeZone,
            })}
          </Text>
        ) : null}
        <Group>
          <Button variant="default" color="red" onClick={() => {
            setConfirming(true)
            void status.refetch()
          }} disabled={!status.data}>{t('settings.audit.run')}</Button>
        </Group>
        {run.isError ? <Alert color="red" role="alert">{errorMessage(t, run.error)}</Alert> : null}
        <Text size="sm" role="status">{ran ? t('settings.audit.done', { date: hotelTime.date(ran.newBusinessDate) }) : ''}</Text>
        {report ? (
          <Paper withBorder p="sm" bg="var(--mantine-color-body)">
            <Title order={3} size="h5" mb="xs">{t(ran ? 'settings.audit.thisReport' : 'settings.audit.lastReport')}</Title>
            <NightAuditReportView report={report} />
          </Paper>
        ) : status.data ? (
          <Text size="sm" c="dimmed">{t('settings.audit.never')}</Text>
        ) : null}
      </Stack>
      <Dialog opened={confirming} onClose={() => setConfirming(false)} title={t('settings.audit.confirmTitle')} centered>
        <Stack gap="sm">
          {status.data ? (
            <>
              <Text size="sm">{t('settings.audit.confirm', { date: hotelTime.date(status.data.businessDate) })}</Text>
              <List size="sm" spacing={4} data-testid="night-audit-consequences">
                <List.Item>{t(status.data.ifRunNow.noShowsMarked ? 'settings.audit.confirmNoShowsMarked' : 'settings.audit.confirmNoShowsListed', { count: status.data.ifRunNow.noShows })}</List.Item>
                <List.Item>{t('settings.audit.confirmDueOut', { count: status.data.ifRunNow.dueOut })}</List.Item>
              </List>
            </>
          ) : null}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={() => setConfirming(false)}>{t('settings.audit.cancel')}</Button>
            <Button color="red" loading={run.isPending} onClick={() => run.mutate()}>{t('settings.audit.confirmRun')}</Button>
          </Group>
        </Stack>
      </Dialog>
    </Paper>
  )
}
