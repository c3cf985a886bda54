import { Alert, Button, Checkbox, Group, Loader, NativeSelect, Paper, Progress, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core'
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useEffect, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { OutputOf } from '../../../electron/core/api'
import { ApiError, call } from '../../api/client'
import { useVocabularyTree } from '../../api/vocabulary-tree'
import { BusinessDateField } from '../../components/BusinessDateField'
import { ExportFileLink } from '../../components/ExportFileLink'
import { errorMessage } from '../../app/errors'
import { fieldColumns, formatBytes, formProblems, initialForm, listRequest, percentDone, type ListForm } from './guest-list-model'

type Job = OutputOf<'export.status'>

/** Debounces a value: the preview asks the store once typing pauses. */
function useSettled<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value)
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms)
    return () => clearTimeout(timer)
  }, [value, ms])
  return settled
}

/**
 * The manager's guest lists (issue 11): filter guests (a preference or interest, VIP level,
 * nationality, last stay, marketing consent, or a contact list that keeps only guests who agreed
 * to be contacted and can be reached), preview the count and the first rows, pick the columns,
 * and export CSV or XLSX in the background with progress, Cancel and a download link.
 */
export function GuestListsPage() {
  const { t, i18n } = useTranslation()
  const [form, setForm] = useState<ListForm>(() => initialForm(i18n.language.startsWith('zh') ? 'zh-CN' : 'en'))
  const set = <K extends keyof ListForm>(key: K, value: ListForm[K]) => setForm((f) => ({ ...f, [key]: value }))
  const problems = formProblems(form)
  const request = useMemo(() => (problems.length === 0 ? listRequest(form) : null), [form, problems.length])
  const settled = useSettled(request, 300)
  const preview = useQuery({
    queryKey: ['guest-list-preview', settled],
    queryFn: () => call('guestList.preview', { ...settled!, limit: 20 }),
    enabled: settled !== null,
    placeholderData: keepPreviousData,
  })
  const [jobId, setJobId] = useState<string | null>(null)
  const queryClient = useQueryClient()
  const start = useMutation({
    mutationFn: (kind: 'guest-list.csv' | 'guest-list.xlsx') => call('export.start', { kind, params: request! }),
    onSuccess: (value) => {
      setJobId(value.jobId)
      void queryClient.invalidateQueries({ queryKey: ['exports'] })
    },
  })
  const job = useQuery({
    queryKey: ['export', jobId],
    queryFn: () => call('export.status', { jobId: jobId! }),
    enabled: jobId !== null,
    refetchInterval: (q) => (q.state.data && (q.state.data.state === 'queued' || q.state.data.state === 'running') ? 400 : false),
  })
  const jobState = job.data?.state
  useEffect(() => {
    if (jobState && jobState !== 'queued' && jobState !== 'running') void queryClient.invalidateQueries({ queryKey: ['exports'] })
  }, [jobState, queryClient])
  const cancel = useMutation({ mutationFn: () => call('export.cancel', { jobId: jobId! }), onSuccess: () => job.refetch() })
  const busy = start.isPending || jobState === 'queued' || jobState === 'running'
  // The preview of the filter as it stands says nobody would be listed: an export would be an empty file.
  const empty = preview.data !== undefined && !preview.isPlaceholderData && preview.data.listed === 0

  return (
    <Stack gap="md" maw={1200}>
      <Title order={1} size="h2">{t('guestLists.title')}</Title>
      <Text size="sm" maw={760}>{t('guestLists.intro')}</Text>
      <Filters form={form} set={set} problems={problems} />
      <ColumnPicker form={form} set={set} invalid={problems.includes('columns')} />
      <Paper withBorder p="md" component="section" aria-labelledby="guest-list-preview-title">
        <Stack gap="sm">
          <Title order={2} size="h4" id="guest-list-preview-title">{t('guestLists.preview')}</Title>
          {preview.isError ? <Alert color="red" role="alert">{errorMessage(t, preview.error)}</Alert> : null}
          {preview.isLoading ? (
            <Group gap="xs" role="status"><Loader size="sm" aria-hidden /><Text size="sm">{t('guestLists.loading')}</Text></Group>
          ) : null}
          {preview.data ? <PreviewBody preview={preview.data} contactList={settled?.filter?.contactList === true} /> : null}
          <Group gap="sm" align="center">
            <Button onClick={() => start.mutate('guest-list.csv')} disabled={!request || busy || empty} data-testid="export-csv">{t('guestLists.exportCsv')}</Button>
            <Button variant="default" onClick={() => start.mutate('guest-list.xlsx')} disabled={!request || busy || empty} data-testid="export-xlsx">{t('guestLists.exportXlsx')}</Button>
          </Group>
          <Text size="xs" c="dimmed" data-testid="export-hint">{t(empty ? 'guestLists.emptyList' : 'guestLists.exportHint')}</Text>
          {start.isError ? <Alert color="red" role="alert">{errorMessage(t, start.error)}</Alert> : null}
          {job.data ? <JobPanel job={job.data} onCancel={() => cancel.mutate()} cancelling={cancel.isPending} /> : null}
        </Stack>
      </Paper>
      <RecentExports />
    </Stack>
  )
}

function Filters({ form, set, problems }: { form: ListForm; set: <K extends keyof ListForm>(key: K, value: ListForm[K]) => void; problems: string[] }) {
  const { t } = useTranslation()
  const vocabulary = useVocabularyTree()
  const preferenceChoices = form.category
    ? vocabulary.codesOf(form.category).flatMap((code) => [
        { value: `${code.value}|`, label: t('guestLists.anyValue', { code: code.label }) },
        ...vocabulary.valuesOf(form.category, code.value).map((v) => ({ value: `${code.value}|${v.value}`, label: `${code.label}: ${v.label}` })),
      ])
    : []
  return (
    <Paper withBorder p="md" component="form" aria-labelledby="guest-list-filters-title" onSubmit={(e) => e.preventDefault()}>
      <Title order={2} size="h4" id="guest-list-filters-title" mb="sm">{t('guestLists.filters')}</Title>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm">
        <NativeSelect
          label={t('guestLists.category')}
          value={form.category}
          onChange={(e) => {
            set('category', e.currentTarget.value)
            set('preference', '')
          }}
          data={[{ value: '', label: t('guestLists.anyCategory') }, ...vocabulary.categories]}
          data-testid="filter-category"
        />
        <NativeSelect
          label={t('guestLists.preference')}
          value={form.preference}
          onChange={(e) => set('preference', e.currentTarget.value)}
          data={[{ value: '', label: t('guestLists.anyPreference') }, ...preferenceChoices]}
          disabled={!form.category}
          data-testid="filter-preference"
        />
        <NativeSelect
          label={t('guestLists.strength')}
          value={form.strength}
          onChange={(e) => set('strength', e.currentTarget.value as ListForm['strength'])}
          data={[{ value: '', label: t('guestLists.anyStrength') }, ...(['required', 'preferred', 'avoid', 'never'] as const).map((s) => ({ value: s, label: t(`guestLists.strengths.${s}`) }))]}
          disabled={!form.category}
        />
        <NativeSelect
          label={t('guestLists.vip')}
          value={form.vip}
          onChange={(e) => set('vip', e.currentTarget.value as ListForm['vip'])}
          data={[
            { value: '', label: t('guestLists.anyVip') },
            { value: 'vip', label: t('guestLists.vipAny') },
            { value: '0', label: t('guestLists.vipNone') },
            ...['1', '2', '3'].map((level) => ({ value: level, label: t('guestLists.vipLevel', { level }) })),
          ]}
        />
        <TextInput
          label={t('guestLists.nationalities')}
          description={t('guestLists.nationalitiesHint')}
          value={form.nationalities}
          onChange={(e) => set('nationalities', e.currentTarget.value)}
          error={problems.includes('nationalities') ? t('guestLists.nationalitiesBad') : undefined}
          autoComplete="off"
        />
        <NativeSelect
          label={t('guestLists.consent')}
          value={form.consent}
          onChange={(e) => set('consent', e.currentTarget.value as ListForm['consent'])}
          data={(['any', 'given', 'withdrawn', 'not_asked'] as const).map((c) => ({ value: c, label: t(`guestLists.consents.${c}`) }))}
        />
        <Stack gap={2}>
          <BusinessDateField label={t('guestLists.lastStayFrom')} value={form.lastStayFrom} onChange={(v) => set('lastStayFrom', v)} error={problems.includes('lastStayFrom') || undefined} />
          {problems.includes('lastStayFrom') ? <Text size="xs" c="red.8">{t('guestLists.dateBad')}</Text> : null}
        </Stack>
        <Stack gap={2}>
          <BusinessDateField label={t('guestLists.lastStayTo')} value={form.lastStayTo} onChange={(v) => set('lastStayTo', v)} error={problems.includes('lastStayTo') || undefined} />
          {problems.includes('lastStayTo') ? <Text size="xs" c="red.8">{t('guestLists.dateBad')}</Text> : null}
        </Stack>
      </SimpleGrid>
      <Checkbox
        mt="md"
        label={t('guestLists.contactList')}
        description={t('guestLists.contactListHint')}
        checked={form.contactList}
        onChange={(e) => set('contactList', e.currentTarget.checked)}
        data-testid="filter-contact-list"
      />
    </Paper>
  )
}

function ColumnPicker({ form, set, invalid }: { form: ListForm; set: <K extends keyof ListForm>(key: K, value: ListForm[K]) => void; invalid: boolean }) {
  const { t } = useTranslation()
  const vocabulary = useVocabularyTree()
  const choices = [
    ...fieldColumns.map((c) => ({ value: c as string, label: t(`guestLists.column.${c}`) })),
    ...vocabulary.categories.map((c) => ({ value: `preferences:${c.value}`, label: t('guestLists.column.preferences', { category: c.label }) })),
  ]
  return (
    <Paper withBorder p="md">
      <Checkbox.Group
        label={t('guestLists.columnsLegend')}
        value={form.columns}
        onChange={(columns) => set('columns', choices.map((c) => c.value).filter((c) => columns.includes(c)))}
        error={invalid ? t('guestLists.columnsBad') : undefined}
        data-testid="column-picker"
      >
        <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="xs" mt="xs">
          {choices.map((c) => (
            <Checkbox key={c.value} value={c.value} label={c.label} />
          ))}
        </SimpleGrid>
      </Checkbox.Group>
      <NativeSelect
        mt="md"
        w={260}
        label={t('guestLists.fileLanguage')}
        value={form.lang}
        onChange={(e) => set('lang', e.currentTarget.value as ListForm['lang'])}
        data={(['en', 'zh-CN'] as const).map((l) => ({ value: l, label: t(`guestLists.languages.${l}`) }))}
      />
    </Paper>
  )
}

function PreviewBody({ preview, contactList }: { preview: OutputOf<'guestList.preview'>; contactList: boolean }) {
  const { t } = useTranslation()
  const reasons = (['noConsent', 'noContact', 'restricted'] as const).filter((r) => preview.leftOut[r] > 0)
  return (
    <Stack gap="xs">
      <Text fw={600} role="status" data-testid="list-count">{t('guestLists.matched', { count: preview.matched, listed: preview.listed })}</Text>
      {contactList ? (
        <div data-testid="left-out">
          <Text size="sm" fw={600}>{t('guestLists.leftOutTitle')}</Text>
          {reasons.length === 0 ? (
            <Text size="sm">{t('guestLists.noneLeftOut')}</Text>
          ) : (
            <ul style={{ margin: 0, paddingInlineStart: '1.2rem' }}>
              {reasons.map((r) => (
                <li key={r}><Text size="sm" span>{t(`guestLists.leftOut.${r}`, { count: preview.leftOut[r] })}</Text></li>
              ))}
            </ul>
          )}
        </div>
      ) : null}
      {preview.rows.length === 0 ? (
        <Text size="sm">{t('guestLists.empty')}</Text>
      ) : (
        <div role="region" aria-label={t('guestLists.previewCaption', { shown: preview.rows.length, count: preview.listed })} tabIndex={0} style={{ overflowX: 'auto' }}>
          <Table striped fz="sm" miw={Math.max(320, preview.header.length * 130)} data-testid="list-preview">
            <Table.Caption>{t('guestLists.previewCaption', { shown: preview.rows.length, count: preview.listed })}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                {preview.header.map((h, i) => (
                  <Table.Th key={i} scope="col">{h}</Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {preview.rows.map((row, r) => (
                <Table.Tr key={r}>
                  {row.map((cell, i) => (
                    <Table.Td key={i}>{cell}</Table.Td>
                  ))}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </div>
      )}
    </Stack>
  )
}

function JobPanel({ job, onCancel, cancelling }: { job: Job; onCancel: () => void; cancelling: boolean }) {
  const { t, i18n } = useTranslation()
  const number = new Intl.NumberFormat(i18n.language)
  const running = job.state === 'queued' || job.state === 'running'
  const percent = percentDone(job.done, job.total)
  return (
    <Paper withBorder p="sm" data-testid="export-job" aria-live="polite">
      {running ? (
        <Stack gap="xs">
          <Text size="sm" id="export-progress-label">
            {job.total > 0 ? t('guestLists.progress', { done: number.format(job.done), total: number.format(job.total) }) : t('guestLists.progressUnknown')}
          </Text>
          <Progress value={percent} aria-labelledby="export-progress-label" animated striped />
          <Group>
            <Button variant="default" color="red" onClick={onCancel} loading={cancelling} data-testid="export-cancel">{t('guestLists.cancel')}</Button>
          </Group>
        </Stack>
      ) : null}
      {job.state === 'done' ? (
        <Stack gap="xs">
          <Text size="sm" data-testid="export-done">
            {t('guestLists.done', { fileName: job.fileName, guests: number.format(job.guests ?? 0), size: formatBytes(job.bytes ?? 0, i18n.language) })}
          </Text>
          {job.downloadPath ? (
            <ExportFileLink jobId={job.jobId} downloadPath={job.downloadPath} fileName={job.fileName} label={t('guestLists.download', { fileName: job.fileName })} testId="export-download" />
          ) : null}
        </Stack>
      ) : null}
      {job.state === 'cancelled' ? <Text size="sm" data-testid="export-cancelled">{t('guestLists.cancelled')}</Text> : null}
      {job.state === 'failed' && job.error ? (
        <Alert color="red" role="alert" data-testid="export-failed">{errorMessage(t, new ApiError(job.error.code, job.error.message, job.error.details))}</Alert>
      ) : null}
    </Paper>
  )
}

function RecentExports() {
  const { t, i18n } = useTranslation()
  const list = useQuery({ queryKey: ['exports'], queryFn: () => call('export.list', {}) })
  const when = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' })
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="recent-exports-title">
      <Title order={2} size="h4" id="recent-exports-title" mb="sm">{t('guestLists.recent')}</Title>
      {list.isError ? <Alert color="red" role="alert">{errorMessage(t, list.error)}</Alert> : null}
      {list.data && list.data.length === 0 ? <Text size="sm">{t('guestLists.recentEmpty')}</Text> : null}
      {list.data && list.data.length > 0 ? (
        <div role="region" aria-label={t('guestLists.recentCaption')} tabIndex={0} style={{ overflowX: 'auto' }}>
          <Table fz="sm" miw={520} data-testid="recent-exports">
            <Table.Caption>{t('guestLists.recentCaption')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('guestLists.file')}</Table.Th>
                <Table.Th scope="col">{t('guestLists.when')}</Table.Th>
                <Table.Th scope="col">{t('guestLists.state')}</Table.Th>
                <Table.Th scope="col">{t('guestLists.guests')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.data.map((j) => (
                <Table.Tr key={j.jobId}>
                  <Table.Td>{j.state === 'done' && j.downloadPath ? <ExportFileLink jobId={j.jobId} downloadPath={j.downloadPath} fileName={j.fileName} label={j.fileName} /> : j.fileName}</Table.Td>
                  <Table.Td>{when.format(new Date(j.startedAt))}</Table.Td>
                  <Table.Td>{t(`guestLists.states.${j.state}`)}</Table.Td>
                  <Table.Td>{j.guests ?? ''}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </div>
      ) : null}
    </Paper>
  )
}
