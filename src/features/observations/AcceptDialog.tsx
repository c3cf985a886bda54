import { Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core'
import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { ObservationView } from '../../../electron/core/observations/observation.view'
import { GuestName } from '../../components/guest-name'
import { PreferencePicker } from './PreferencePicker'
import { isComplete, toDraft, type SuggestionDraft } from './suggestion'

interface AcceptDialogProps {
  observation: ObservationView | null
  pending: boolean
  onClose: () => void
  onAccept: (preference: SuggestionDraft & { note: string | null }) => void
}

/** Edit the suggested preference (or write one), then accept it onto the guest's card. */
export function AcceptDialog({ observation, pending, onClose, onAccept }: AcceptDialogProps) {
  const { t } = useTranslation()
  return (
    <Modal opened={observation !== null} onClose={onClose} title={t('inbox.editTitle')} size="lg">
      {observation ? <AcceptForm key={observation.id} observation={observation} pending={pending} onClose={onClose} onAccept={onAccept} /> : null}
    </Modal>
  )
}

function AcceptForm({ observation, pending, onClose, onAccept }: Omit<AcceptDialogProps, 'observation'> & { observation: ObservationView }) {
  const { t } = useTranslation()
  const [preference, setPreference] = useState<SuggestionDraft>(() => toDraft(observation.suggestion))
  const [note, setNote] = useState(observation.text.slice(0, 500))
  const [tried, setTried] = useState(false)
  const submit = (e: FormEvent) => {
    e.preventDefault()
    setTried(true)
    if (isComplete(preference)) onAccept({ ...preference, note: note.trim() || null })
  }
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Text size="sm">
          <GuestName guest={observation.guest} size="sm" /> — “{observation.text}”
        </Text>
        <PreferencePicker value={preference} onChange={setPreference} showErrors={tried} autoFocus />
        <TextInput label={t('inbox.note')} description={t('inbox.noteHint')} value={note} onChange={(e) => setNote(e.currentTarget.value)} maxLength={500} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>{t('app.cancel')}</Button>
          <Button type="submit" color="teal.9" loading={pending}>{t('inbox.acceptEdited')}</Button>
        </Group>
      </Stack>
    </form>
  )
}
