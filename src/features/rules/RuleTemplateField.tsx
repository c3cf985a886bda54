import { Button, Group, Stack, Text, Textarea } from '@mantine/core'
import { useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { insertPlaceholder } from './rule-form'
import { placeholdersOf, type RuleTrigger } from './rule-types'

interface Props {
  id: string
  label: string
  value: string
  error?: string
  onChange: (value: string) => void
  /** The rule's trigger: a recovery rule may also name {note}. */
  trigger?: RuleTrigger
}

/** A template box with its placeholders as buttons: each inserts itself at the caret and says what it stands for. */
export function RuleTemplateField({ id, label, value, error, onChange, trigger = 'check_in' }: Props) {
  const { t } = useTranslation()
  const box = useRef<HTMLTextAreaElement>(null)
  const insert = (name: string) => {
    const el = box.current
    const start = el?.selectionStart ?? value.length
    const end = el?.selectionEnd ?? value.length
    const next = insertPlaceholder(value, start, end, name)
    onChange(next.text)
    // Back to the text, caret after the placeholder, so typing carries on.
    requestAnimationFrame(() => {
      box.current?.focus()
      box.current?.setSelectionRange(next.caret, next.caret)
    })
  }
  return (
    <Stack gap={4}>
      <Textarea
        ref={box}
        id={id}
        label={label}
        description={t('rules.field.templateHint')}
        value={value}
        onChange={(e) => onChange(e.currentTarget.value)}
        error={error}
        autosize
        minRows={2}
        maxLength={500}
        required
      />
      <Group gap={4} role="group" aria-label={`${t('rules.placeholders.label')}: ${label}`}>
        {placeholdersOf(trigger).map((name) => (
          <Button
            key={name}
            size="compact-xs"
            variant="light"
            onClick={() => insert(name)}
            title={t(`rules.placeholders.${name}`)}
            aria-label={t('rules.placeholders.insert', { token: `{${name}}`, meaning: t(`rules.placeholders.${name}`) })}
          >
            {`{${name}}`}
          </Button>
        ))}
      </Group>
    </Stack>
  )
}

/** The placeholders explained once, under the templates. */
export function PlaceholderLegend({ trigger = 'check_in' }: { trigger?: RuleTrigger }) {
  const { t } = useTranslation()
  return (
    <Text size="xs" c="dimmed" component="dl" style={{ display: 'grid', gridTemplateColumns: 'auto 1fr', columnGap: 8, margin: 0 }}>
      {placeholdersOf(trigger).map((name) => (
        <div key={name} style={{ display: 'contents' }}>
          <dt style={{ fontFamily: 'monospace' }}>{`{${name}}`}</dt>
          <dd style={{ margin: 0 }}>{t(`rules.placeholders.${name}`)}</dd>
        </div>
      ))}
    </Text>
  )
}
