import { SimpleGrid, Text, UnstyledButton } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { OutputOf } from '../../../electron/core/api'
import { useDepartmentName } from '../../api/reference-data'

type Counts = OutputOf<'observation.inbox'>['byDepartment']

/** How much each department reports, and what became of it; a tile filters the list to that department. */
export function DepartmentCounts({ counts, selected, onSelect }: { counts: Counts; selected: string | null; onSelect: (department: string | null) => void }) {
  const { t } = useTranslation()
  const departmentName = useDepartmentName()
  if (counts.length === 0) return null
  const sorted = [...counts].sort((a, b) => b.new - a.new || departmentName(a.department).localeCompare(departmentName(b.department)))
  return (
    <SimpleGrid component="ul" cols={{ base: 2, sm: 3, lg: 6 }} spacing="xs" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('inbox.byDepartment')} data-testid="department-counts">
      {sorted.map((c) => {
        const on = selected === c.department
        return (
          <li key={c.department}>
            <UnstyledButton
              onClick={() => onSelect(on ? null : c.department)}
              aria-pressed={on}
              w="100%"
              p="xs"
              data-department={c.department}
              style={{ border: `${on ? 2 : 1}px solid var(--mantine-color-${on ? 'indigo-8' : 'default-border'})`, borderRadius: 8 }}
            >
              <Text size="sm" fw={600} truncate>{departmentName(c.department)}</Text>
              <Text size="lg" fw={700}>{t('inbox.newCount', { count: c.new })}</Text>
              <Text size="xs" c="dimmed">{t('inbox.decidedCounts', { accepted: c.accepted, merged: c.merged, rejected: c.rejected })}</Text>
            </UnstyledButton>
          </li>
        )
      })}
    </SimpleGrid>
  )
}
