import { Alert, Button, Group, Loader, Modal, NumberInput, Paper, Progress, Stack, Table, Text, TextInput, Title, VisuallyHidden } from '@mantine/core'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { ApiError, call, desktopFiles } from '../../api/client'
import { errorMessage } from '../../app/errors'
import { useHotelTime } from '../../app/hotel-time'
import { backupErrorKey, backupSize, jobPercent, type BackupJobView } from './backup-display'

type Status = Awaited<ReturnType<typeof readStatus>>
type Listing = Status['backups'][number]

function readStatus() {
  return call('backup.status', {})
}

/** A translated sentence for a backup failure: the reason's own sentence where there is one. */
function useBackupError() {
  const { t } = useTranslation()
  return (error: unknown): string => {
    const key = backupErrorKey(error)
    return key ? t(key) : errorMessage(t, error)
  }
}

/**
 * The manager's desk: backups. The folder and how many to keep, "Back up now" with its progress,
 * the backups in the folder, and (administrators) "Restore…", which checks the backup first and
 * says what will happen before anything does.
 */
export function BackupsPage() {
  const { t } = useTranslation()
  const status = useQuery({
    queryKey: ['backup-status'],
    queryFn: readStatus,
    // While a backup or restore runs, its progress is polled.
    refetchInterval: (query) => (query.state.data?.job?.state === 'running' ? 500 : 30_000),
  })
  const data = status.data
  return (
    <Stack gap="md" maw={960}>
      <Title order={1}>{t('nav.backups')}</Title>
      <Text c="dimmed" size="sm">{t('backups.intro')}</Text>
      {status.isLoading ? <Loader aria-label={t('app.loading')} /> : null}
      {status.isError ? <Alert color="red" role="alert">{errorMessage(t, status.error)}</Alert> : null}
      {data ? (
        <>
          <BackUpNowSection status={data} />
          <BackupListSection status={data} />
          <BackupSettingsSection status={data} />
        </>
      ) : null}
    </Stack>
  )
}

function JobProgress({ job }: { job: BackupJobView }) {
  const { t } = useTranslation()
  const percent = jobPercent(job)
  const step = t(`backups.steps.${job.step}`)
  return (
    <Stack gap={4}>
      <Progress value={percent} aria-label={t('backups.progressLabel')} animated striped />
      <Text size="sm">{t('backups.progress', { step, percent })}</Text>
    </Stack>
  )
}

function BackUpNowSection({ status }: { status: Status }) {
  const { t } = useTranslation()
  const hotelTime = useHotelTime()
  const queryClient = useQueryClient()
  const describe = useBackupError()
  const start = useMutation({
    mutationFn: () => call('backup.now', {}),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['backup-status'] }),
  })
  const job = status.job
  const running = job?.state === 'running'
  const last = status.last
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="backup-now-title">
      <Stack gap="sm">
        <Title order={2} size="h3" id="backup-now-title">{t('backups.now.title')}</Title>
        <Text size="sm" data-testid="backup-last">
          {last ? t('backups.now.last', { when: `${hotelTime.date(last.takenAt.slice(0, 10))} ${last.takenAt.slice(11, 16)}`, size: backupSize(last.bytes) }) : t('backups.now.none')}
        </Text>
        {status.daily ? (
          <Text size="sm" c="dimmed" data-testid="backup-daily">
            {status.daily.takenToday
              ? t('backups.now.dailyDone', { date: hotelTime.date(status.daily.businessDate), next: hotelTime.dateTime(status.daily.nextDueAt) })
              : t('backups.now.dailyDue', { date: hotelTime.date(status.daily.businessDate) })}
          </Text>
        ) : null}
        {status.lastError ? (
          <Alert color="orange" role="alert">
            <Text size="sm" fw={700} span>{t('backups.now.lastErrorTitle')}: </Text>
            {t('backups.now.lastError', { when: hotelTime.dateTime(status.lastError.at), message: t(`errors.${status.lastError.code}`, { defaultValue: status.lastError.message }) })}
          </Alert>
        ) : null}
        {status.folderProblem ? <Alert color="orange" role="alert">{t(`backups.folderProblems.${status.folderProblem.reason}`, { folder: status.folder })}</Alert> : null}
        <Group gap="sm">
          <Button onClick={() => start.mutate()} loading={start.isPending} disabled={running} data-testid="backup-now">
            {t('backups.now.button')}
          </Button>
        </Group>
        {running && job ? <JobProgress job={job} /> : null}
        <Text size="sm" role="status" data-testid="backup-job-status">
          {job && !running && job.kind === 'backup' ? (job.state === 'done' ? t('backups.now.done', { file: job.file }) : '') : ''}
        </Text>
        {job && job.state === 'failed' ? (
          <Alert color="red" role="alert" data-testid="backup-job-error">
            {t(job.kind === 'restore' ? 'backups.restore.failed' : 'backups.now.failed', { reason: describe(new ApiError(job.error?.code ?? 'INTERNAL', job.error?.message ?? '', job.error?.details)) })}
          </Alert>
        ) : null}
        {start.isError ? <Alert color="red" role="alert">{describe(start.error)}</Alert> : null}
      </Stack>
    </Paper>
  )
}

function BackupListSection({ status }: { status: Status }) {
  const { t } = useTranslation()
  const hotelTime = useHotelTime()
  const [chosen, setChosen] = useState<string | null>(null)
  const [typed, setTyped] = useState('')
  const running = status.job?.state === 'running'
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="backup-list-title">
      <Stack gap="sm">
        <Title order={2} size="h3" id="backup-list-title">{t('backups.list.title')}</Title>
        <Text size="sm" c="dimmed">{t('backups.list.where', { folder: status.folder ?? '', count: status.backups.length, keep: status.keep })}</Text>
        {status.backups.length === 0 ? (
          <Text size="sm">{t('backups.list.empty')}</Text>
        ) : (
          <Table.ScrollContainer minWidth={340}>
            <Table striped highlightOnHover data-testid="backup-list">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('backups.list.taken')}</Table.Th>
                  <Table.Th>{t('backups.list.businessDate')}</Table.Th>
                  <Table.Th>{t('backups.list.kind')}</Table.Th>
                  <Table.Th>{t('backups.list.size')}</Table.Th>
                  {status.mayRestore ? <Table.Th><VisuallyHidden>{t('backups.list.actions')}</VisuallyHidden></Table.Th> : null}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {status.backups.map((b: Listing) => (
                  <Table.Tr key={b.file} data-testid="backup-row">
                    <Table.Td title={b.file}>{`${hotelTime.date(b.takenAt.slice(0, 10))} ${b.takenAt.slice(11, 16)}`}</Table.Td>
                    <Table.Td>{hotelTime.date(b.businessDate)}</Table.Td>
                    <Table.Td>
                      <Text size="sm" fw={b.kind === 'daily' ? 400 : 600} c={b.kind === 'before-restore' ? 'orange.9' : undefined}>{t(`backups.kinds.${b.kind}`)}</Text>
                    </Table.Td>
                    <Table.Td>{backupSize(b.bytes)}</Table.Td>
                    {status.mayRestore ? (
                      <Table.Td>
                        <Button size="xs" variant="default" disabled={running} onClick={() => setChosen(b.file)} aria-label={t('backups.list.restoreThis', { when: `${hotelTime.date(b.takenAt.slice(0, 10))} ${b.takenAt.slice(11, 16)}` })}>
                          {t('backups.list.restore')}
                        </Button>
                      </Table.Td>
                    ) : null}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        {!status.mayRestore ? <Text size="sm" c="dimmed">{t('backups.restore.adminOnly')}</Text> : null}
        {status.mayTypePath ? (
          <form
            onSubmit={(e: FormEvent) => {
              e.preventDefault()
              if (typed.trim()) setChosen(typed.trim())
            }}
          >
            <Group align="flex-end" gap="sm">
              <TextInput
                label={t('backups.restore.typedLabel')}
                description={t('backups.restore.typedHint')}
                value={typed}
                onChange={(e) => setTyped(e.currentTarget.value)}
                spellCheck={false}
                autoComplete="off"
                style={{ flex: '1 1 16rem' }}
              />
              <Button type="submit" variant="default" disabled={running || !typed.trim()}>{t('backups.restore.typedButton')}</Button>
            </Group>
          </form>
        ) : null}
      </Stack>
      <RestoreDialog file={chosen} listing={status.backups.find((b) => b.file === chosen) ?? null} onClose={() => setChosen(null)} />
    </Paper>
  )
}

function RestoreDialog({ file, listing, onClose }: { file: string | null; listing: Listing | null; onClose: () => void }) {
  const { t } = useTranslation()
  const hotelTime = useHotelTime()
  const queryClient = useQueryClient()
  const describe = useBackupError()
  const check = useQuery({
    queryKey: ['backup-check', file],
    queryFn: () => call('backup.check', { file: file! }),
    enabled: file !== null,
    retry: false,
    staleTime: 0,
    gcTime: 0,
  })
  const restore = useMutation({
    mutationFn: () => call('backup.restore', { file: file!, confirm: true }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['backup-status'] })
      onClose()
    },
  })
  const when = listing ? `${hotelTime.date(listing.takenAt.slice(0, 10))} ${listing.takenAt.slice(11, 16)}` : file ?? ''
  return (
    // Built from Modal's parts so its title is not in a <header> (a second banner landmark for axe).
    <Modal.Root opened={file !== null} onClose={onClose} onExitTransitionEnd={() => restore.reset()}>
      <Modal.Overlay />
      <Modal.Content>
        <Modal.Body pt="md">
      <Stack gap="sm">
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Modal.Title fw={700} fz="lg">{t('backups.restore.title')}</Modal.Title>
          <Modal.CloseButton aria-label={t('backups.restore.cancel')} />
        </Group>
        <Text size="sm" fw={600}>{t('backups.restore.which', { when })}</Text>
        {check.isLoading ? (
          <Group gap="xs">
            <Loader size="sm" aria-hidden />
            <Text size="sm" role="status">{t('backups.restore.checking')}</Text>
          </Group>
        ) : null}
        {check.isError ? (
          <Alert color="red" role="alert" data-testid="restore-refused">{describe(check.error)}</Alert>
        ) : null}
        {check.data ? (
          <>
            <Text size="sm" role="status" data-testid="restore-checked">
              {t('backups.restore.checked', { guests: check.data.guests ?? 0, size: backupSize(check.data.bytes) })}
              {check.data.older ? ` ${t('backups.restore.older')}` : ''}
            </Text>
            <Alert color="orange">
              <Stack gap={4}>
                <Text size="sm" fw={700}>{t('backups.restore.whatHappens')}</Text>
                <Text size="sm">{t('backups.restore.step1')}</Text>
                <Text size="sm">{t('backups.restore.step2', { when })}</Text>
                <Text size="sm">{t('backups.restore.step3')}</Text>
              </Stack>
            </Alert>
          </>
        ) : null}
        {restore.isError ? <Alert color="red" role="alert">{describe(restore.error)}</Alert> : null}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>{t('backups.restore.cancel')}</Button>
          <Button color="red" onClick={() => restore.mutate()} disabled={!check.data} loading={restore.isPending} data-testid="restore-confirm">
            {t('backups.restore.confirm')}
          </Button>
        </Group>
      </Stack>
        </Modal.Body>
      </Modal.Content>
    </Modal.Root>
  )
}

function BackupSettingsSection({ status }: { status: Status }) {
  const { t } = useTranslation()
  const queryClient = useQueryClient()
  const [folder, setFolder] = useState<string | null>(null)
  // On the desktop the folder can also be picked in the system's dialog (it only fills the field).
  const desktop = desktopFiles()
  const [keep, setKeep] = useState<number | string | null>(null)
  const [saved, setSaved] = useState(false)
  const save = useMutation({
    mutationFn: (input: { folder: string | null; keep: number }) => call('backup.setSettings', input),
    onSuccess: () => {
      setFolder(null)
      setKeep(null)
      setSaved(true)
      void queryClient.invalidateQueries({ queryKey: ['backup-status'] })
    },
  })
  const shownFolder = folder ?? (status.isDefault ? '' : (status.folder ?? ''))
  const shownKeep = keep ?? status.keep
  const keepNumber = typeof shownKeep === 'number' ? shownKeep : Number(shownKeep)
  const keepInvalid = !Number.isInteger(keepNumber) || keepNumber < 1 || keepNumber > 365
  const [keepTouched, setKeepTouched] = useState(false)
  const issues = save.error instanceof ApiError ? (((save.error.details ?? {}) as { issues?: { path: string }[] }).issues ?? []) : []
  const reason = save.error instanceof ApiError ? ((save.error.details ?? {}) as { reason?: string }).reason : undefined
  const folderError = issues.some((i) => i.path === 'folder') ? t(`backups.folderProblems.${reason ?? 'not_writable'}`, { folder: shownFolder }) : undefined
  const keepError = (keepTouched && keepInvalid) || issues.some((i) => i.path === 'keep') ? t('backups.settings.keepError') : undefined
  const otherError = save.isError && !folderError && !keepError ? errorMessage(t, save.error) : null
  const submit = (e: FormEvent) => {
    e.preventDefault()
    setKeepTouched(true)
    if (keepInvalid) return
    save.mutate({ folder: shownFolder.trim() || null, keep: keepNumber })
  }
  const changed = () => {
    setSaved(false)
    save.reset()
  }
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="backup-settings-title">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Title order={2} size="h3" id="backup-settings-title">{t('backups.settings.title')}</Title>
          <TextInput
            label={t('backups.settings.folder')}
            description={t('backups.settings.folderHint', { folder: status.defaultFolder ?? '' })}
            placeholder={status.defaultFolder ?? ''}
            value={shownFolder}
            onChange={(e) => {
              setFolder(e.currentTarget.value)
              changed()
            }}
            error={folderError}
            spellCheck={false}
            autoComplete="off"
            data-testid="backup-folder"
          />
          {desktop ? (
            <Group>
              <Button
                variant="default"
                size="xs"
                onClick={() =>
                  void desktop.chooseFolder().then(
                    (answer) => {
                      if (answer.folder) {
                        setFolder(answer.folder)
                        changed()
                      }
                    },
                    () => undefined,
                  )
                }
              >
                {t('backups.settings.chooseFolder')}
              </Button>
            </Group>
          ) : null}
          <NumberInput
            label={t('backups.settings.keep')}
            description={t('backups.settings.keepHint')}
            value={shownKeep}
            onChange={(v) => {
              setKeep(v)
              changed()
            }}
            onBlur={() => setKeepTouched(true)}
            min={1}
            max={365}
            allowDecimal={false}
            error={keepError}
            maw={220}
            data-testid="backup-keep"
          />
          {otherError ? <Alert color="red" role="alert">{otherError}</Alert> : null}
          <Group gap="sm">
            <Button type="submit" variant="default" loading={save.isPending}>{t('backups.settings.save')}</Button>
          </Group>
          <Text size="sm" role="status">{saved ? t('backups.settings.saved') : ''}</Text>
        </Stack>
      </form>
    </Paper>
  )
}
