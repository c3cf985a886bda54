import { Badge, type BadgeProps, Group, Text, VisuallyHidden } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { useVocabulary } from '../../api/reference-data'
import { houseRuleWords, readinessWords, reasonWords, type ReasonTone } from '../checkin/room-reason'
import type { RoomChoice } from './preassign-plan'

// The check-in screen's badge tones (RoomSuggestions.tsx): AA contrast; the words carry the meaning.
const toneStyle: Record<ReasonTone, BadgeProps> = {
  fits: { variant: 'filled', color: 'green.2', c: 'dark.9' },
  near: { variant: 'filled', color: 'yellow.4', c: 'dark.9' },
  misses: { variant: 'default' },
  against: { variant: 'filled', color: 'red.9' },
}
const wrap = { label: { whiteSpace: 'normal', overflow: 'visible' } } as const

/** Why a proposed room: its readiness, each wish it meets or misses, and the hotel's rules, in words. */
export function RoomReasons({ choice }: { choice: RoomChoice }) {
  const { t } = useTranslation()
  const { label } = useVocabulary()
  return (
    <Group gap={4}>
      <Badge {...(choice.readiness === 'ready' ? toneStyle.fits : toneStyle.misses)} size="sm" tt="none" h="auto" styles={wrap}>
        {readinessWords(choice, t)}
      </Badge>
      {choice.reasons.map((r) => {
        const words = reasonWords(r, t, label)
        return (
          <Badge key={r.preferenceId} {...toneStyle[words.tone]} size="sm" tt="none" h="auto" maw="100%" styles={wrap} title={words.spoken} data-tone={words.tone}>
            {words.text}
            <VisuallyHidden> ({words.spoken})</VisuallyHidden>
          </Badge>
        )
      })}
      {choice.houseRules.map((rule) => {
        const words = houseRuleWords(rule, t)
        return (
          <Badge key={rule.code} {...toneStyle[words.tone]} size="sm" tt="none" h="auto" maw="100%" styles={wrap} title={words.spoken} data-tone={words.tone}>
            {words.text}
            <VisuallyHidden> ({words.spoken})</VisuallyHidden>
          </Badge>
        )
      })}
      {choice.reasons.length === 0 && choice.houseRules.length === 0 ? <Text size="xs" c="dimmed">{t('desk.preassign.noWishes')}</Text> : null}
    </Group>
  )
}
