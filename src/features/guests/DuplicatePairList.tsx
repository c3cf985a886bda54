import { Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { OutputOf } from '../../../electron/core/api'
import { call } from '../../api/client'
import { errorMessage } from '../../app/errors'
import { GuestName } from '../../components/guest-name'
import { useReasonText } from './duplicate-reasons'
import { notify } from '../../components/notify'
import { useHotelTime } from '../../app/hotel-time'

export type DuplicatePair = OutputOf<'guest.duplicates'>[number]
type Summary = DuplicatePair['a']

function Side({ guest }: { guest: Summary }) {
  const { t } = useTranslation()
  const { date } = useHotelTime()
  return (
    <div style={{ minWidth: 0 }}>
      <GuestName guest={guest} />
      <Text size="xs" c="dimmed">{[guest.phone, guest.email, guest.birthDate ? date(guest.birthDate) : null, guest.company].filter(Boolean).join(' · ') || t('history.empty')}</Text>
    </div>
  )
}

/** Likely duplicate pairs, most likely first; each opens a merge preview or is marked as two people. */
export function DuplicatePairList({ pairs, openKey, onOpen, renderOpen }: { pairs: DuplicatePair[]; openKey: string | null; onOpen: (p: DuplicatePair) => void; renderOpen: (p: DuplicatePair) => ReactNode }) {
  const { t } = useTranslation()
  const reasonText = useReasonText()
  const queryClient = useQueryClient()
  const different = useMutation({
    mutationFn: (p: DuplicatePair) => call('guest.notDuplicate', { guestA: p.a.id, guestB: p.b.id }),
    onSuccess: async () => {
      notify({ color: 'green', message: t('duplicates.markedDifferent') })
      await queryClient.invalidateQueries({ queryKey: ['duplicates'] })
    },
    onError: (error) => notify({ color: 'red', message: errorMessage(t, error) }),
  })

  return (
    <section aria-labelledby="pairs-title">
      <Title order={2} size="h4" id="pairs-title" mb="xs">{t('duplicates.pairs', { count: pairs.length })}</Title>
      {pairs.length === 0 ? <Text c="dimmed">{t('duplicates.none')}</Text> : null}
      <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }}>
        {pairs.map((p) => {
          const key = `${p.a.id}:${p.b.id}`
          const open = key === openKey
          return (
            <Paper component="li" withBorder p="sm" key={key} data-testid="duplicate-pair">
              <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
                <Stack gap={4} style={{ minWidth: 0, flex: '1 1 300px' }}>
                  <Group gap="md" wrap="wrap" align="flex-start">
                    <Side guest={p.a} />
                    <Text aria-hidden c="dimmed">↔</Text>
                    <Side guest={p.b} />
                  </Group>
                  <Group gap={6}>
                    <Badge variant="default">{t('duplicates.score', { score: p.score })}</Badge>
                    <Text size="xs">{p.reasons.map(reasonText).join(t('profile.listSeparator'))}</Text>
                  </Group>
                </Stack>
                <Group gap="xs">
                  <Button size="xs" variant={open ? 'filled' : 'default'} aria-expanded={open} onClick={() => onOpen(p)}>
                    {open ? t('duplicates.closeCompare') : t('duplicates.compare')}
                  </Button>
                  <Button size="xs" variant="default" onClick={() => different.mutate(p)} loading={different.isPending && different.variables === p}>
                    {t('duplicates.notSame')}
                  </Button>
                </Group>
              </Group>
              {open ? renderOpen(p) : null}
            </Paper>
          )
        })}
      </Stack>
    </section>
  )
}
