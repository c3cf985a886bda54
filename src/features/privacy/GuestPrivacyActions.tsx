import { Alert, Button, Group, Loader, Paper, Select, Stack, Text, Title } from '@mantine/core'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ErasureReason } from '../../../electron/core/privacy/erasure-reasons'
import { call } from '../../api/client'
import { errorMessage } from '../../app/errors'
import { useHotelTime } from '../../app/hotel-time'
import { useSession } from '../../app/session'
import { Dialog } from '../../components/Dialog'
import { ExportFileLink } from '../../components/ExportFileLink'
import { notify } from '../../components/notify'
import { PrintCardButton } from '../print/PrintLinks'
import { accessExportRoles, eraseRoles, erasureReasonChoices } from './privacy-roles'

const usePrivacyStatus = (guestId: number) => useQuery({ queryKey: ['privacy-status', guestId], queryFn: () => call('guest.privacyStatus', { guestId }) })

/** "Anonymised guest" with the date, at the top of an anonymised guest's card; nothing for anyone else. */
export function AnonymisedGuestNotice({ guestId }: { guestId: number }) {
  const { t } = useTranslation()
  const hotelTime = useHotelTime()
  const anonymisedAt = usePrivacyStatus(guestId).data?.anonymisedAt
  if (!anonymisedAt) return null
  return (
    <Alert color="gray" variant="outline" title={t('erasure.anonymisedTitle')} data-testid="anonymised-guest">
      {t('erasure.anonymisedOn', { date: hotelTime.dateTime(anonymisedAt) })}
    </Alert>
  )
}

/**
 * The privacy part of a guest's card (nothing once the guest is anonymised: AnonymisedGuestNotice
 * says so at the top): the right of access ("Export everything about this guest", with the printable card
 * beside it) for roles with `guest.privacy`, and "Erase this guest" for roles with `guest.erase`,
 * refused with its reason while the guest is in house or has a reservation to come.
 */
export function GuestPrivacyActions({ guestId, guestName }: { guestId: number; guestName: string }) {
  const { t } = useTranslation()
  const { staff } = useSession()
  const hotelTime = useHotelTime()
  const status = usePrivacyStatus(guestId)
  const mayExport = staff ? accessExportRoles.includes(staff.role) : false
  const mayErase = staff ? eraseRoles.includes(staff.role) : false

  if (status.isLoading) return <Loader size="sm" aria-label={t('app.loading')} />
  if (status.isError) return <Alert color="red" role="alert">{errorMessage(t, status.error)}</Alert>
  const data = status.data
  if (!data) return null
  if (data.anonymisedAt || (!mayExport && !mayErase)) return null
  const blocked = data.blockedBy
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="privacy-title">
      <Stack gap="sm">
        <Title order={2} size="h4" id="privacy-title">{t('erasure.section')}</Title>
        {mayExport ? <AccessExport guestId={guestId} /> : null}
        {mayErase ? (
          <Stack gap="xs">
            <Text size="sm" c="dimmed">{t('erasure.eraseIntro')}</Text>
            {blocked ? (
              <Text size="sm" c="orange.9" id="erase-blocked" data-testid="erase-blocked">
                {blocked.code === 'ERASE_IN_HOUSE' ? t('erasure.blockedInHouse', { departure: hotelTime.date(blocked.departure) }) : t('erasure.blockedReserved', { arrival: hotelTime.date(blocked.arrival) })}
              </Text>
            ) : null}
            <EraseButton guestId={guestId} guestName={guestName} disabled={!data.erasable} />
          </Stack>
        ) : null}
      </Stack>
    </Paper>
  )
}

/** "Export everything about this guest": starts the access export, follows it, then offers the file. */
function AccessExport({ guestId }: { guestId: number }) {
  const { t, i18n } = useTranslation()
  const [jobId, setJobId] = useState<string | null>(null)
  const start = useMutation({
    mutationFn: () => call('guest.accessExport', { guestId, lang: i18n.language === 'zh-CN' ? 'zh-CN' : 'en' }),
    onSuccess: (answer) => setJobId(answer.jobId),
  })
  const job = useQuery({
    queryKey: ['access-export', jobId],
    queryFn: () => call('guest.accessExportStatus', { jobId: jobId! }),
    enabled: jobId !== null,
    refetchInterval: (query) => (query.state.data && ['done', 'failed', 'cancelled'].includes(query.state.data.state) ? false : 500),
  })
  const view = job.data
  return (
    <Stack gap="xs">
      <Text size="sm" c="dimmed">{t('erasure.exportIntro')}</Text>
      <Group gap="xs">
        <Button variant="default" onClick={() => start.mutate()} loading={start.isPending} data-testid="access-export">
          {t('erasure.exportEverything')}
        </Button>
        <PrintCardButton guestId={guestId} />
      </Group>
      {start.isError ? <Alert color="red" role="alert">{errorMessage(t, start.error)}</Alert> : null}
      {jobId && (!view || view.state === 'queued' || view.state === 'running') ? (
        <Text size="sm" role="status">{t('erasure.exporting')}</Text>
      ) : null}
      {view?.state === 'done' && view.downloadPath ? (
        <Group gap="xs" role="status">
          <Text size="sm">{t('erasure.exportReady')}</Text>
          <ExportFileLink jobId={view.jobId} downloadPath={view.downloadPath} fileName={view.fileName} label={t('erasure.download', { fileName: view.fileName })} testId="access-export-file" />
        </Group>
      ) : null}
      {view?.state === 'failed' ? (
        <Alert color="red" role="alert">{view.error ? errorMessage(t, view.error) : t('erasure.exportFailed')}</Alert>
      ) : null}
    </Stack>
  )
}

/** "Erase this guest", with a dialog that names the guest and asks why before anything is erased. */
function EraseButton({ guestId, guestName, disabled }: { guestId: number; guestName: string; disabled: boolean }) {
  const { t } = useTranslation()
  const queries = useQueryClient()
  const [open, setOpen] = useState(false)
  const [reason, setReason] = useState<ErasureReason | null>(null)
  const erase = useMutation({
    mutationFn: () => call('guest.erase', { guestId, reason: reason! }),
    onSuccess: () => {
      setOpen(false)
      notify({ color: 'green', message: t('erasure.erased') })
      void queries.invalidateQueries()
    },
  })
  const close = () => {
    setOpen(false)
    erase.reset()
  }
  return (
    <>
      <Group>
        <Button color="red" variant="outline" onClick={() => setOpen(true)} disabled={disabled} aria-describedby={disabled ? 'erase-blocked' : undefined} data-testid="erase-guest">
          {t('erasure.erase')}
        </Button>
      </Group>
      <Dialog opened={open} onClose={close} title={t('erasure.dialogTitle')} centered>
        <form
          onSubmit={(event) => {
            event.preventDefault()
            if (reason) erase.mutate()
          }}
        >
          <Stack gap="sm">
            <Text size="sm">{t('erasure.dialogBody', { name: guestName })}</Text>
            <Select
              label={t('erasure.reason')}
              placeholder={t('erasure.reasonPlaceholder')}
              data={erasureReasonChoices.map((value) => ({ value, label: t(`erasure.reasons.${value}`) }))}
              value={reason}
              onChange={(value) => setReason(value as ErasureReason | null)}
              required
              allowDeselect={false}
              data-testid="erase-reason"
              comboboxProps={{ withinPortal: true }}
            />
            {erase.isError ? <Alert color="red" role="alert">{errorMessage(t, erase.error)}</Alert> : null}
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>{t('erasure.cancel')}</Button>
              <Button type="submit" color="red" disabled={!reason} loading={erase.isPending} data-testid="erase-confirm">
                {t('erasure.confirm')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Dialog>
    </>
  )
}
