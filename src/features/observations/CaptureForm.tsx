import { Alert, Button, Collapse, Group, Stack, Switch, Textarea } from '@mantine/core'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useRef, useState, type FormEvent, type KeyboardEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { ObservationView } from '../../../electron/core/observations/observation.view'
import { ApiError, call } from '../../api/client'
import { errorMessage } from '../../app/errors'
import { GuestLookup, type InHouseGuest } from './GuestLookup'
import { PreferencePicker } from './PreferencePicker'
import { emptySuggestion, isComplete, type SuggestionDraft } from './suggestion'
import { notify } from '../../components/notify'

interface Draft {
  query: string
  chosen: InHouseGuest | null
  text: string
  suggest: boolean
  suggestion: SuggestionDraft
}
const emptyDraft: Draft = { query: '', chosen: null, text: '', suggest: false, suggestion: emptySuggestion }
const looksLikeRoom = (text: string) => /^[0-9A-Za-z-]{1,10}$/.test(text) && /\d/.test(text)

/** Quick capture: who (room or name), what you noticed, and optionally the preference it suggests. */
export function CaptureForm({ onRecorded, autoFocus = false }: { onRecorded?: (observation: ObservationView) => void; autoFocus?: boolean }) {
  const { t } = useTranslation()
  const queryClient = useQueryClient()
  const lookupRef = useRef<HTMLInputElement>(null)
  const textRef = useRef<HTMLTextAreaElement>(null)
  const [draft, setDraft] = useState<Draft>(emptyDraft)
  const [tried, setTried] = useState(false)
  const set = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }))

  const guestMissing = !draft.chosen && !looksLikeRoom(draft.query.trim())
  const textMissing = draft.text.trim().length < 3
  const suggestionMissing = draft.suggest && !isComplete(draft.suggestion)

  const record = useMutation({
    mutationFn: () =>
      call('observation.record', {
        // The room always (department staff record by room); the guest only when named to us.
        ...(draft.chosen
          ? { ...(draft.chosen.roomNumber ? { roomNumber: draft.chosen.roomNumber } : {}), ...(draft.chosen.withheld && draft.chosen.roomNumber ? {} : { guestId: draft.chosen.guestId }) }
          : { roomNumber: draft.query.trim() }),
        text: draft.text.trim(),
        suggestion: draft.suggest ? draft.suggestion : null,
      }),
    onSuccess: async (observation) => {
      notify({ color: 'green', title: t('observe.sentTitle'), message: t('observe.sent', { text: observation.text }) })
      setDraft(emptyDraft)
      setTried(false)
      await queryClient.invalidateQueries({ queryKey: ['observations'] })
      onRecorded?.(observation)
      lookupRef.current?.focus()
    },
  })

  const submit = (e?: FormEvent) => {
    e?.preventDefault()
    setTried(true)
    if (guestMissing) lookupRef.current?.focus()
    else if (textMissing) textRef.current?.focus()
    else if (!suggestionMissing && !record.isPending) record.mutate()
  }
  // Ctrl/Cmd+Enter anywhere sends; so does Enter in the note (Shift+Enter for a new line).
  const onKeyDown = (e: KeyboardEvent<HTMLFormElement>) => {
    if (e.key !== 'Enter' || e.nativeEvent.isComposing || e.defaultPrevented) return
    const inNote = e.target === textRef.current
    if (e.ctrlKey || e.metaKey || (inNote && !e.shiftKey)) {
      e.preventDefault()
      submit()
    }
  }

  return (
    <form onSubmit={submit} onKeyDown={onKeyDown} noValidate aria-label={t('observe.formLabel')}>
      <Stack gap="sm">
        <GuestLookup
          query={draft.query}
          onQueryChange={(query) => set({ query })}
          chosen={draft.chosen}
          onChoose={(chosen) => {
            set({ chosen })
            if (chosen) requestAnimationFrame(() => textRef.current?.focus())
          }}
          error={tried && guestMissing ? t('observe.pickGuest') : undefined}
          inputRef={lookupRef}
          autoFocus={autoFocus}
        />
        <Textarea
          ref={textRef}
          label={t('observe.what')}
          placeholder={t('observe.whatPlaceholder')}
          description={t('observe.whatHint')}
          value={draft.text}
          onChange={(e) => set({ text: e.currentTarget.value })}
          required
          autosize
          minRows={2}
          maxRows={6}
          maxLength={1000}
          error={tried && textMissing ? t('observe.whatMissing') : undefined}
        />
        <Switch label={t('observe.suggest')} description={t('observe.suggestHint')} checked={draft.suggest} onChange={(e) => set({ suggest: e.currentTarget.checked })} />
        <Collapse in={draft.suggest}>
          {draft.suggest ? <PreferencePicker value={draft.suggestion} onChange={(suggestion) => set({ suggestion })} showErrors={tried} /> : null}
        </Collapse>
        {record.isError ? (
          <Alert color="red" role="alert" title={t('observe.notSent')}>
            {refusal(t, record.error)}
          </Alert>
        ) : null}
        <Group justify="flex-end">
          <Button type="submit" loading={record.isPending} aria-keyshortcuts="Control+Enter">
            {t('observe.send')}
          </Button>
        </Group>
      </Stack>
    </form>
  )
}

/** The store's refusal in words; an unknown room gets its own sentence rather than "no longer exists". */
function refusal(t: ReturnType<typeof useTranslation>['t'], error: unknown): string {
  if (error instanceof ApiError && error.code === 'NOT_FOUND' && error.details?.entity === 'room') {
    return t('observe.noSuchRoom', { room: error.details.roomNumber })
  }
  return errorMessage(t, error)
}
