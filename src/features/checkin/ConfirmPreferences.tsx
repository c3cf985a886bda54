import { Alert, Button, Group, Paper, Stack, Text, Title, VisuallyHidden } from '@mantine/core'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { call } from '../../api/client'
import { errorMessage } from '../../app/errors'
import { usePreferenceText } from './GuestCardPanel'
import { useHotelTime } from '../../app/hotel-time'

/**
 * Preferences nobody has confirmed for 12 months, asked at the desk while the guest is there:
 * "still true?" Confirm or Retire, one keystroke each; a handled item leaves the list.
 */
export function ConfirmPreferences({ guestId }: { guestId: number }) {
  const { t } = useTranslation()
  const { day } = useHotelTime()
  const text = usePreferenceText()
  const queryClient = useQueryClient()
  const [handled, setHandled] = useState<Set<number>>(new Set())
  // After an item leaves, focus stays in the list: on the item that took its place.
  const [focusAt, setFocusAt] = useState<number | null>(null)
  const list = useRef<HTMLDivElement>(null)
  const card = useQuery({ queryKey: ['card', guestId], queryFn: () => call('guest.card', { guestId }) })
  const act = useMutation({
    mutationFn: async ({ id, action }: { id: number; action: 'confirm' | 'retire' }): Promise<unknown> =>
      action === 'confirm' ? call('preference.confirm', { preferenceId: id }) : call('preference.retire', { preferenceId: id }),
    onSuccess: async (_, { id }) => {
      setHandled((s) => new Set(s).add(id))
      setFocusAt(stale.findIndex((p) => p.id === id))
      await Promise.all(['card', 'suggest', 'history'].map((key) => queryClient.invalidateQueries({ queryKey: [key] })))
    },
  })
  const stale = [...(card.data?.alerts ?? []), ...(card.data?.preferences ?? [])].filter((p) => p.stale && !handled.has(p.id))
  useEffect(() => {
    if (focusAt === null) return
    const buttons = list.current?.querySelectorAll<HTMLButtonElement>('button[data-action="confirm"]') ?? []
    buttons[Math.min(focusAt, buttons.length - 1)]?.focus()
    setFocusAt(null)
  }, [focusAt])
  if (stale.length === 0) return null

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="confirm-title" data-testid="confirm-preferences">
      <Stack gap="xs">
        <Title order={2} size="h4" id="confirm-title">{t('confirm.title', { count: stale.length })}</Title>
        <Text size="sm" c="dimmed">{t('confirm.hint')}</Text>
        <Stack component="ul" ref={list} gap={6} p={0} m={0} style={{ listStyle: 'none' }}>
          {stale.map((p) => (
            <li key={p.id}>
              <Group justify="space-between" wrap="wrap" gap="xs">
                <div>
                  <Text size="sm" fw={600}>{text(p)} <Text span size="xs" fw={400}>({t(`strength.${p.strength}`)})</Text></Text>
                  <Text size="xs" c="dimmed">{t('confirm.since', { date: day(p.lastConfirmedAt) })}</Text>
                </div>
                <Group gap={6}>
                  {(['confirm', 'retire'] as const).map((action) => (
                    <Button
                      key={action}
                      size="xs"
                      variant={action === 'confirm' ? 'filled' : 'default'}
                      data-action={action}
                      loading={act.isPending && act.variables?.id === p.id && act.variables.action === action}
                      onClick={() => act.mutate({ id: p.id, action })}
                    >
                      {t(`confirm.${action}`)}<VisuallyHidden> {text(p)}</VisuallyHidden>
                    </Button>
                  ))}
                </Group>
              </Group>
            </li>
          ))}
        </Stack>
        {act.isError ? <Alert color="red" role="alert">{errorMessage(t, act.error)}</Alert> : null}
      </Stack>
    </Paper>
  )
}
