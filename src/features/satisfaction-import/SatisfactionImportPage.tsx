import { Alert, Button, FileInput, List, Paper, Stack, Text, Title } from '@mantine/core'
import { useMutation } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ApiError, call } from '../../api/client'
import { errorMessage } from '../../app/errors'
import { issueLine, maxSurveyBytes, type ImportIssue } from './satisfaction-import-view'

/**
 * Managers import guests' satisfaction answers (satisfaction.import) from a survey CSV: choose the
 * file, import; a refused file lists every bad row (row, column, what to fix) and nothing is saved.
 */
export function SatisfactionImportPage() {
  const { t } = useTranslation()
  const [file, setFile] = useState<File | null>(null)
  const [localProblem, setLocalProblem] = useState<string | null>(null)
  const submit = useMutation({
    mutationFn: async (chosen: File) => {
      const csv = await chosen.text()
      return { fileName: chosen.name, result: await call('satisfaction.import', { fileName: chosen.name, csv }) }
    },
  })
  const choose = (next: File | null) => {
    setFile(next)
    submit.reset()
    setLocalProblem(next && next.size > maxSurveyBytes ? t('satisfactionImport.tooLarge', { size: (next.size / 1024 / 1024).toFixed(1) }) : null)
  }
  const refused = submit.error instanceof ApiError && submit.error.code === 'VALIDATION' ? ((submit.error.details?.issues as ImportIssue[] | undefined) ?? []) : null
  return (
    <Stack gap="md" maw={900}>
      <Title order={1} size="h2">{t('satisfactionImport.title')}</Title>
      <Text size="sm">{t('satisfactionImport.intro')}</Text>
      <Text size="sm" c="dimmed">{t('satisfactionImport.columns')}</Text>
      <Text size="sm" c="dimmed">{t('satisfactionImport.rules')}</Text>
      <Paper
        withBorder
        p="md"
        component="form"
        aria-label={t('satisfactionImport.title')}
        onSubmit={(e) => {
          e.preventDefault()
          if (file && !localProblem) submit.mutate(file)
        }}
      >
        <Stack gap="sm">
          <FileInput
            label={t('satisfactionImport.file')}
            placeholder={t('satisfactionImport.filePlaceholder')}
            accept=".csv,.txt,text/csv"
            value={file}
            onChange={choose}
            clearable
            clearButtonProps={{ 'aria-label': t('satisfactionImport.clear') }}
            error={localProblem ?? undefined}
            maw={420}
            data-testid="satisfaction-file"
          />
          <div>
            <Button type="submit" disabled={!file || localProblem !== null} loading={submit.isPending} data-testid="satisfaction-import">
              {t('satisfactionImport.import')}
            </Button>
          </div>
        </Stack>
      </Paper>
      {submit.isSuccess ? (
        <Alert color="teal" role="status" data-testid="satisfaction-done">
          <Text size="sm">{t('satisfactionImport.done', { imported: submit.data.result.imported, rows: submit.data.result.rows, file: submit.data.fileName })}</Text>
          {submit.data.result.alreadyImported > 0 ? <Text size="sm">{t('satisfactionImport.alreadyImported', { count: submit.data.result.alreadyImported })}</Text> : null}
        </Alert>
      ) : null}
      {refused && refused.length > 0 ? (
        <Paper withBorder p="md" role="alert" aria-labelledby="satisfaction-problems" data-testid="satisfaction-problems">
          <Title order={2} size="h4" id="satisfaction-problems" c="red.8">
            {t('satisfactionImport.problemsTitle', { count: refused.filter((i) => i.problem !== 'more').length, file: file?.name ?? '' })}
          </Title>
          <Text size="sm" mb="xs">{t('satisfactionImport.problemsIntro')}</Text>
          <List size="sm" spacing={4} aria-label={t('satisfactionImport.problemsList')}>
            {refused.map((issue, i) => {
              const line = issueLine(t, issue)
              return (
                <List.Item key={`${issue.path}-${i}`} data-testid="satisfaction-problem">
                  <Text span fw={700} size="sm">{line.where}</Text>
                  <Text span size="sm">{`${t('satisfactionImport.whatSeparator')}${line.what}`}</Text>
                </List.Item>
              )
            })}
          </List>
        </Paper>
      ) : null}
      {submit.isError && !refused ? <Alert color="red" role="alert">{submit.error instanceof ApiError ? errorMessage(t, submit.error) : t('satisfactionImport.unreadable')}</Alert> : null}
    </Stack>
  )
}
