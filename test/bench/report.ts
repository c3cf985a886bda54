/** Plain-text tables for the terminal: text columns left-aligned, numbers right-aligned. */
export function table(headers: readonly string[], rows: readonly (readonly (string | number)[])[]): string {
  const cells = rows.map((row) => row.map((c) => (typeof c === 'number' ? ms(c) : c)))
  const numeric = headers.map((_, i) => rows.length > 0 && rows.every((r) => typeof r[i] === 'number' || /^([\d.,×%]+( ?\w+)?)?$/.test(String(r[i]))))
  const width = headers.map((h, i) => Math.max(displayWidth(h), ...cells.map((r) => displayWidth(r[i] ?? ''))))
  const pad = (text: string, i: number) => {
    const fill = ' '.repeat(width[i] - displayWidth(text))
    return numeric[i] ? fill + text : text + fill
  }
  const line = (row: readonly string[]) => row.map(pad).join('  ').trimEnd()
  return [line(headers), width.map((w) => '─'.repeat(w)).join('  '), ...cells.map(line)].join('\n')
}

/** Milliseconds with two decimals, or three below 0.1 ms. */
export function ms(value: number): string {
  if (!Number.isFinite(value)) return '–'
  return value < 0.1 ? value.toFixed(3) : value.toFixed(2)
}

export function ratio(value: number): string {
  return Number.isFinite(value) ? `${value.toFixed(2)}×` : '–'
}

export function verdict(pass: boolean): string {
  return pass ? 'PASS' : 'FAIL'
}

export function heading(title: string): string {
  return `\n${title}\n${'═'.repeat(displayWidth(title))}`
}

/** CJK characters take two terminal columns. */
function displayWidth(text: string): number {
  let w = 0
  for (const ch of text) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1
  return w
}
