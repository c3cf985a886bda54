import { Button, SimpleGrid, Text } from '@mantine/core'
import { forwardRef, useId, type ForwardedRef, type ReactElement, type Ref } from 'react'

interface Props<T extends string> {
  label: string
  choices: readonly { value: T; label: string }[]
  value: T | ''
  onChange: (value: T) => void
  required?: boolean
  error?: string
  /** Columns on a phone and from the xs breakpoint up. */
  cols?: { base: number; xs: number }
  name: string
}

/**
 * One choice among a few, as a row of toggle buttons (aria-pressed). Each is its own Tab stop and
 * only Space, Enter or a tap chooses it: arrow keys on a radio group or segmented control changed
 * the value while staff were only moving on (issue 13 finding 17). The first button takes the
 * focus when the field is named by an error (`ref`).
 */
function ChoiceButtonsInner<T extends string>({ label, choices, value, onChange, required, error, cols = { base: 3, xs: 3 }, name }: Props<T>, ref: ForwardedRef<HTMLButtonElement>) {
  const id = useId()
  return (
    <div role="group" aria-labelledby={`${id}-label`} aria-describedby={error ? `${id}-error` : undefined} data-field={name}>
      <Text component="div" size="sm" fw={500} id={`${id}-label`} mb={4}>
        {label}
        {required ? <span aria-hidden style={{ color: 'var(--mantine-color-error)' }}> *</span> : null}
      </Text>
      <SimpleGrid cols={cols} spacing={6}>
        {choices.map((c, i) => (
          <Button
            key={c.value}
            ref={i === 0 ? ref : undefined}
            name={i === 0 ? name : undefined}
            type="button"
            size="sm"
            px={4}
            variant={value === c.value ? 'filled' : 'default'}
            aria-pressed={value === c.value}
            onClick={() => onChange(c.value)}
            styles={{ label: { whiteSpace: 'normal', textAlign: 'center', lineHeight: 1.2 } }}
          >
            {c.label}
          </Button>
        ))}
      </SimpleGrid>
      {error ? <Text id={`${id}-error`} size="xs" c="var(--mantine-color-error)" mt={4}>{error}</Text> : null}
    </div>
  )
}

export const ChoiceButtons = forwardRef(ChoiceButtonsInner) as <T extends string>(props: Props<T> & { ref?: Ref<HTMLButtonElement> }) => ReactElement
