import { Alert, Anchor, Badge, Group, Loader, Paper, SegmentedControl, Select, Stack, Text, Title } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useDepartmentName } from '../../api/reference-data'
import { errorMessage } from '../../app/errors'
import { useHotelTime } from '../../app/hotel-time'
import { useSession } from '../../app/session'
import { caseFilters, filterCases, firstResponseOverdue, sortCases, type CaseFilter } from './case-order'
import { caseGuestName, severityColor, statusColor } from './case-words'
import { listCases } from './recovery-api'

/** #/recovery: the cases, open first and the most overdue first response at the top. */
export function CasesList() {
  const { t } = useTranslation()
  const hotelTime = useHotelTime()
  const departmentName = useDepartmentName()
  const me = useSession().staff
  const [filter, setFilter] = useState<CaseFilter>('open')
  const [owner, setOwner] = useState<'any' | 'mine' | 'nobody'>('any')
  const cases = useQuery({ queryKey: ['recovery', 'list', filter], queryFn: () => listCases({ status: filter, limit: 200 }), refetchInterval: 60_000 })
  const now = new Date()
  const shown = sortCases(filterCases(cases.data?.cases ?? [], filter, owner, me?.staffId), now)

  return (
    <Stack gap="md">
      <Title order={1} size="h2">{t('recovery.list.title')}</Title>
      <Text size="sm" c="dimmed">{t('recovery.list.intro')}</Text>
      <Group gap="sm" align="flex-end" wrap="wrap">
        <SegmentedControl
          aria-label={t('recovery.list.filter')}
          value={filter}
          onChange={(v) => setFilter(v as CaseFilter)}
          data={caseFilters.map((f) => ({ value: f, label: t(`recovery.list.filters.${f}`) }))}
        />
        <Select
          label={t('recovery.list.owner')}
          value={owner}
          onChange={(v) => setOwner((v as typeof owner) ?? 'any')}
          allowDeselect={false}
          data={(['any', 'mine', 'nobody'] as const).map((o) => ({ value: o, label: t(`recovery.list.owners.${o}`) }))}
          w={200}
        />
      </Group>
      {cases.isError ? <Alert color="red" role="alert">{errorMessage(t, cases.error)}</Alert> : null}
      {cases.isLoading ? <Loader aria-label={t('app.loading')} /> : null}
      {cases.isSuccess && shown.length === 0 ? <Text c="dimmed">{t('recovery.list.none')}</Text> : null}
      <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('recovery.list.title')}>
        {shown.map((c) => {
          const overdue = firstResponseOverdue(c, now)
          return (
            <Paper component="li" key={c.id} withBorder p="sm" data-testid="recovery-case" data-case-id={c.id}>
              <Stack gap={6}>
                <Stack gap={2} style={{ minWidth: 0 }}>
                  <Anchor href={`#/recovery/${c.id}`} fw={700}>
                    {t('recovery.list.caseLink', { id: c.id, guest: caseGuestName(c, t), category: t(`recovery.category.${c.category}`) })}
                  </Anchor>
                  <Text size="sm" lineClamp={2}>{c.description}</Text>
                  <Text size="xs" c="dimmed">
                    {[
                      c.roomNumber ? t('recovery.room', { room: c.roomNumber }) : null,
                      departmentName(c.department),
                      t('recovery.raisedBy', { name: c.raisedBy.name, when: hotelTime.when(c.raisedAt) }),
                      c.owner ? t('recovery.ownedBy', { name: c.owner.name }) : t('recovery.noOwner'),
                    ].filter(Boolean).join(' · ')}
                  </Text>
                </Stack>
                <Group gap={4} wrap="wrap" data-testid="case-badges">
                  <Badge c="var(--mantine-color-text)" variant="default" tt="none" data-testid="case-kind">{t(`recovery.kind.${c.kind}`)}</Badge>
                  {overdue ? <Badge color="red.9" variant="filled" tt="none" data-testid="first-response-overdue">{t('recovery.list.overdue')}</Badge> : null}
                  <Badge c="var(--mantine-color-text)" color={statusColor(c.status)} variant="light" tt="none">{t(`recovery.status.${c.status}`)}</Badge>
                  {c.recovered ? <Badge c="var(--mantine-color-text)" color="green" variant="outline" tt="none">{t('recovery.recovered')}</Badge> : null}
                  <Badge c="var(--mantine-color-text)" color={severityColor(c.severity)} variant="outline" tt="none">{t(`recovery.severity.${c.severity}`)}</Badge>
                  <Badge c="var(--mantine-color-text)" variant="default" tt="none">{t('recovery.stepsDone', { count: c.stepsDone })}</Badge>
                </Group>
              </Stack>
            </Paper>
          )
        })}
      </Stack>
    </Stack>
  )
}
