import { Paper, Stack, Table, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { Mapping } from './pms-api'

interface ReportPreviewTableProps {
  headers: string[]
  sample: { line: number; cells: string[] }[]
  total: number
  mapping: Mapping
}

/** The file's first rows under its own headers; a mapped column says which Zhike field it feeds. */
export function ReportPreviewTable({ headers, sample, total, mapping }: ReportPreviewTableProps) {
  const { t } = useTranslation()
  const fieldOf = new Map(Object.entries(mapping.columns).map(([field, header]) => [header, field]))
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="pms-preview-title">
      <Stack gap="xs">
        <Title order={2} size="h3" id="pms-preview-title">{t('pms.preview.title')}</Title>
        {/* A focusable, labelled region: keyboard users scroll the wide table with the arrow keys. */}
        <Table.ScrollContainer minWidth={Math.max(480, headers.length * 110)} tabIndex={0} role="region" aria-labelledby="pms-preview-title">
          <Table striped withTableBorder fz="sm" data-testid="pms-preview">
            <Table.Caption>{t('pms.preview.caption', { shown: sample.length, total })}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('pms.preview.line')}</Table.Th>
                {headers.map((h, i) => (
                  <Table.Th scope="col" key={`${i}:${h}`}>
                    {h}
                    {fieldOf.has(h) ? (
                      <Text size="xs" c="indigo.8" fw={500}>
                        → {t(`pms.fields.${fieldOf.get(h)}`)}
                      </Text>
                    ) : null}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {sample.map((row) => (
                <Table.Tr key={row.line}>
                  <Table.Th scope="row">{row.line}</Table.Th>
                  {row.cells.map((cell, i) => (
                    <Table.Td key={i} style={{ whiteSpace: 'pre-line' }}>{cell}</Table.Td>
                  ))}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Stack>
    </Paper>
  )
}
