import { Checkbox, MultiSelect, NumberInput, Select, SimpleGrid, Stack, TagsInput } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { useVocabularyTree } from '../../api/vocabulary-tree'
import { withCategory, withCode } from './rule-form'
import { rulePolarities, ruleStrengths, type RulePolarity, type RuleStrength } from './rule-types'
import { wholeOrEmpty, type RuleFieldProps } from './rule-field-props'

/** Which guests: a preference (category, then item, then value, and its direction) and facts about the guest and the stay. */
export function RuleGuestFields({ form, change, errors }: RuleFieldProps) {
  const { t } = useTranslation()
  const { categories, codesOf, valuesOf } = useVocabularyTree()
  const codes = form.category ? codesOf(form.category) : []
  const values = form.category && form.code ? valuesOf(form.category, form.code) : []
  // An item left out that the category no longer has stays listed, so a refusal of it can be seen and removed.
  const exceptChoices = [...codes, ...form.exceptCodes.filter((c) => !codes.some((k) => k.value === c)).map((c) => ({ value: c, label: c }))]
  const known = valuesOf('service', 'language')
  const languageChoices = [...known, ...form.languages.filter((l) => !known.some((k) => k.value === l)).map((l) => ({ value: l, label: l }))]
  return (
    <Stack gap="sm">
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
        <Select
          label={t('rules.field.category')}
          description={t('rules.field.categoryHint')}
          data={categories}
          value={form.category}
          onChange={(category) => change((f) => withCategory(f, category))}
          searchable
          clearable
          error={errors.category}
          data-testid="rule-category"
        />
        <Select
          label={t('rules.field.code')}
          placeholder={t('rules.field.anyCode')}
          data={codes}
          value={form.code}
          onChange={(code) => change((f) => withCode(f, code))}
          disabled={!form.category}
          searchable
          clearable
          error={errors.code}
          data-testid="rule-code"
        />
        <Select
          label={t('rules.field.value')}
          placeholder={t('rules.field.anyValue')}
          data={values}
          value={form.value}
          onChange={(value) => change((f) => ({ ...f, value }))}
          disabled={!form.code || values.length === 0}
          searchable
          clearable
          error={errors.value}
        />
      </SimpleGrid>
      {form.category ? (
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <Select
            label={t('rules.field.polarity')}
            data={rulePolarities.map((p) => ({ value: p, label: t(`rules.polarity.${p}`) }))}
            value={form.polarity}
            onChange={(p) => p && change((f) => ({ ...f, polarity: p as RulePolarity }))}
            allowDeselect={false}
            error={errors.polarity}
          />
          <MultiSelect
            label={t('rules.field.strengths')}
            description={t('rules.field.strengthsHint')}
            data={ruleStrengths.map((s) => ({ value: s, label: t(`rules.strength.${s}`) }))}
            value={form.strengths}
            onChange={(s) => change((f) => ({ ...f, strengths: s as RuleStrength[] }))}
            error={errors['conditions.strengths']}
          />
          {!form.code || form.exceptCodes.length > 0 ? (
            <MultiSelect
              label={t('rules.field.exceptCodes')}
              description={t('rules.field.exceptCodesHint')}
              data={exceptChoices}
              value={form.exceptCodes}
              onChange={(exceptCodes) => change((f) => ({ ...f, exceptCodes }))}
              searchable
              error={errors['conditions.exceptCodes']}
              data-testid="rule-except-codes"
            />
          ) : null}
        </SimpleGrid>
      ) : null}
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
        <NumberInput
          label={t('rules.field.vipMin')}
          value={form.vipMin}
          onChange={(v) => change((f) => ({ ...f, vipMin: wholeOrEmpty(v) }))}
          min={1}
          max={5}
          allowDecimal={false}
          error={errors['conditions.vipMin']}
        />
        <Select
          label={t('rules.field.visit')}
          data={[
            { value: '', label: t('rules.visit.any') },
            { value: 'first', label: t('rules.visit.first') },
            { value: 'returning', label: t('rules.visit.returning') },
          ]}
          value={form.visit}
          onChange={(v) => change((f) => ({ ...f, visit: (v ?? '') as typeof f.visit }))}
          allowDeselect={false}
          error={errors['conditions.visit']}
        />
        <Select
          label={t('rules.field.occasion')}
          data={[
            { value: '', label: t('rules.occasion.none') },
            { value: 'birthday', label: t('rules.occasion.birthday') },
            { value: 'anniversary', label: t('rules.occasion.anniversary') },
          ]}
          value={form.occasion}
          onChange={(v) => change((f) => ({ ...f, occasion: (v ?? '') as typeof f.occasion }))}
          allowDeselect={false}
          error={errors['conditions.occasion']}
        />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <MultiSelect
          label={t('rules.field.languages')}
          data={languageChoices}
          value={form.languages}
          onChange={(languages) => change((f) => ({ ...f, languages }))}
          searchable
          error={errors['conditions.languages']}
        />
        <TagsInput
          label={t('rules.field.nationalities')}
          description={t('rules.field.nationalitiesHint')}
          value={form.nationalities}
          onChange={(n) => change((f) => ({ ...f, nationalities: n.map((c) => c.trim().toUpperCase()) }))}
          error={errors['conditions.nationalities']}
        />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
        {(['minNights', 'maxNights'] as const).map((field) => (
          <NumberInput
            key={field}
            label={t(`rules.field.${field}`)}
            value={form[field]}
            onChange={(v) => change((f) => ({ ...f, [field]: wholeOrEmpty(v) }))}
            min={1}
            max={365}
            allowDecimal={false}
            error={errors[`conditions.${field}`]}
          />
        ))}
      </SimpleGrid>
      <Checkbox
        label={t('rules.field.recoveryCase')}
        description={t('rules.field.recoveryCaseHint')}
        checked={form.recoveryCase}
        onChange={(e) => {
          const recoveryCase = e.currentTarget.checked
          change((f) => ({ ...f, recoveryCase }))
        }}
        error={errors['conditions.recoveryCase']}
      />
    </Stack>
  )
}
