import { Alert, Button, Group, Stack, Textarea } from '@mantine/core'
import { useMutation } from '@tanstack/react-query'
import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { Dialog } from '../../components/Dialog'
import { notify } from '../../components/notify'
import { PreferencePicker } from '../observations/PreferencePicker'
import { emptySuggestion, isComplete, type SuggestionDraft } from '../observations/suggestion'
import { proposeLesson } from './recovery-api'
import { useRefreshRecovery, useRefusal } from './use-recovery'

/**
 * What was learned, as a preference to propose ("noise sensitive → quiet side, away from the
 * lift"): it goes to the observations inbox and is reviewed like any observation.
 */
export function LessonDialog({ caseId, opened, onClose }: { caseId: number; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation()
  const refresh = useRefreshRecovery()
  const [text, setText] = useState('')
  const [suggestion, setSuggestion] = useState<SuggestionDraft>(emptySuggestion)
  const [tried, setTried] = useState(false)
  const propose = useMutation({
    mutationFn: () => proposeLesson({ caseId, text: text.trim(), suggestion: { category: suggestion.category, code: suggestion.code, value: suggestion.value, strength: suggestion.strength, scope: suggestion.scope } }),
    onSuccess: async () => {
      notify({ color: 'green', message: t('recovery.lesson.sent') })
      await refresh()
      onClose()
    },
  })
  const refusal = useRefusal(propose.error, ['text', 'suggestion'])
  const submit = (e: FormEvent) => {
    e.preventDefault()
    setTried(true)
    if (text.trim().length > 0 && isComplete(suggestion) && !propose.isPending) propose.mutate()
  }
  return (
    <Dialog opened={opened} onClose={onClose} title={t('recovery.lesson.title')} size="lg">
      <form onSubmit={submit} noValidate aria-label={t('recovery.lesson.title')}>
        <Stack gap="sm">
          <Textarea
            label={t('recovery.lesson.text')}
            placeholder={t('recovery.lesson.placeholder')}
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
            required
            autosize
            minRows={2}
            maxLength={1000}
            data-autofocus
            error={(tried && text.trim().length === 0 ? t('recovery.lesson.textMissing') : undefined) ?? refusal.field('text')}
          />
          <PreferencePicker value={suggestion} onChange={setSuggestion} showErrors={tried} />
          {refusal.general || refusal.field('suggestion') ? <Alert color="red" role="alert">{refusal.general ?? refusal.field('suggestion')}</Alert> : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>{t('recovery.cancel')}</Button>
            <Button type="submit" loading={propose.isPending}>{t('recovery.lesson.send')}</Button>
          </Group>
        </Stack>
      </form>
    </Dialog>
  )
}
