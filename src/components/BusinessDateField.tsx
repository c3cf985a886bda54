import { ActionIcon, Group, Popover, Text, TextInput, UnstyledButton } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { dayInWords, monthGrid, monthTitle, shiftMonth, weekdayNames } from '../app/calendar-month'

interface Props {
  label: string
  value: string
  onChange: (date: string) => void
  max?: string
  error?: boolean
  w?: number
}

/**
 * A business date ('YYYY-MM-DD') typed or picked from a calendar in the app's language. A native
 * date input follows the browser's locale (an English screen showed 年/月/日 on a Chinese system);
 * this one always speaks the language chosen in Zhike, and shows the date in words under it.
 */
export function BusinessDateField({ label, value, onChange, max, error, w }: Props) {
  const { t, i18n } = useTranslation()
  const language = i18n.language
  const valid = /^\d{4}-\d{2}-\d{2}$/.test(value)
  const [opened, setOpened] = useState(false)
  const [shown, setShown] = useState(() => (valid ? { year: Number(value.slice(0, 4)), month: Number(value.slice(5, 7)) } : { year: 2026, month: 1 }))
  const open = () => {
    if (valid) setShown({ year: Number(value.slice(0, 4)), month: Number(value.slice(5, 7)) })
    setOpened((o) => !o)
  }
  return (
    <TextInput
      label={label}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value.trim())}
      placeholder={t('dates.pattern')}
      description={valid ? dayInWords(value, language) : t('dates.pattern')}
      error={error}
      w={w}
      inputMode="numeric"
      rightSection={
        <Popover opened={opened} onChange={setOpened} position="bottom-end" trapFocus returnFocus withinPortal>
          <Popover.Target>
            <ActionIcon variant="subtle" onClick={open} aria-label={t('dates.pick', { field: label })}>
              <span aria-hidden>▦</span>
            </ActionIcon>
          </Popover.Target>
          <Popover.Dropdown p="xs">
            <Group justify="space-between" mb={4} wrap="nowrap">
              <ActionIcon variant="subtle" onClick={() => setShown(shiftMonth(shown.year, shown.month, -1))} aria-label={t('dates.previousMonth')}>
                <span aria-hidden>‹</span>
              </ActionIcon>
              <Text size="sm" fw={600} aria-live="polite">{monthTitle(shown.year, shown.month, language)}</Text>
              <ActionIcon variant="subtle" onClick={() => setShown(shiftMonth(shown.year, shown.month, 1))} aria-label={t('dates.nextMonth')}>
                <span aria-hidden>›</span>
              </ActionIcon>
            </Group>
            <table aria-label={monthTitle(shown.year, shown.month, language)} style={{ borderCollapse: 'collapse' }}>
              <thead>
                <tr>
                  {weekdayNames(language).map((d) => (
                    <th key={d} scope="col" style={{ fontSize: 12, fontWeight: 500, padding: 2 }}>{d}</th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {monthGrid(shown.year, shown.month).map((week, i) => (
                  <tr key={i}>
                    {week.map((date, j) => (
                      <td key={j} style={{ padding: 1, textAlign: 'center' }}>
                        {date ? (
                          <UnstyledButton
                            onClick={() => {
                              onChange(date)
                              setOpened(false)
                            }}
                            disabled={max !== undefined && date > max}
                            aria-label={dayInWords(date, language)}
                            aria-pressed={date === value}
                            style={{
                              width: 32,
                              height: 32,
                              borderRadius: 4,
                              fontSize: 14,
                              textAlign: 'center',
                              opacity: max !== undefined && date > max ? 0.45 : 1,
                              background: date === value ? 'var(--mantine-primary-color-filled)' : undefined,
                              color: date === value ? 'var(--mantine-color-white)' : undefined,
                            }}
                          >
                            {Number(date.slice(8))}
                          </UnstyledButton>
                        ) : null}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </Popover.Dropdown>
        </Popover>
      }
    />
  )
}
