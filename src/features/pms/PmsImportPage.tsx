import { Alert, Button, Group, Select, Stack, Text, Title } from '@mantine/core'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ApiError } from '../../api/client'
import { errorMessage } from '../../app/errors'
import { fileAsBase64, looksLikeReport, maxReportBytes } from './file-content'
import { ImportOutcomePanel } from './ImportOutcomePanel'
import { MappingEditor } from './MappingEditor'
import { importReport, previewReport, saveMapping, type ImportOutcome, type Mapping, type ReportKind, type ReportPreview, type ReportUpload } from './pms-api'
import { PmsSettingsSection } from './PmsSettingsSection'
import { RecentImports } from './RecentImports'
import { ReportCheckResult } from './ReportCheckResult'
import { ReportFileInput } from './ReportFileInput'
import { ReportPreviewTable } from './ReportPreviewTable'
import { reportKindOptions, screenFields } from './report-fields'

/**
 * Import from PMS (managers and administrators): choose the report, upload the file, map its
 * columns once, check it (every problem by line), then import it; recent imports and the watch
 * folder below. Nothing is applied while the file has a problem.
 */
export function PmsImportPage() {
  const { t } = useTranslation()
  const queryClient = useQueryClient()
  const [kind, setKind] = useState<ReportKind>('arrivals')
  const [upload, setUpload] = useState<ReportUpload | null>(null)
  const [fileProblem, setFileProblem] = useState<string | null>(null)
  const [preview, setPreview] = useState<ReportPreview | null>(null)
  const [mapping, setMapping] = useState<Mapping | null>(null)
  // The errors shown belong to the mapping as it was checked; an edit asks for a new check.
  const [checkedMapping, setCheckedMapping] = useState<Mapping | null>(null)
  const [outcome, setOutcome] = useState<{ result: ImportOutcome; fileName: string } | null>(null)
  const [saved, setSaved] = useState<string | null>(null)

  const check = useMutation({
    mutationFn: (args: { kind: ReportKind; upload: ReportUpload; mapping?: Mapping; preset?: string }) =>
      previewReport(args.kind, args.upload, { mapping: args.mapping, preset: args.preset }),
    onSuccess: (value) => {
      setPreview(value)
      setMapping(value.mapping)
      setCheckedMapping(value.mapping)
    },
    onError: (error) => setFileProblem(fileErrorText(t, error)),
  })
  const save = useMutation({
    mutationFn: (m: Mapping) => saveMapping(m),
    onSuccess: (_, m) => {
      setSaved(t('pms.mapping.saved', { kind: t(`pms.kinds.${m.kind}`) }))
      void queryClient.invalidateQueries({ queryKey: ['pms-mappings'] })
      if (upload) check.mutate({ kind: m.kind, upload, mapping: m })
    },
  })
  const run = useMutation({
    mutationFn: (args: { kind: ReportKind; upload: ReportUpload; mapping: Mapping }) => importReport(args.kind, args.upload, args.mapping),
    onSuccess: (result, args) => {
      setOutcome({ result, fileName: args.upload.fileName })
      void queryClient.invalidateQueries({ queryKey: ['pms-imports'] })
    },
  })

  const reset = () => {
    setPreview(null)
    setMapping(null)
    setCheckedMapping(null)
    setOutcome(null)
    setSaved(null)
    setFileProblem(null)
    run.reset()
  }
  const chooseFile = async (file: File) => {
    reset()
    setUpload(null)
    if (!looksLikeReport(file.name)) return setFileProblem(t('pms.file.wrongType', { name: file.name }))
    if (file.size > maxReportBytes) return setFileProblem(t('pms.file.tooLarge', { name: file.name }))
    try {
      const next = { fileName: file.name, content: await fileAsBase64(file) }
      setUpload(next)
      check.mutate({ kind, upload: next })
    } catch {
      setFileProblem(t('pms.file.unreadable', { name: file.name }))
    }
  }
  const chooseKind = (next: ReportKind) => {
    setKind(next)
    reset()
    if (upload) check.mutate({ kind: next, upload })
  }
  const editMapping = (next: Mapping) => {
    setMapping(next)
    setSaved(null)
    setOutcome(null)
  }

  const current = mapping !== null && checkedMapping !== null && JSON.stringify(mapping) === JSON.stringify(checkedMapping)
  const missing = mapping ? screenFields(kind).filter((f) => f.required && !mapping.columns[f.name]) : []
  const canImport = Boolean(upload && preview && current && preview.errors.length === 0 && !run.isPending)
  const source = mapping && !current ? 'given' : saved ? 'saved' : (preview?.mappingSource ?? 'suggested')

  return (
    <Stack gap="md" maw={1200}>
      <div>
        <Title order={1} size="h2">{t('pms.title')}</Title>
        <Text size="sm" c="dimmed">{t('pms.intro')}</Text>
      </div>
      <Select
        label={t('pms.kind')}
        data={reportKindOptions.map((k) => ({ value: k, label: t(`pms.kinds.${k}`) }))}
        value={kind}
        onChange={(k) => k && chooseKind(k as ReportKind)}
        allowDeselect={false}
        w={{ base: '100%', sm: 320 }}
        data-testid="pms-kind"
      />
      <ReportFileInput fileName={upload ? t('pms.file.chosen', { name: upload.fileName, rows: preview?.rows ?? '…' }) : null} busy={check.isPending && !preview} onFile={(f) => void chooseFile(f)} />
      {fileProblem ? <Alert color="red" role="alert" data-testid="pms-file-problem">{fileProblem}</Alert> : null}

      {preview && mapping ? (
        <>
          <ReportPreviewTable headers={preview.headers} sample={preview.sample} total={preview.rows} mapping={mapping} />
          <MappingEditor
            mapping={mapping}
            headers={preview.headers}
            source={source}
            suggestedPreset={preview.preset}
            saving={save.isPending}
            onChange={editMapping}
            onPreset={(preset) => upload && check.mutate({ kind, upload, preset })}
            onSave={() => save.mutate(mapping)}
          />
          {save.isError ? <Alert color="red" role="alert">{errorMessage(t, save.error)}</Alert> : null}
          <Text size="sm" role="status">{saved ?? ''}</Text>
          <Group gap="sm">
            <Button variant="default" onClick={() => upload && check.mutate({ kind, upload, mapping })} loading={check.isPending} data-testid="pms-check-file">
              {t('pms.check')}
            </Button>
            <Button onClick={() => upload && run.mutate({ kind, upload, mapping })} disabled={!canImport} loading={run.isPending} aria-describedby="pms-import-hint" data-testid="pms-import">
              {t('pms.import')}
            </Button>
            {!canImport ? <Text size="sm" c="dimmed" id="pms-import-hint">{t('pms.importHint')}</Text> : null}
          </Group>
          {missing.length > 0 ? (
            <Text size="sm" c="red.8">{t('pms.mapping.missing', { fields: missing.map((f) => t(`pms.fields.${f.name}`)).join(', ') })}</Text>
          ) : null}
          {current && !outcome ? <ReportCheckResult rows={preview.rows} errors={preview.errors} warnings={preview.warnings} /> : null}
          {run.isError ? <Alert color="red" role="alert">{errorMessage(t, run.error)}</Alert> : null}
          {outcome ? <ImportOutcomePanel outcome={outcome.result} fileName={outcome.fileName} /> : null}
        </>
      ) : null}

      <RecentImports />
      <PmsSettingsSection />
    </Stack>
  )
}

/** A file core refused (REPORT_FILE) in words that say what to fix; any other failure as usual. */
function fileErrorText(t: Parameters<typeof errorMessage>[0], error: unknown): string {
  if (error instanceof ApiError && error.code === 'REPORT_FILE') {
    const reason = String(error.details?.reason ?? '')
    return t(`pms.fileErrors.${reason}`, { defaultValue: t('errors.REPORT_FILE') })
  }
  return errorMessage(t, error)
}
