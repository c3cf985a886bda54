import { NumberInput, Radio, Select, SimpleGrid, Stack, TextInput } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { timingOf, withOffsetDays, withTrigger } from './rule-form'
import { ruleKinds, ruleTriggers, type RuleKind, type RuleTrigger } from './rule-types'
import { wholeOrEmpty, type RuleFieldProps } from './rule-field-props'

/** When the rule fires: its kind, trigger, and the days and time a timed trigger needs. */
export function RuleWhenFields({ form, change, errors }: RuleFieldProps) {
  const { t } = useTranslation()
  const timing = timingOf(form.trigger, form.offsetDays)
  return (
    <Stack gap="sm">
      <Radio.Group label={t('rules.field.kind')} value={form.kind} onChange={(kind) => change((f) => ({ ...f, kind: kind as RuleKind }))} error={errors.kind}>
        <Stack gap={6} mt={4}>
          {ruleKinds.map((k) => (
            <Radio key={k} value={k} label={t(`rules.kind.${k}`)} />
          ))}
        </Stack>
      </Radio.Group>
      {form.trigger === 'recovery' ? (
        // Fired by the recovery service itself: shown and explained, never chosen.
        <TextInput label={t('rules.field.trigger')} description={t('rules.triggerHint.recovery')} value={t('rules.trigger.recovery')} readOnly />
      ) : (
        <Select
          label={t('rules.field.trigger')}
          data={ruleTriggers.map((tr) => ({ value: tr, label: t(`rules.trigger.${tr}`) }))}
          value={form.trigger}
          onChange={(trigger) => trigger && change((f) => withTrigger(f, trigger as RuleTrigger))}
          allowDeselect={false}
          error={errors.trigger}
        />
      )}
      {timing.offsetDays !== 'hidden' || timing.atTime !== 'hidden' ? (
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
          {timing.offsetDays !== 'hidden' ? (
            <NumberInput
              label={t(form.trigger === 'post_stay' ? 'rules.field.offsetDaysAfter' : 'rules.field.offsetDaysBefore')}
              description={form.trigger === 'pre_arrival' ? t('rules.field.offsetDaysBeforeHint') : t('rules.field.offsetDaysAfterHint')}
              value={form.offsetDays}
              onChange={(v) => change((f) => withOffsetDays(f, wholeOrEmpty(v)))}
              min={0}
              max={365}
              clampBehavior="none"
              allowDecimal={false}
              required={timing.offsetDays === 'required'}
              error={errors.offsetDays}
            />
          ) : null}
          {timing.atTime !== 'hidden' ? (
            <TextInput
              label={t('rules.field.atTime')}
              description={t('rules.field.atTimeHint')}
              value={form.atTime}
              onChange={(e) => {
                const atTime = e.currentTarget.value
                change((f) => ({ ...f, atTime }))
              }}
              placeholder="09:30"
              inputMode="numeric"
              maxLength={5}
              required
              error={errors.atTime}
            />
          ) : null}
        </SimpleGrid>
      ) : null}
    </Stack>
  )
}
