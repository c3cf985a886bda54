import { Alert, Anchor, Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import { call } from '../../api/client'
import { errorMessage } from '../../app/errors'
import { useDateTime } from './when'
import { notify } from '../../components/notify'

/** Merges, newest first; any merge not yet undone can be undone, keeping (and naming) what changed after it. */
export function RecentMerges() {
  const { t } = useTranslation()
  const dateTime = useDateTime()
  const queryClient = useQueryClient()
  const merges = useQuery({ queryKey: ['merges'], queryFn: () => call('guest.merges', { limit: 20 }) })
  const unmerge = useMutation({
    mutationFn: (mergeId: number) => call('guest.unmerge', { mergeId }),
    onSuccess: async () => {
      notify({ color: 'green', message: t('merge.unmerged') })
      await Promise.all(['duplicates', 'merges', 'card', 'search', 'arrivals'].map((k) => queryClient.invalidateQueries({ queryKey: [k] })))
    },
  })
  const list = merges.data ?? []
  // What the last unmerge left on the kept profile, and what it carried to the restored one.
  const undone = unmerge.isSuccess ? list.find((m) => m.id === unmerge.variables) : undefined
  const fieldNames = (fields: string[]) => fields.map((f) => t(`history.field.${f}`, { defaultValue: f })).join(t('profile.listSeparator'))
  const kept = unmerge.data?.keptFields ?? []
  const carried = unmerge.data?.withdrawalsCarried ?? []

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="merges-title">
      <Stack gap="xs">
        <Title order={2} size="h4" id="merges-title">{t('merge.recent')}</Title>
        {merges.isError ? <Alert color="red" role="alert">{errorMessage(t, merges.error)}</Alert> : null}
        {merges.isSuccess && list.length === 0 ? <Text size="sm" c="dimmed">{t('merge.noneYet')}</Text> : null}
        <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }}>
          {list.map((m) => (
            <li key={m.id} data-testid="merge-row">
              <Group justify="space-between" wrap="wrap" gap="xs">
                <div>
                  <Text size="sm">
                    {t('merge.row', { merged: m.mergedName })} <Anchor href={`#/guest/${m.survivorId}`}>{m.survivorName}</Anchor>
                  </Text>
                  <Text size="xs" c="dimmed">{dateTime(m.at)} · {m.staff ?? t('preference.unknownStaff')}</Text>
                </div>
                {m.undoneAt ? (
                  <Badge variant="default">{t('merge.undoneAt', { when: dateTime(m.undoneAt) })}</Badge>
                ) : (
                  <Button size="xs" variant="default" onClick={() => unmerge.mutate(m.id)} loading={unmerge.isPending && unmerge.variables === m.id}>
                    {t('merge.unmerge')}
                  </Button>
                )}
              </Group>
            </li>
          ))}
        </Stack>
        {unmerge.isError ? <Alert color="red" role="alert">{errorMessage(t, unmerge.error)}</Alert> : null}
        {undone && (kept.length > 0 || carried.length > 0) ? (
          <Alert color="blue" role="status" data-testid="unmerge-kept">
            {kept.length > 0 ? <Text size="sm">{t('merge.keptAfterMerge', { name: undone.survivorName, fields: fieldNames(kept) })}</Text> : null}
            {carried.length > 0 ? <Text size="sm">{t('merge.withdrawalsCarried', { name: undone.mergedName, fields: fieldNames(carried) })}</Text> : null}
          </Alert>
        ) : null}
      </Stack>
    </Paper>
  )
}
