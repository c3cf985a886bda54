import { Alert, Badge, Button, Group, Loader, Modal, Radio, Stack, Text } from '@mantine/core'
import { useQuery } from '@tanstack/react-query'
import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { ObservationView } from '../../../electron/core/observations/observation.view'
import { call } from '../../api/client'
import { useVocabulary } from '../../api/reference-data'
import { errorMessage } from '../../app/errors'

interface MergeDialogProps {
  observation: ObservationView | null
  pending: boolean
  onClose: () => void
  onMerge: (preferenceId: number) => void
}

/** The observation confirms something already on the card: pick which preference. */
export function MergeDialog({ observation, pending, onClose, onMerge }: MergeDialogProps) {
  const { t } = useTranslation()
  return (
    <Modal opened={observation !== null} onClose={onClose} title={t('inbox.mergeTitle')} size="lg">
      {observation ? <MergeForm key={observation.id} observation={observation} pending={pending} onClose={onClose} onMerge={onMerge} /> : null}
    </Modal>
  )
}

function MergeForm({ observation, pending, onClose, onMerge }: Omit<MergeDialogProps, 'observation'> & { observation: ObservationView }) {
  const { t } = useTranslation()
  const { label } = useVocabulary()
  const card = useQuery({ queryKey: ['card', observation.guestId], queryFn: () => call('guest.card', { guestId: observation.guestId }) })
  const preferences = card.data ? [...card.data.alerts, ...card.data.preferences] : []
  const s = observation.suggestion
  const likely = s ? preferences.find((p) => p.category === s.category && p.code === s.code) : undefined
  const [picked, setPicked] = useState<string | null>(null)
  const chosen = picked ?? (likely ? String(likely.id) : null)
  const submit = (e: FormEvent) => {
    e.preventDefault()
    if (chosen) onMerge(Number(chosen))
  }
  if (card.isLoading) return <Loader aria-label={t('app.loading')} />
  if (card.isError) return <Alert color="red" role="alert">{errorMessage(t, card.error)}</Alert>
  return (
    <form onSubmit={submit}>
      <Stack gap="sm">
        <Text size="sm">“{observation.text}”</Text>
        {preferences.length === 0 ? (
          <Text c="dimmed">{t('inbox.mergeNone')}</Text>
        ) : (
          <Radio.Group label={t('inbox.mergeWhich')} value={chosen} onChange={setPicked} required>
            <Stack gap={6} mt="xs">
              {preferences.map((p, i) => (
                <Radio
                  key={p.id}
                  value={String(p.id)}
                  data-autofocus={(chosen ? String(p.id) === chosen : i === 0) || undefined}
                  label={
                    <Group gap={6} wrap="wrap">
                      <span>{label(p.category, p.code)}: {label(p.category, p.code, p.value)}</span>
                      <Badge size="xs" variant="light">{t(`strength.${p.strength}`)}</Badge>
                      {p.scope === 'stay' ? <Badge size="xs" variant="outline">{t('card.thisStay')}</Badge> : null}
                    </Group>
                  }
                />
              ))}
            </Stack>
          </Radio.Group>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>{t('app.cancel')}</Button>
          <Button type="submit" disabled={!chosen} loading={pending}>{t('inbox.mergeConfirm')}</Button>
        </Group>
      </Stack>
    </form>
  )
}
