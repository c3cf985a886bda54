import { Badge, List, Paper, Table, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { useDepartmentName } from '../../api/reference-data'
import { pick } from '../../i18n'
import { formatHotelMoment, type PromiseReport } from './report-view'
import { formatMinutes, formatPercent, lateParts } from './report-range'
import { templateAsName, type PlaceholderWords } from './report-words'
import { rulePlaceholders } from '../rules/rule-types'
import type { TFunction } from 'i18next'
import { ScrollTable } from './ScrollTable'

/** Placeholders as words ("the guest", "宾客"), for naming a rule by its template. */
function placeholderWords(t: TFunction): PlaceholderWords {
  return Object.fromEntries(rulePlaceholders.map((p) => [p, t(`reports.placeholder.${p}`)])) as PlaceholderWords
}

/** Each rule's figures: issued, within promise, declines and times. */
export function RuleTable({ report, language }: { report: PromiseReport; language: string }) {
  const { t } = useTranslation()
  const departmentName = useDepartmentName()
  const times = (m: { median: number | null; p90: number | null }) =>
    m.median === null ? '—' : t('reports.medianP90', { median: formatMinutes(m.median, language), p90: formatMinutes(m.p90, language) })
  if (report.byRule.length === 0) return null
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="report-by-rule">
      <Title order={2} size="h4" id="report-by-rule" mb="sm">{t('reports.byRule')}</Title>
      <ScrollTable label={t('reports.ruleTable')} testId="rule-table" minWidth={900}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('reports.rule')}</Table.Th>
            <Table.Th>{t('reports.department')}</Table.Th>
            <Table.Th>{t('reports.issued')}</Table.Th>
            <Table.Th>{t('reports.ackWithin')}</Table.Th>
            <Table.Th>{t('reports.doneWithin')}</Table.Th>
            <Table.Th>{t('reports.declined')}</Table.Th>
            <Table.Th>{t('reports.ackTimes')}</Table.Th>
            <Table.Th>{t('reports.doneTimes')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {report.byRule.map((r) => (
            <Table.Tr key={r.ruleId}>
              <Table.Th scope="row" fw={500} maw={320}>
                {templateAsName(pick(r.text, language), placeholderWords(t))}
              </Table.Th>
              <Table.Td>{departmentName(r.department)}</Table.Td>
              <Table.Td>{r.issued}</Table.Td>
              <Table.Td>{formatPercent(r.ackWithinPct, language)}</Table.Td>
              <Table.Td>{formatPercent(r.doneWithinPct, language)}</Table.Td>
              <Table.Td>{r.declined}</Table.Td>
              <Table.Td>{times(r.ackMinutes)}</Table.Td>
              <Table.Td>{times(r.doneMinutes)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </ScrollTable>
    </Paper>
  )
}

/** The prompts that broke a promise by the most. */
export function WorstOffenders({ report, language }: { report: PromiseReport; language: string }) {
  const { t } = useTranslation()
  const departmentName = useDepartmentName()
  const late = (minutes: number) => {
    const parts = lateParts(minutes)
    return t(parts.unit === 'minutes' ? 'reports.lateMinutes' : parts.unit === 'hours' ? 'reports.lateHours' : 'reports.lateDays', parts)
  }
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="report-worst">
      <Title order={2} size="h4" id="report-worst">{t('reports.worst')}</Title>
      <Text size="sm" c="dimmed" mb="sm">{t('reports.worstIntro')}</Text>
      {report.worst.length === 0 ? (
        <Text size="sm" data-testid="worst-none">{t('reports.noneLate')}</Text>
      ) : (
        <ScrollTable label={t('reports.worstTable')} testId="worst-table" minWidth={760}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('reports.howLate')}</Table.Th>
              <Table.Th>{t('reports.promise')}</Table.Th>
              <Table.Th>{t('reports.department')}</Table.Th>
              <Table.Th>{t('reports.rule')}</Table.Th>
              <Table.Th>{t('reports.room')}</Table.Th>
              <Table.Th>{t('reports.issuedAt')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {report.worst.map((w) => (
              <Table.Tr key={w.id}>
                <Table.Th scope="row">
                  {late(w.lateMinutes)}
                  {w.stillOpen ? <Badge ml={6} size="sm" color="red.9" variant="filled">{t('reports.stillOpen')}</Badge> : null}
                </Table.Th>
                <Table.Td>{t(w.promise === 'acknowledge' ? 'reports.promiseAcknowledge' : 'reports.promiseDone')}</Table.Td>
                <Table.Td>{departmentName(w.department)}</Table.Td>
                <Table.Td maw={280} title={templateAsName(pick(w.ruleText, language), placeholderWords(t), 400)}>{templateAsName(pick(w.ruleText, language), placeholderWords(t), 60)}</Table.Td>
                <Table.Td>{w.room ?? t('reports.noRoom')}</Table.Td>
                <Table.Td>{formatHotelMoment(w.createdAt, language, report.timeZone)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </ScrollTable>
      )}
    </Paper>
  )
}

/** Why prompts were declined, the most frequent reason first. */
export function DeclineReasons({ report }: { report: PromiseReport }) {
  const { t } = useTranslation()
  const departmentName = useDepartmentName()
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="report-declines">
      <Title order={2} size="h4" id="report-declines" mb="sm">{t('reports.declineReasons')}</Title>
      {report.declineReasons.length === 0 ? (
        <Text size="sm">{t('reports.declineEmpty')}</Text>
      ) : (
        <List spacing="xs" data-testid="decline-reasons">
          {report.declineReasons.map((r) => (
            <List.Item key={r.reason}>
              <Text span fw={600}>{r.reason || t('reports.noReason')}</Text>
              <Text span size="sm"> — {t('reports.declineCount', { count: r.count })} · {r.departments.map(departmentName).join(', ')}</Text>
            </List.Item>
          ))}
        </List>
      )}
    </Paper>
  )
}
