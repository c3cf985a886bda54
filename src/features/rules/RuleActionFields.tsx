import { NumberInput, Select, SimpleGrid, Stack } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { useDepartments, useDepartmentWording } from '../../api/reference-data'
import { departmentChoices } from '../../api/department-labels'
import { usesDueMinutes } from './rule-form'
import { rulePriorities, type RulePriority } from './rule-types'
import { wholeOrEmpty, type RuleFieldProps } from './rule-field-props'
import { PlaceholderLegend, RuleTemplateField } from './RuleTemplateField'

/** What the department does: who, how urgent, the two promises, and the text in both languages. */
export function RuleActionFields({ form, change, errors }: RuleFieldProps) {
  const { t } = useTranslation()
  const departments = useDepartments()
  const wording = useDepartmentWording()
  return (
    <Stack gap="sm">
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
        <Select
          label={t('rules.field.department')}
          data={departmentChoices(departments.data ?? [], wording)}
          value={form.department}
          onChange={(department) => change((f) => ({ ...f, department }))}
          searchable
          required
          error={errors.department}
          data-testid="rule-department"
        />
        <Select
          label={t('rules.field.priority')}
          data={rulePriorities.map((p) => ({ value: p, label: t(`rules.priority.${p}`) }))}
          value={form.priority}
          onChange={(p) => p && change((f) => ({ ...f, priority: p as RulePriority }))}
          allowDeselect={false}
          error={errors.priority}
        />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
        <NumberInput
          label={t('rules.field.ackMinutes')}
          description={t('rules.field.ackMinutesHint')}
          value={form.ackMinutes}
          onChange={(v) => change((f) => ({ ...f, ackMinutes: wholeOrEmpty(v) }))}
          min={1}
          allowDecimal={false}
          error={errors.ackMinutes}
        />
        {usesDueMinutes(form.kind) ? (
          <NumberInput
            label={t('rules.field.dueMinutes')}
            description={t('rules.field.dueMinutesHint')}
            value={form.dueMinutes}
            onChange={(v) => change((f) => ({ ...f, dueMinutes: wholeOrEmpty(v) }))}
            min={0}
            allowDecimal={false}
            required
            error={errors.dueMinutes}
          />
        ) : null}
      </SimpleGrid>
      <RuleTemplateField
        id="rule-template-en"
        label={t('rules.field.templateEn')}
        value={form.templateEn}
        onChange={(templateEn) => change((f) => ({ ...f, templateEn }))}
        trigger={form.trigger}
        error={errors['template.en']}
      />
      <RuleTemplateField
        id="rule-template-zh"
        label={t('rules.field.templateZh')}
        value={form.templateZh}
        onChange={(templateZh) => change((f) => ({ ...f, templateZh }))}
        trigger={form.trigger}
        error={errors['template.zh']}
      />
      <PlaceholderLegend trigger={form.trigger} />
    </Stack>
  )
}
