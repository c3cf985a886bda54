import { Alert, Loader, Stack, Text, Title } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { call } from '../../api/client'
import { errorMessage } from '../../app/errors'
import { DuplicatePairList, type DuplicatePair } from './DuplicatePairList'
import { MergePanel } from './MergePanel'
import { RecentMerges } from './RecentMerges'

/** Guest relations: likely duplicate profiles, a side-by-side merge, and recent merges to undo. */
export function DuplicatesPage() {
  const { t } = useTranslation()
  const [open, setOpen] = useState<DuplicatePair | null>(null)
  const pairs = useQuery({ queryKey: ['duplicates'], queryFn: () => call('guest.duplicates', { limit: 100 }) })
  const key = (p: DuplicatePair) => `${p.a.id}:${p.b.id}`

  return (
    <Stack gap="md">
      <div>
        <Title order={1} size="h2">{t('duplicates.title')}</Title>
        <Text size="sm" c="dimmed">{t('duplicates.intro')}</Text>
      </div>
      {pairs.isLoading ? <Loader aria-label={t('app.loading')} /> : null}
      {pairs.isError ? <Alert color="red" role="alert">{errorMessage(t, pairs.error)}</Alert> : null}
      {pairs.isSuccess ? (
        <DuplicatePairList
          pairs={pairs.data}
          openKey={open ? key(open) : null}
          onOpen={(p) => setOpen(open && key(open) === key(p) ? null : p)}
          renderOpen={(p) => <MergePanel key={key(p)} pair={p} onDone={() => setOpen(null)} />}
        />
      ) : null}
      <RecentMerges />
    </Stack>
  )
}
