import { describe, expect, test } from 'vitest'
import { LineSplitter, maxLineBytes, TransferReader } from '../../electron/core/transfer/transfer-format'

/** Feeds `bytes` to a splitter in chunks of `size`, reusing one buffer as the file reader does. */
function split(bytes: Buffer, size: number, maxBytes?: number): { lines: string[]; tooLong: number[]; stoppedAt: number | null } {
  const lines: string[] = []
  const tooLong: number[] = []
  const splitter = new LineSplitter((l) => lines.push(l), (n) => tooLong.push(n), maxBytes)
  const buffer = Buffer.alloc(size)
  let stoppedAt: number | null = null
  for (let at = 0; at < bytes.length; at += size) {
    const n = bytes.copy(buffer, 0, at, Math.min(at + size, bytes.length))
    if (!splitter.push(buffer.subarray(0, n))) {
      stoppedAt = at
      break
    }
    buffer.fill(0x23) // the caller may overwrite its buffer: the splitter must have copied what it keeps
  }
  if (stoppedAt === null) splitter.end()
  return { lines, tooLong, stoppedAt }
}

describe('splitting a transfer file into lines', () => {
  const text = '{"format":"zhike-export"}\n[1,"何家俊",null]\n\n[2,"吕思远\\n"]\r\n{"checksum":"x"}'

  test('the same lines whatever the chunk size, a character cut between chunks included, CR kept, last line without a break', () => {
    const bytes = Buffer.from(text, 'utf8')
    const expected = ['{"format":"zhike-export"}', '[1,"何家俊",null]', '', '[2,"吕思远\\n"]\r', '{"checksum":"x"}']
    for (const size of [1, 2, 3, 5, 7, 64, 1024]) expect(split(bytes, size).lines, `chunks of ${size}`).toEqual(expected)
  })

  test('a line longer than the limit stops the splitter once, naming its line, and nothing after it is read', () => {
    const bytes = Buffer.from(`short\n${'A'.repeat(100)}\nnever read\n`, 'utf8')
    for (const size of [1, 7, 30, 1000]) {
      const { lines, tooLong, stoppedAt } = split(bytes, size, 50)
      expect(lines, `chunks of ${size}`).toEqual(['short'])
      expect(tooLong).toEqual([2])
      expect(stoppedAt).not.toBeNull()
    }
    // Exactly at the limit is fine.
    expect(split(Buffer.from(`${'B'.repeat(50)}\nok`), 8, 50)).toMatchObject({ lines: ['B'.repeat(50), 'ok'], tooLong: [] })
    // A last line without a break is held to the limit too.
    expect(split(Buffer.from(`ok\n${'C'.repeat(51)}`), 8, 50)).toMatchObject({ lines: ['ok'], tooLong: [2] })
  })

  test('a 20 MB line in 1 MB chunks is refused when it passes 16 MiB, and a 12 MB line is read whole', () => {
    const megabyte = Buffer.alloc(1024 * 1024, 'A')
    const big = split(Buffer.concat([Buffer.from('{"pad":"'), ...Array.from({ length: 20 }, () => megabyte)]), 1024 * 1024)
    expect(big).toMatchObject({ lines: [], tooLong: [1] })
    expect(big.stoppedAt).toBeLessThanOrEqual(maxLineBytes)
    const fine = split(Buffer.concat([Buffer.from('header\n'), ...Array.from({ length: 12 }, () => megabyte), Buffer.from('\nlast\n')]), 1024 * 1024)
    expect(fine.tooLong).toEqual([])
    expect(fine.lines.map((l) => l.length)).toEqual([6, 12 * 1024 * 1024, 4])
  })

  test('the reader reports a line that is too long as the file problem, and no other', () => {
    const reader = new TransferReader({ migrations: [], tables: [], omitted: {} })
    reader.lineTooLong(1)
    expect(reader.report()).toMatchObject({
      ok: false,
      problems: [{ code: 'line_too_long', line: 1, message: 'Line 1 is longer than 16 MB: this is not a Zhike export, or it was damaged.' }],
    })
  })
})
