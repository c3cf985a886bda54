/** A settings file's text as a plain JSON object, or null when it is not JSON or not an object (damaged files are ignored, never trusted). */
export function parseJsonObject(text: string): Record<string, unknown> | null {
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    return null
  }
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null
}
