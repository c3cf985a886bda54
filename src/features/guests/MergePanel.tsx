import { Alert, Button, Divider, Group, List, Loader, Radio, SimpleGrid, Stack, Text, Title } from '@mantine/core'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { call } from '../../api/client'
import { errorMessage } from '../../app/errors'
import { GuestName } from '../../components/guest-name'
import type { DuplicatePair } from './DuplicatePairList'
import { useHistoryValue } from './history-values'
import { notify } from '../../components/notify'

type Choice = 'survivor' | 'merged'

/** Side by side: which profile to keep, the surviving value of each conflicting field, what always survives. */
export function MergePanel({ pair, onDone }: { pair: DuplicatePair; onDone: () => void }) {
  const { t } = useTranslation()
  const queryClient = useQueryClient()
  const [keepA, setKeepA] = useState(true)
  const [choose, setChoose] = useState<Record<string, Choice>>({})
  const [survivor, merged] = keepA ? [pair.a, pair.b] : [pair.b, pair.a]
  const preview = useQuery({ queryKey: ['merge-preview', survivor.id, merged.id], queryFn: () => call('guest.mergePreview', { survivorId: survivor.id, mergedId: merged.id }) })
  const merge = useMutation({
    mutationFn: () => call('guest.merge', { survivorId: survivor.id, mergedId: merged.id, choose }),
    onSuccess: async () => {
      notify({ color: 'green', message: t('merge.done', { name: survivor.nativeName }) })
      await Promise.all(['duplicates', 'merges', 'card', 'search', 'arrivals'].map((k) => queryClient.invalidateQueries({ queryKey: [k] })))
      onDone()
    },
  })
  const consent = (v: number | boolean | null) => t(`profile.consent.${v === null ? 'unknown' : v ? 'given' : 'withdrawn'}`)
  const { value } = useHistoryValue()
  const field = (f: string) => t(`history.field.${f}`, { defaultValue: f })
  const p = preview.data

  return (
    <Stack gap="sm" mt="sm" component="section" aria-labelledby={`merge-${pair.a.id}-${pair.b.id}`}>
      <Divider />
      <Title order={3} size="h5" id={`merge-${pair.a.id}-${pair.b.id}`}>{t('merge.title')}</Title>
      <Radio.Group label={t('merge.keep')} description={t('merge.keepHint')} value={keepA ? 'a' : 'b'} onChange={(v) => { setKeepA(v === 'a'); setChoose({}) }}>
        <Group gap="lg" mt={4}>
          <Radio value="a" label={<GuestName guest={pair.a} size="sm" />} />
          <Radio value="b" label={<GuestName guest={pair.b} size="sm" />} />
        </Group>
      </Radio.Group>
      {preview.isLoading ? <Loader size="sm" aria-label={t('app.loading')} /> : null}
      {preview.isError ? <Alert color="red" role="alert">{errorMessage(t, preview.error)}</Alert> : null}
      {p ? (
        <>
          <Text size="sm" fw={600}>{p.conflicts.length ? t('merge.conflicts') : t('merge.noConflicts')}</Text>
          {p.conflicts.map((c) => (
            <Radio.Group key={c.field} label={field(c.field)} value={choose[c.field] ?? 'survivor'} onChange={(v) => setChoose({ ...choose, [c.field]: v as Choice })} data-testid={`conflict-${c.field}`}>
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs" mt={4}>
                <Radio value="survivor" label={value(c.field, c.survivor, 'merge')} description={t('merge.fromKept')} />
                <Radio value="merged" label={value(c.field, c.merged, 'merge')} description={t('merge.fromOther')} />
              </SimpleGrid>
            </Radio.Group>
          ))}
          <Text size="sm" fw={600}>{t('merge.alwaysKept')}</Text>
          <List size="sm" spacing={2} data-testid="merge-kept">
            <List.Item>{t('merge.vip', { level: p.kept.vip })}</List.Item>
            <List.Item>{p.kept.restricted ? t('merge.restrictedYes') : t('merge.restrictedNo')}</List.Item>
            <List.Item>{t('merge.consentMarketing', { value: consent(p.kept.consentMarketing) })}</List.Item>
            <List.Item>{t('merge.consentSensitive', { value: consent(p.kept.consentSensitive) })}</List.Item>
          </List>
          <Text size="xs" c="dimmed">{t('merge.keptHint')}</Text>
          <Text size="sm" data-testid="merge-moving">
            {t('merge.moving', { items: (['preference', 'stay', 'observation', 'prompt'] as const).map((k) => t(`merge.count.${k}`, { count: p.moving[k] })).join(t('profile.listSeparator')) })}
          </Text>
        </>
      ) : null}
      {merge.isError ? <Alert color="red" role="alert">{errorMessage(t, merge.error)}</Alert> : null}
      <Group justify="flex-end">
        <Button onClick={() => merge.mutate()} loading={merge.isPending} disabled={!p}>
          {t('merge.submit', { merged: merged.nativeName, survivor: survivor.nativeName })}
        </Button>
      </Group>
    </Stack>
  )
}
