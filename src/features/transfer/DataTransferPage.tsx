import { Alert, Button, Code, FileButton, Group, List, Modal, Paper, Progress, Stack, Table, Text, Title } from '@mantine/core'
import { useMutation, useQuery } from '@tanstack/react-query'
import { useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { TransferReport } from '../../../electron/core/transfer/transfer-format'
import { call, desktopFiles } from '../../api/client'
import { ExportFileLink } from '../../components/ExportFileLink'
import { errorMessage } from '../../app/errors'
import { useHotelTime } from '../../app/hotel-time'
import { useSession } from '../../app/session'
import { importMinutes } from './import-duration'
import { uploadTransferFile } from './transfer-upload'

/** The manager's desk: everything to one file, and a whole hotel back from one (issue 11, guest files 5). */
export function DataTransferPage() {
  const { t } = useTranslation()
  const { staff } = useSession()
  return (
    <Stack maw={960}>
      <Title order={1}>{t('nav.data')}</Title>
      <ExportSection />
      {staff?.role === 'admin' ? <ImportSection /> : (
        <Paper withBorder p="md">
          <Title order={2} size="h3">{t('transfer.import.title')}</Title>
          <Text mt="xs">{t('transfer.import.adminOnly')}</Text>
        </Paper>
      )}
    </Stack>
  )
}

function formatBytes(bytes: number, lang: string): string {
  const mb = bytes / (1024 * 1024)
  return mb >= 1 ? `${mb.toLocaleString(lang, { maximumFractionDigits: 1 })} MB` : `${Math.max(1, Math.round(bytes / 1024)).toLocaleString(lang)} KB`
}

function ExportSection() {
  const { t, i18n } = useTranslation()
  const [jobId, setJobId] = useState<string | null>(null)
  const start = useMutation({
    mutationFn: () => call('export.start', { kind: 'full.json', params: {} }),
    onSuccess: (answer) => setJobId(answer.jobId),
  })
  const status = useQuery({
    queryKey: ['export', 'status', jobId],
    queryFn: () => call('export.status', { jobId: jobId! }),
    enabled: jobId !== null,
    refetchInterval: (query) => {
      const state = query.state.data?.state
      return state === 'done' || state === 'failed' || state === 'cancelled' ? false : 500
    },
  })
  const cancel = useMutation({ mutationFn: () => call('export.cancel', { jobId: jobId! }), onSuccess: () => void status.refetch() })
  const job = status.data
  const running = job ? job.state === 'queued' || job.state === 'running' : start.isPending
  const percent = job && job.total > 0 ? Math.min(100, Math.round((job.done / job.total) * 100)) : 0
  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Title order={2} size="h3">{t('transfer.export.title')}</Title>
        <Text>{t('transfer.export.what')}</Text>
        <Text size="sm" c="dimmed">{t('transfer.export.secrets')}</Text>
        <Group>
          <Button onClick={() => start.mutate()} loading={start.isPending} disabled={running} data-testid="transfer-export">
            {t('transfer.export.start')}
          </Button>
          {running && job ? (
            <Button variant="default" onClick={() => cancel.mutate()} loading={cancel.isPending} data-testid="transfer-cancel">
              {t('transfer.export.cancel')}
            </Button>
          ) : null}
        </Group>
        {start.error ? <Alert color="red" role="alert">{errorMessage(t, start.error)}</Alert> : null}
        {job && running ? (
          <Stack gap={4}>
            <Progress value={percent} aria-label={t('transfer.export.progressLabel')} animated />
            <Text size="sm" role="status">{job.total > 0 ? t('transfer.export.progress', { done: job.done.toLocaleString(i18n.language), total: job.total.toLocaleString(i18n.language), percent }) : t('transfer.export.starting')}</Text>
          </Stack>
        ) : null}
        {job?.state === 'done' && job.downloadPath ? (
          <Alert color="green" role="status" data-testid="transfer-export-done">
            <Stack gap={4}>
              <Text>{t('transfer.export.done', { guests: (job.guests ?? 0).toLocaleString(i18n.language), size: formatBytes(job.bytes ?? 0, i18n.language) })}</Text>
              <ExportFileLink jobId={job.jobId} downloadPath={job.downloadPath} fileName={job.fileName} label={t('transfer.export.download', { name: job.fileName })} testId="transfer-download" />
            </Stack>
          </Alert>
        ) : null}
        {job?.state === 'cancelled' ? <Alert color="gray" role="status">{t('transfer.export.cancelled')}</Alert> : null}
        {job?.state === 'failed' ? (
          <Alert color="red" role="alert">{t(`errors.${job.error?.code ?? 'EXPORT_FAILED'}${job.error?.details?.context ? `_${String(job.error.details.context)}` : ''}`, { defaultValue: t('errors.EXPORT_FAILED') })}</Alert>
        ) : null}
        {status.error ? <Alert color="red" role="alert">{errorMessage(t, status.error)}</Alert> : null}
      </Stack>
    </Paper>
  )
}

type Checked = { report: TransferReport; store: { guests: number; stays: number } }

function ImportSection() {
  const { t, i18n } = useTranslation()
  const hotelTime = useHotelTime()
  const [file, setFile] = useState<{ name: string; size: number } | null>(null)
  const desktop = desktopFiles()
  const [sent, setSent] = useState<{ done: number; total: number } | null>(null)
  const [uploadId, setUploadId] = useState<string | null>(null)
  const [confirming, setConfirming] = useState(false)
  const abort = useRef<AbortController | null>(null)

  const check = useMutation({
    mutationFn: async (chosen: File | { uploadId: string }): Promise<Checked> => {
      let id: string
      if (chosen instanceof File) {
        abort.current = new AbortController()
        setSent({ done: 0, total: chosen.size })
        id = (await uploadTransferFile(chosen, (done, total) => setSent({ done, total }), abort.current.signal)).uploadId
      } else {
        // The desktop: the file was chosen in the system's dialog and is read where it lies.
        id = chosen.uploadId
      }
      setUploadId(id)
      return call('transfer.check', { uploadId: id })
    },
    onSettled: () => setSent(null),
  })
  const run = useMutation({
    mutationFn: () => call('transfer.import', { uploadId: uploadId! }),
    onSettled: () => setConfirming(false),
  })
  const choose = (chosen: File | null) => {
    if (!chosen) return
    setFile({ name: chosen.name, size: chosen.size })
    setUploadId(null)
    run.reset()
    check.mutate(chosen)
  }
  const chooseOnDesktop = useMutation({
    mutationFn: async () => {
      const picked = await desktop!.openTransferFile()
      if (!picked.uploadId) return
      setFile({ name: picked.fileName ?? '', size: picked.bytes ?? 0 })
      setUploadId(null)
      run.reset()
      check.mutate({ uploadId: picked.uploadId })
    },
  })
  const checked = check.data
  const report = checked?.report
  const storeHasGuests = checked ? checked.store.guests > 0 || checked.store.stays > 0 : false
  const refused = run.error as { details?: { report?: TransferReport } } | null
  const shownReport = refused?.details?.report ?? report
  const uploadPercent = sent && sent.total > 0 ? Math.round((sent.done / sent.total) * 100) : 0

  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Title order={2} size="h3">{t('transfer.import.title')}</Title>
        <Text>{t('transfer.import.what')}</Text>
        <Group>
          {desktop ? (
            <Button variant="default" onClick={() => chooseOnDesktop.mutate()} loading={check.isPending || chooseOnDesktop.isPending} disabled={run.isPending} data-testid="transfer-choose">
              {t('transfer.import.choose')}
            </Button>
          ) : (
            <FileButton onChange={choose} accept=".json,.jsonl,application/json">
              {(props) => (
                <Button {...props} variant="default" loading={check.isPending} disabled={run.isPending} data-testid="transfer-choose">
                  {t('transfer.import.choose')}
                </Button>
              )}
            </FileButton>
          )}
          {file ? <Text size="sm" data-testid="transfer-file-name">{file.name} ({formatBytes(file.size, i18n.language)})</Text> : null}
        </Group>
        {sent ? (
          <Stack gap={4}>
            <Progress value={uploadPercent} aria-label={t('transfer.import.uploadLabel')} />
            <Text size="sm" role="status">{uploadPercent < 100 ? t('transfer.import.uploading', { percent: uploadPercent }) : t('transfer.import.checking')}</Text>
          </Stack>
        ) : null}
        {check.error ? <Alert color="red" role="alert">{errorMessage(t, check.error)}</Alert> : null}
        {chooseOnDesktop.error ? <Alert color="red" role="alert">{errorMessage(t, chooseOnDesktop.error)}</Alert> : null}
        {shownReport && !shownReport.ok ? <ReportView report={shownReport} /> : null}
        {report?.ok && !run.isSuccess ? (
          <Alert color={storeHasGuests ? 'orange' : 'green'} role="status" data-testid="transfer-check-ok">
            <Stack gap={6}>
              <Text>{t('transfer.import.clean', { guests: report.guests.toLocaleString(i18n.language), date: report.exportedAt ? hotelTime.dateTime(report.exportedAt) : '—' })}</Text>
              {importMinutes(report.guests) !== null ? <Text size="sm" data-testid="transfer-import-long">{t('transfer.import.long', { minutes: importMinutes(report.guests) })}</Text> : null}
              {storeHasGuests ? <Text>{t('errors.TRANSFER_STORE_NOT_EMPTY')}</Text> : (
                <Group>
                  <Button color="red" onClick={() => setConfirming(true)} data-testid="transfer-import">
                    {t('transfer.import.start')}
                  </Button>
                </Group>
              )}
            </Stack>
          </Alert>
        ) : null}
        {run.error && !refused?.details?.report ? <Alert color="red" role="alert">{errorMessage(t, run.error)}</Alert> : null}
        {run.data ? (
          <Alert color="green" role="status" data-testid="transfer-imported">
            <Text>{t('transfer.import.done', { guests: run.data.guests.toLocaleString(i18n.language) })}</Text>
            <Text size="sm" mt={4}>{t('transfer.import.pins')}</Text>
          </Alert>
        ) : null}
      </Stack>
      <Modal opened={confirming} onClose={() => setConfirming(false)} title={t('transfer.confirm.title')} centered>
        <Stack>
          <Text>{t('transfer.confirm.body', { guests: (report?.guests ?? 0).toLocaleString(i18n.language) })}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)}>{t('transfer.confirm.back')}</Button>
            <Button color="red" loading={run.isPending} onClick={() => run.mutate()} data-testid="transfer-confirm">
              {t('transfer.confirm.go')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Paper>
  )
}

/** What is wrong with a file: problems with the whole file, then a table of bad rows (at most 200, with the total). */
function ReportView({ report }: { report: TransferReport }) {
  const { t, i18n } = useTranslation()
  return (
    <Paper withBorder p="md" role="alert" aria-labelledby="transfer-report-title" data-testid="transfer-report" style={{ borderColor: 'var(--mantine-color-red-8)', borderWidth: 2 }}>
      <Stack gap="sm">
        <Title order={3} size="h4" id="transfer-report-title" c="red.9">{t('transfer.report.title')}</Title>
        {report.problems.length > 0 ? (
          <List size="sm">
            {report.problems.map((p, i) => (
              <List.Item key={i}>{t(`transfer.problem.${p.code}`, { table: p.table ?? '', line: p.line ?? '', defaultValue: p.message })}</List.Item>
            ))}
          </List>
        ) : null}
        {report.rowIssueCount > 0 ? (
          <>
            <Text size="sm">
              {report.rowIssueCount > report.rows.length
                ? t('transfer.report.someRows', { shown: report.rows.length, count: report.rowIssueCount, total: report.rowIssueCount.toLocaleString(i18n.language) })
                : t('transfer.report.rows', { count: report.rowIssueCount })}
            </Text>
            <div style={{ overflowX: 'auto' }} tabIndex={0} role="region" aria-label={t('transfer.report.tableLabel')}>
              <Table striped withTableBorder fz="sm" miw={520} data-testid="transfer-bad-rows">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('transfer.report.table')}</Table.Th>
                    <Table.Th>{t('transfer.report.row')}</Table.Th>
                    <Table.Th>{t('transfer.report.field')}</Table.Th>
                    <Table.Th>{t('transfer.report.problem')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {report.rows.map((r, i) => (
                    <Table.Tr key={i}>
                      <Table.Td>{r.table}</Table.Td>
                      <Table.Td>{r.row}</Table.Td>
                      <Table.Td>{r.field ? <Code>{r.field}</Code> : '—'}</Table.Td>
                      <Table.Td>{t(`transfer.rowProblem.${r.code}`)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </div>
          </>
        ) : null}
        <Text size="sm">{t('transfer.report.nothing')}</Text>
      </Stack>
    </Paper>
  )
}
