import { Badge, type BadgeProps } from '@mantine/core'
import { useTranslation } from 'react-i18next'

// Filled dark shades or the default badge: AA contrast in light and dark colour schemes alike.
const looks: Record<string, BadgeProps> = {
  required: { variant: 'filled', color: 'red.9' },
  never: { variant: 'filled', color: 'red.9' },
  avoid: { variant: 'filled', color: 'yellow.4', c: 'dark.9' },
  preferred: { variant: 'default' },
}

/** "required", "preferred", "avoid", "never": always in words, the colour only adds emphasis. */
export function StrengthBadge({ strength, size = 'sm' }: { strength: string; size?: BadgeProps['size'] }) {
  const { t } = useTranslation()
  return <Badge size={size} {...(looks[strength] ?? { variant: 'default' })}>{t(`strength.${strength}`, { defaultValue: strength })}</Badge>
}
