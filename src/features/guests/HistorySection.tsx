import { Alert, Badge, Button, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { call } from '../../api/client'
import { errorMessage } from '../../app/errors'
import { useHistoryValue } from './history-values'
import { useDateTime } from './when'

const shown = 12

/** Who changed what on this profile, when, old value → new value; newest first. */
export function HistorySection({ guestId }: { guestId: number }) {
  const { t } = useTranslation()
  const dateTime = useDateTime()
  const { value, preference } = useHistoryValue()
  const [all, setAll] = useState(false)
  const history = useQuery({ queryKey: ['history', guestId], queryFn: () => call('guest.history', { guestId, limit: 200 }) })
  const rows = history.data ?? []
  // A preference's later changes name it by what it was when added.
  const added = new Map(rows.filter((r) => r.action === 'preference.add' && r.newValue).map((r) => [r.entityId, preference(r.newValue!)]))
  const what = (r: (typeof rows)[number]) =>
    r.entity === 'preference'
      ? `${added.get(r.entityId) ?? t('history.aPreference')} — ${t(`history.field.${r.field}`, { defaultValue: r.field ?? '' })}`
      : t(`history.field.${r.field}`, { defaultValue: r.field ?? '' })

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="history-title">
      <Stack gap="sm">
        <Title order={2} size="h4" id="history-title">{t('history.title')}</Title>
        {history.isLoading ? <Loader size="sm" aria-label={t('app.loading')} /> : null}
        {history.isError ? <Alert color="red" role="alert">{errorMessage(t, history.error)}</Alert> : null}
        {history.isSuccess && rows.length === 0 ? <Text size="sm" c="dimmed">{t('history.none')}</Text> : null}
        <Stack component="ol" gap="xs" p={0} m={0} style={{ listStyle: 'none' }} aria-labelledby="history-title" data-testid="history">
          {(all ? rows : rows.slice(0, shown)).map((r) => (
            <li key={r.id} data-testid="history-row">
              <Text size="xs" c="dimmed">
                {dateTime(r.at)} · {r.staff ?? t('preference.unknownStaff')} · {t(`history.action.${r.action.replace('.', '_')}`, { defaultValue: r.action })}
                {r.undone ? <Badge ml={6} size="xs" variant="default">{t('history.undone')}</Badge> : null}
              </Text>
              {r.action === 'preference.add' ? (
                <Text size="sm" fw={600}>{value(r.field, r.newValue, r.action)}</Text>
              ) : (
                <Text size="sm">
                  <Text span fw={600}>{what(r)}:</Text> <Text span data-testid="old-value">{value(r.field, r.oldValue, r.action)}</Text>
                  {' → '}
                  <Text span fw={600} data-testid="new-value">{value(r.field, r.newValue, r.action)}</Text>
                </Text>
              )}
            </li>
          ))}
        </Stack>
        {rows.length > shown ? (
          <Group>
            <Button variant="subtle" size="xs" onClick={() => setAll(!all)}>{all ? t('history.showFewer') : t('history.showAll', { count: rows.length })}</Button>
          </Group>
        ) : null}
      </Stack>
    </Paper>
  )
}
