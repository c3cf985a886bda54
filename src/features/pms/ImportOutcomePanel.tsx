import { Alert, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { ImportOutcome } from './pms-api'
import { importCounts } from './import-counts'
import { ReportCheckResult } from './ReportCheckResult'

/** The import report: how many new bookings, check-ins, room moves… or why nothing was applied. */
export function ImportOutcomePanel({ outcome, fileName }: { outcome: ImportOutcome; fileName: string }) {
  const { t } = useTranslation()
  const counts = importCounts(t, outcome)
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="pms-outcome-title" data-testid="pms-outcome">
      <Stack gap="sm">
        <Title order={2} size="h3" id="pms-outcome-title">{t('pms.outcome.title')}</Title>
        {outcome.status === 'applied' ? (
          <Alert color="green" role="status">{t('pms.outcome.applied', { file: fileName, rows: outcome.rows })}</Alert>
        ) : (
          <Alert color="red" role="alert">{t('pms.outcome.rejected', { file: fileName })}</Alert>
        )}
        {outcome.status === 'applied' && counts.length === 0 ? <Text>{t('pms.outcome.nothing')}</Text> : null}
        {counts.length > 0 ? (
          <SimpleGrid component="dl" cols={{ base: 2, sm: 4 }} spacing="xs" m={0} data-testid="pms-outcome-counts">
            {counts.map((c) => (
              <Group key={c.key} gap={4} align="baseline" wrap="nowrap" data-count={c.key}>
                <Text component="dt" size="sm">{c.label}</Text>
                <Text component="dd" m={0} fw={700} size="lg">{c.count}</Text>
              </Group>
            ))}
          </SimpleGrid>
        ) : null}
        {outcome.status === 'rejected' || outcome.warnings.length > 0 ? (
          <ReportCheckResult rows={outcome.rows} errors={outcome.errors} warnings={outcome.warnings} afterImport />
        ) : null}
      </Stack>
    </Paper>
  )
}
