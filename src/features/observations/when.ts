/** A short local time: "14:05" today, "3 Nov 14:05" on another day. */
export function formatWhen(iso: string, language: string, now = new Date()): string {
  const at = new Date(iso)
  const sameDay = at.toDateString() === now.toDateString()
  return sameDay
    ? at.toLocaleTimeString(language, { hour: '2-digit', minute: '2-digit' })
    : at.toLocaleString(language, { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' })
}
