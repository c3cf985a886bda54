import { createTheme, Modal, type CSSVariablesResolver, type MantineThemeOverride } from '@mantine/core'

/** Shades chosen for WCAG AA contrast: Mantine's default filled blue (shade 6) fails it. */
export const theme = createTheme({
  primaryColor: 'indigo',
  // Dark mode: white on indigo 5 is 3.7:1; shade 7 passes AA.
  primaryShade: { light: 8, dark: 7 },
  fontFamily:
    'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif',
  defaultRadius: 'md',
  headings: { fontWeight: '650' },
})

/**
 * The theme with words in the page's language: every dialog's close button has a name (Mantine's
 * has none, and axe counts each unnamed one), without each screen having to remember it. (Its
 * <header> still counts as a second page banner: use guests/Dialog.tsx, whose header is a div.)
 */
export function themeIn(closeDialog: string): MantineThemeOverride {
  return { ...theme, components: { ...theme.components, Modal: Modal.extend({ defaultProps: { closeButtonProps: { 'aria-label': closeDialog } } }) } }
}

export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  // A field's error sentence and its input's text: red 6/8 fail AA on the page's background.
  light: { '--mantine-color-dimmed': 'var(--mantine-color-gray-7)', '--mantine-color-error': 'var(--mantine-color-red-9)' },
  dark: { '--mantine-color-dimmed': 'var(--mantine-color-dark-1)', '--mantine-color-error': 'var(--mantine-color-red-4)' },
})
