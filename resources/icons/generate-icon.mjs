// Draws resources/icons/icon.png (512×512): an indigo tile with a white room key.
// Run `node resources/icons/generate-icon.mjs`; electron-builder turns the PNG into .ico/.icns.
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import zlib from 'node:zlib'

const size = 512
const indigo = [54, 79, 199] // Mantine indigo 8, the app's primary colour
const white = [255, 255, 255]

function inRoundedSquare(x, y, inset, radius) {
  const lo = inset
  const hi = size - inset
  if (x < lo || x >= hi || y < lo || y >= hi) return false
  const cx = Math.min(Math.max(x, lo + radius), hi - radius)
  const cy = Math.min(Math.max(y, lo + radius), hi - radius)
  return (x - cx) ** 2 + (y - cy) ** 2 <= radius ** 2
}

function pixel(x, y) {
  if (!inRoundedSquare(x, y, 16, 96)) return [0, 0, 0, 0]
  // A white ring (a guest's room key) over a bar (the desk).
  const ring = Math.hypot(x - 256, y - 210)
  if (ring >= 70 && ring <= 104) return [...white, 255]
  if (x >= 236 && x <= 276 && y >= 300 && y <= 400) return [...white, 255]
  if (x >= 276 && x <= 320 && ((y >= 340 && y <= 360) || (y >= 380 && y <= 400))) return [...white, 255]
  return [...indigo, 255]
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
  return c >>> 0
})
const crc32 = (buf) => {
  let c = 0xffffffff
  for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8)
  return (c ^ 0xffffffff) >>> 0
}
function chunk(type, data) {
  const length = Buffer.alloc(4)
  length.writeUInt32BE(data.length)
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data])
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(body))
  return Buffer.concat([length, body, crc])
}

const header = Buffer.alloc(13)
header.writeUInt32BE(size, 0)
header.writeUInt32BE(size, 4)
header[8] = 8 // bit depth
header[9] = 6 // RGBA
const rows = Buffer.alloc((size * 4 + 1) * size)
for (let y = 0; y < size; y++) {
  rows[y * (size * 4 + 1)] = 0
  for (let x = 0; x < size; x++) Buffer.from(pixel(x, y)).copy(rows, y * (size * 4 + 1) + 1 + x * 4)
}
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', header),
  chunk('IDAT', zlib.deflateSync(rows, { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
])
const out = path.join(path.dirname(fileURLToPath(import.meta.url)), 'icon.png')
fs.writeFileSync(out, png)
console.log(`wrote ${out} (${png.length} bytes)`)
