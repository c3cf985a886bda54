/**
 * Text colours that keep WCAG AA contrast in both colour schemes. Mantine's own "red text"
 * (red 6) is 3.3:1 on white, and a dark shade that passes on white fails on the dark theme,
 * so each pairs a light-scheme shade with a dark-scheme one (CSS light-dark(), driven by the
 * color-scheme Mantine sets on :root).
 */
const pair = (light: string, dark: string) => `light-dark(${light}, ${dark})`

export const contrast = {
  danger: pair('var(--mantine-color-red-9)', 'var(--mantine-color-red-4)'),
  success: pair('var(--mantine-color-teal-9)', 'var(--mantine-color-teal-4)'),
  info: pair('var(--mantine-color-indigo-8)', 'var(--mantine-color-indigo-3)'),
  muted: pair('var(--mantine-color-gray-7)', 'var(--mantine-color-dark-1)'),
  warning: pair('#9a3412', 'var(--mantine-color-orange-4)'),
  quiet: pair('var(--mantine-color-gray-8)', 'var(--mantine-color-gray-4)'),
}
