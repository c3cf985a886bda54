import { Alert, Badge, Loader, Paper, Stack, Table, Text, Title } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { listImports } from './pms-api'
import { errorMessage } from '../../app/errors'
import { useFormatWhen } from '../observations/when'
import { importCounts } from './import-counts'

/** The last imports, newest first: when, which file, how it came, and what came of it. */
export function RecentImports() {
  const { t } = useTranslation()
  const formatWhen = useFormatWhen()
  const imports = useQuery({ queryKey: ['pms-imports'], queryFn: () => listImports(20) })
  const rows = imports.data ?? []
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="pms-recent-title">
      <Stack gap="xs">
        <Title order={2} size="h3" id="pms-recent-title">{t('pms.recent.title')}</Title>
        {imports.isLoading ? <Loader aria-label={t('app.loading')} /> : null}
        {imports.isError ? <Alert color="red" role="alert">{errorMessage(t, imports.error)}</Alert> : null}
        {imports.isSuccess && rows.length === 0 ? <Text data-testid="pms-recent-empty">{t('pms.recent.empty')}</Text> : null}
        {rows.length > 0 ? (
          <Table.ScrollContainer minWidth={560} tabIndex={0} role="region" aria-labelledby="pms-recent-title">
            <Table fz="sm" data-testid="pms-recent">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('pms.recent.when')}</Table.Th>
                  <Table.Th scope="col">{t('pms.recent.file')}</Table.Th>
                  <Table.Th scope="col">{t('pms.recent.kind')}</Table.Th>
                  <Table.Th scope="col">{t('pms.recent.via')}</Table.Th>
                  <Table.Th scope="col">{t('pms.recent.rows')}</Table.Th>
                  <Table.Th scope="col">{t('pms.recent.result')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((r) => {
                  const counts = importCounts(t, r)
                  return (
                    <Table.Tr key={r.id}>
                      <Table.Td>{formatWhen(r.at)}</Table.Td>
                      <Table.Td style={{ wordBreak: 'break-all' }}>{r.fileName}</Table.Td>
                      <Table.Td>{t(`pms.kinds.${r.kind}`, { defaultValue: r.kind })}</Table.Td>
                      <Table.Td>{t(`pms.recent.vias.${r.via}`, { defaultValue: r.via })}</Table.Td>
                      <Table.Td>{r.rows}</Table.Td>
                      <Table.Td>
                        {r.status === 'applied' ? (
                          <Badge color="green" variant="light">{t('pms.recent.applied')}</Badge>
                        ) : (
                          <Badge color="red" variant="light">{t('pms.recent.rejected', { count: r.errors })}</Badge>
                        )}
                        {counts.length > 0 ? <Text size="xs">{counts.map((c) => `${c.label} ${c.count}`).join(' · ')}</Text> : null}
                      </Table.Td>
                    </Table.Tr>
                  )
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        ) : null}
      </Stack>
    </Paper>
  )
}
