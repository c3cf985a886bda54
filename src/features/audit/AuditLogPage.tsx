import { Alert, Anchor, Box, Button, Group, Loader, NativeSelect, Paper, Select, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core'
import { useInfiniteQuery, useMutation, useQuery } from '@tanstack/react-query'
import { useEffect, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { GuestSearchHit } from '../../../electron/core/guests/guest-search'
import { ApiError, call } from '../../api/client'
import { BusinessDateField } from '../../components/BusinessDateField'
import { ExportFileLink } from '../../components/ExportFileLink'
import { errorMessage } from '../../app/errors'
import { useHotelTime } from '../../app/hotel-time'
import { actionChoices, actionWords, auditFilterOf, auditFormProblems, detailWords, emptyAuditForm, guestWords, terminalWords, type AuditEntry, type AuditFilterInput, type AuditForm } from './audit-model'

const pageSize = 50

/**
 * The audit log (issue 12), for managers and administrators: who saw or changed what, when and
 * from which terminal. Search by guest (picked through the guest search), staff member, action and
 * the hotel's dates; load older rows; export what the filters find to CSV. Every search and
 * export is itself written to the log.
 */
export function AuditLogPage() {
  const { t } = useTranslation()
  const [form, setForm] = useState<AuditForm>(emptyAuditForm)
  const [filter, setFilter] = useState<AuditFilterInput>({})
  const problems = auditFormProblems(form)
  const set = <K extends keyof AuditForm>(key: K, value: AuditForm[K]) => setForm((f) => ({ ...f, [key]: value }))
  const log = useInfiniteQuery({
    queryKey: ['audit-log', filter],
    queryFn: ({ pageParam }) => call('audit.search', { filter, limit: pageSize, ...(pageParam ? { before: pageParam } : {}) }),
    initialPageParam: null as number | null,
    getNextPageParam: (last) => last.nextBefore,
  })
  const rows = useMemo(() => log.data?.pages.flatMap((p) => p.rows) ?? [], [log.data])

  return (
    <Stack gap="md" maw={1400}>
      <Title order={1} size="h2">{t('auditLog.title')}</Title>
      <Text size="sm" maw={760}>{t('auditLog.intro')}</Text>
      <Filters
        form={form}
        set={set}
        problems={problems}
        onSearch={() => {
          if (problems.length > 0) return
          const next = auditFilterOf(form)
          // The same filter again: read the log again (it only grows).
          if (JSON.stringify(next) === JSON.stringify(filter)) void log.refetch()
          else setFilter(next)
        }}
        onReset={() => {
          setForm(emptyAuditForm)
          setFilter({})
        }}
      />
      <Paper withBorder p="md" component="section" aria-labelledby="audit-results-title">
        <Stack gap="sm">
          <Group justify="space-between" align="baseline">
            <Title order={2} size="h4" id="audit-results-title">{t('auditLog.results')}</Title>
            {log.data ? <Text size="sm" c="dimmed" aria-live="polite" data-testid="audit-count">{t('auditLog.count', { count: rows.length })}</Text> : null}
          </Group>
          {log.isError ? <Alert color="red" role="alert" data-testid="audit-error">{errorMessage(t, log.error)}</Alert> : null}
          {log.isLoading ? (
            <Group gap="xs" role="status"><Loader size="sm" aria-hidden /><Text size="sm">{t('app.loading')}</Text></Group>
          ) : null}
          {log.data && rows.length === 0 ? <Text size="sm" data-testid="audit-none">{t('auditLog.none')}</Text> : null}
          {rows.length > 0 ? <Results rows={rows} /> : null}
          {log.hasNextPage ? (
            <Group>
              <Button variant="default" onClick={() => void log.fetchNextPage()} loading={log.isFetchingNextPage} data-testid="audit-more">{t('auditLog.loadMore')}</Button>
            </Group>
          ) : log.data && rows.length > 0 ? <Text size="xs" c="dimmed">{t('auditLog.end')}</Text> : null}
          <ExportPanel filter={filter} disabled={!log.data || rows.length === 0} />
        </Stack>
      </Paper>
    </Stack>
  )
}

function Filters({ form, set, problems, onSearch, onReset }: {
  form: AuditForm
  set: <K extends keyof AuditForm>(key: K, value: AuditForm[K]) => void
  problems: string[]
  onSearch: () => void
  onReset: () => void
}) {
  const { t } = useTranslation()
  const choices = useQuery({ queryKey: ['audit-filters'], queryFn: () => call('audit.filters', {}), staleTime: 60_000 })
  const actions = useMemo(() => actionChoices(t, choices.data?.actions ?? []), [choices.data, t])
  const staff = (choices.data?.staff ?? []).map((s) => ({
    value: String(s.id),
    label: t(s.active ? 'auditLog.staffOption' : 'auditLog.inactiveStaff', { name: s.name, code: s.code }),
  }))
  return (
    <Paper
      withBorder
      p="md"
      component="form"
      aria-labelledby="audit-filters-title"
      onSubmit={(e) => {
        e.preventDefault()
        onSearch()
      }}
    >
      <Title order={2} size="h4" id="audit-filters-title" mb="sm">{t('auditLog.filters')}</Title>
      {choices.isError ? <Alert color="red" role="alert" mb="sm">{errorMessage(t, choices.error)}</Alert> : null}
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm">
        <GuestPicker form={form} set={set} />
        <NativeSelect label={t('auditLog.staff')} value={form.staffId} onChange={(e) => set('staffId', e.currentTarget.value)} data={[{ value: '', label: t('auditLog.anyStaff') }, ...staff]} data-testid="audit-staff" />
        <NativeSelect label={t('auditLog.action')} value={form.action} onChange={(e) => set('action', e.currentTarget.value)} data={[{ value: '', label: t('auditLog.anyAction') }, ...actions]} data-testid="audit-action" />
        <BusinessDateField label={t('auditLog.from')} value={form.from} onChange={(v) => set('from', v)} error={problems.includes('from')} />
        <BusinessDateField label={t('auditLog.to')} value={form.to} onChange={(v) => set('to', v)} error={problems.includes('to') || problems.includes('range')} />
      </SimpleGrid>
      {problems.includes('from') || problems.includes('to') ? <Text size="sm" c="red.8" mt="xs" role="alert">{t('auditLog.dateBad')}</Text> : null}
      {problems.includes('range') ? <Text size="sm" c="red.8" mt="xs" role="alert">{t('auditLog.toBeforeFrom')}</Text> : null}
      <Group mt="md" gap="sm">
        <Button type="submit" disabled={problems.length > 0} data-testid="audit-search">{t('auditLog.search')}</Button>
        <Button variant="default" onClick={onReset}>{t('auditLog.reset')}</Button>
      </Group>
    </Paper>
  )
}

/** A guest picked by name, phone or room through the guest search; empty for every guest. */
function GuestPicker({ form, set }: { form: AuditForm; set: <K extends keyof AuditForm>(key: K, value: AuditForm[K]) => void }) {
  const { t } = useTranslation()
  const [typed, setTyped] = useState(form.guestLabel)
  const [settled, setSettled] = useState(typed)
  useEffect(() => {
    const timer = setTimeout(() => setSettled(typed), 250)
    return () => clearTimeout(timer)
  }, [typed])
  useEffect(() => setTyped(form.guestLabel), [form.guestLabel])
  const wanted = settled.trim()
  const found = useQuery({
    queryKey: ['audit-guest-search', wanted],
    queryFn: () => call('guest.search', { text: wanted, limit: 10 }),
    enabled: wanted.length > 0 && wanted !== form.guestLabel,
    staleTime: 30_000,
  })
  const hits = (found.data ?? []) as GuestSearchHit[]
  const options = hits.map((g) => ({ value: String(g.guestId), label: [g.nativeName, g.romanName, g.stay?.roomNumber].filter(Boolean).join(' · ') }))
  const selected = form.guestId !== null ? { value: String(form.guestId), label: form.guestLabel } : null
  const data = selected && !options.some((o) => o.value === selected.value) ? [selected, ...options] : options
  return (
    <Select
      label={t('auditLog.guest')}
      description={t('auditLog.guestHint')}
      placeholder={t('auditLog.guestPlaceholder')}
      searchable
      clearable
      data={data}
      value={form.guestId !== null ? String(form.guestId) : null}
      searchValue={typed}
      onSearchChange={setTyped}
      filter={({ options: all }) => all}
      nothingFoundMessage={wanted && found.data ? t('auditLog.guestNone') : undefined}
      onChange={(value, option) => {
        set('guestId', value ? Number(value) : null)
        set('guestLabel', value ? option.label : '')
      }}
      rightSection={found.isFetching ? <Loader size="xs" aria-hidden /> : undefined}
      data-testid="audit-guest"
    />
  )
}

function Results({ rows }: { rows: AuditEntry[] }) {
  const { t } = useTranslation()
  const time = useHotelTime()
  const staffWords = (row: AuditEntry) => (row.staff ? `${row.staff.name ?? ''} (${row.staff.code ?? row.staff.id})` : t('auditLog.noStaff'))
  const recordWords = (row: AuditEntry) => {
    const entity = t(`auditLog.entities.${row.entity}`, { defaultValue: row.entity })
    return row.entityId !== null ? `${entity} #${row.entityId}` : entity
  }
  return (
    <>
      <Box visibleFrom="sm" style={{ overflowX: 'auto' }} tabIndex={0} role="region" aria-label={t('auditLog.rowsRegion')}>
        <Table striped highlightOnHover withTableBorder miw={900} data-testid="audit-rows">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('auditLog.when')}</Table.Th>
              <Table.Th scope="col">{t('auditLog.who')}</Table.Th>
              <Table.Th scope="col">{t('auditLog.what')}</Table.Th>
              <Table.Th scope="col">{t('auditLog.whom')}</Table.Th>
              <Table.Th scope="col">{t('auditLog.terminal')}</Table.Th>
              <Table.Th scope="col">{t('auditLog.entity')}</Table.Th>
              <Table.Th scope="col">{t('auditLog.detail')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row) => (
              <Table.Tr key={row.id} data-testid="audit-row" data-action={row.action}>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  <time dateTime={row.at}>{time.dateTime(row.at)}</time>
                </Table.Td>
                <Table.Td>{staffWords(row)}</Table.Td>
                <Table.Td>
                  <Text size="sm" title={row.action}>{actionWords(t, row.action, row.labelKey)}</Text>
                </Table.Td>
                <Table.Td>
                  <GuestCell guest={row.guest} />
                </Table.Td>
                <Table.Td>{terminalWords(t, row.terminal)}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{recordWords(row)}</Table.Td>
                <Table.Td>
                  <Text size="xs" ff="monospace" style={{ wordBreak: 'break-word' }} maw={360}>{detailWords(row.detail)}</Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Box>
      {/* A phone: one short block per row, no sideways scrolling. */}
      <Stack hiddenFrom="sm" gap={0} component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('auditLog.rowsRegion')}>
        {rows.map((row) => (
          <Box component="li" key={row.id} py="xs" style={{ borderTop: '1px solid var(--mantine-color-default-border)' }} data-testid="audit-card" data-action={row.action}>
            <Text size="sm" fw={600}>{actionWords(t, row.action, row.labelKey)}</Text>
            {row.guest ? <Text size="sm"><GuestCell guest={row.guest} /></Text> : null}
            <Text size="xs" c="dimmed">
              <time dateTime={row.at}>{time.dateTime(row.at)}</time> · {staffWords(row)} · {terminalWords(t, row.terminal)}
            </Text>
            <Text size="xs" c="dimmed">{recordWords(row)}</Text>
            {row.detail !== null ? <Text size="xs" ff="monospace" style={{ wordBreak: 'break-word' }}>{detailWords(row.detail)}</Text> : null}
          </Box>
        ))}
      </Stack>
    </>
  )
}

/** The guest a row names: a link to their profile while they have one to open. */
function GuestCell({ guest }: { guest: AuditEntry['guest'] }) {
  const { t } = useTranslation()
  if (guest && (guest.state === 'active' || guest.state === 'merged')) return <Anchor href={`#/guest/${guest.id}`} size="sm">{guestWords(t, guest)}</Anchor>
  return <>{guestWords(t, guest)}</>
}

function ExportPanel({ filter, disabled }: { filter: AuditFilterInput; disabled: boolean }) {
  const { t, i18n } = useTranslation()
  const [jobId, setJobId] = useState<string | null>(null)
  const start = useMutation({
    mutationFn: () => call('audit.export', { filter, lang: i18n.language.startsWith('zh') ? 'zh-CN' : 'en' }),
    onSuccess: (value) => setJobId(value.jobId),
  })
  const job = useQuery({
    queryKey: ['export', jobId],
    queryFn: () => call('export.status', { jobId: jobId! }),
    enabled: jobId !== null,
    refetchInterval: (q) => (q.state.data && (q.state.data.state === 'queued' || q.state.data.state === 'running') ? 400 : false),
  })
  const running = start.isPending || job.data?.state === 'queued' || job.data?.state === 'running'
  const number = new Intl.NumberFormat(i18n.language)
  return (
    <Stack gap="xs" mt="sm">
      <Group gap="sm">
        <Button onClick={() => start.mutate()} disabled={disabled || running} loading={running} data-testid="audit-export">{t('auditLog.exportCsv')}</Button>
      </Group>
      <Text size="xs" c="dimmed">{t('auditLog.exportHint')}</Text>
      {start.isError ? <Alert color="red" role="alert">{errorMessage(t, start.error)}</Alert> : null}
      <div aria-live="polite">
        {job.data && (job.data.state === 'queued' || job.data.state === 'running') ? <Text size="sm">{t('auditLog.exporting', { done: number.format(job.data.done) })}</Text> : null}
        {job.data?.state === 'done' ? (
          <Stack gap={4} data-testid="audit-export-done">
            <Text size="sm">{t('auditLog.exportDone', { fileName: job.data.fileName, rows: number.format(job.data.guests ?? 0) })}</Text>
            {job.data.downloadPath ? (
              <ExportFileLink jobId={job.data.jobId} downloadPath={job.data.downloadPath} fileName={job.data.fileName} label={t('auditLog.download', { fileName: job.data.fileName })} testId="audit-download" />
            ) : null}
          </Stack>
        ) : null}
        {job.data?.state === 'failed' && job.data.error ? (
          <Alert color="red" role="alert" title={t('auditLog.exportFailed')}>{errorMessage(t, new ApiError(job.data.error.code, job.data.error.message, job.data.error.details))}</Alert>
        ) : null}
      </div>
    </Stack>
  )
}
