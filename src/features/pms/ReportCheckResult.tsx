import { Alert, List, ScrollArea, Stack, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { problemText, type ProblemLike } from './problem-text'

interface ReportCheckResultProps {
  rows: number
  errors: ProblemLike[]
  warnings: ProblemLike[]
  /** After an import the file is no longer "ready": only problems and values left out are listed. */
  afterImport?: boolean
}

/** What checking the file found: every error by line (nothing applies until none is left), then values left out. */
export function ReportCheckResult({ rows, errors, warnings, afterImport = false }: ReportCheckResultProps) {
  const { t } = useTranslation()
  const realErrors = errors.filter((e) => e.code !== 'more_errors').length
  return (
    <Stack gap="xs" data-testid="pms-check">
      {errors.length === 0 ? (
        afterImport ? null : <Alert color="green" data-testid="pms-clean">{t('pms.clean', { rows })}</Alert>
      ) : (
        <Alert color="red" title={t('pms.errors', { count: realErrors + moreCount(errors) })}>
          <ScrollArea.Autosize mah={320} type="auto">
            <List size="sm" spacing={2} data-testid="pms-errors">
              {errors.map((e, i) => (
                <List.Item key={i} data-line={e.line} data-code={e.code}>{problemText(t, e)}</List.Item>
              ))}
            </List>
          </ScrollArea.Autosize>
        </Alert>
      )}
      {warnings.length > 0 ? (
        <div>
          <Text size="sm" fw={600}>{t('pms.warnings', { count: warnings.length })}</Text>
          <List size="sm" spacing={2} data-testid="pms-warnings">
            {warnings.map((w, i) => (
              <List.Item key={i}>{problemText(t, w)}</List.Item>
            ))}
          </List>
        </div>
      ) : null}
    </Stack>
  )
}

function moreCount(errors: ProblemLike[]): number {
  const more = errors.find((e) => e.code === 'more_errors')
  return more ? Number(more.value) || 0 : 0
}
