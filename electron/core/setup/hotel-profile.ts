import { imageSize } from 'image-size'
import { z } from 'zod'
import type { Sqlite } from '../db/query'
import { AppError } from '../errors'
import { visibleName } from '../name-schema'
import { getSetting, putSetting } from './setting.repository'

/** Settings keys: the hotel's name (JSON `{en, zh}`) and its logo (JSON `{mime, base64, bytes}`). */
export const hotelNameKey = 'hotel.name'
export const hotelLogoKey = 'hotel.logo'

/** The largest logo kept for printed cards, in bytes (256 KB). */
export const maxLogoBytes = 256 * 1024

/** The smallest and largest width or height of a logo, in pixels: smaller is a dot on a card, larger is a photo. */
export const logoPixels = { min: 16, max: 4000 } as const

export type LogoMime = 'image/png' | 'image/jpeg'
export interface HotelName {
  en: string
  zh: string
}
export interface HotelLogo {
  mime: LogoMime
  base64: string
}

/** The hotel's name in both languages, as the first start and `hotel.setName` take it (1–80 characters each). */
export const hotelNameInput = z.object({
  en: visibleName(80, 'Enter the hotel’s English name in letters.').pipe(z.string().min(1, 'Enter the hotel’s English name.')),
  zh: visibleName(80, 'Enter the hotel’s Chinese name in letters.').pipe(z.string().min(1, 'Enter the hotel’s Chinese name.')),
})

const storedName = z.object({ en: z.string(), zh: z.string() })
const storedLogo = z.object({ mime: z.enum(['image/png', 'image/jpeg']), base64: z.string().min(1) })

function parseStored<T>(schema: z.ZodType<T>, raw: string | undefined): T | null {
  if (!raw) return null
  try {
    const parsed = schema.safeParse(JSON.parse(raw))
    return parsed.success ? parsed.data : null
  } catch {
    return null
  }
}

/** The hotel's name, or null before it is named; a damaged setting reads as null (it is only shown). */
export function readHotelName(sqlite: Sqlite): HotelName | null {
  return parseStored(storedName, getSetting(sqlite, hotelNameKey))
}

/** The one path that names the hotel: the first start (and so the demo) and `hotel.setName`. */
export function saveHotelName(sqlite: Sqlite, name: HotelName): void {
  putSetting(sqlite, hotelNameKey, JSON.stringify({ en: name.en, zh: name.zh }))
}

/** The logo for printed cards, or null; a damaged setting reads as null. */
export function readHotelLogo(sqlite: Sqlite): HotelLogo | null {
  const logo = parseStored(storedLogo, getSetting(sqlite, hotelLogoKey))
  return logo ? { mime: logo.mime, base64: logo.base64 } : null
}

export function saveHotelLogo(sqlite: Sqlite, logo: HotelLogo & { bytes: number }): void {
  putSetting(sqlite, hotelLogoKey, JSON.stringify(logo))
}

export function clearHotelLogo(sqlite: Sqlite): void {
  putSetting(sqlite, hotelLogoKey, '')
}

/** What a file's first bytes say it is: PNG and JPEG are kept; a few others are named so the refusal can say so. */
export function sniffImage(bytes: Uint8Array): LogoMime | 'gif' | 'webp' | 'pdf' | 'unknown' {
  const starts = (...sig: number[]) => sig.every((b, i) => bytes[i] === b)
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'image/png'
  if (starts(0xff, 0xd8, 0xff)) return 'image/jpeg'
  if (starts(0x47, 0x49, 0x46, 0x38)) return 'gif'
  if (starts(0x52, 0x49, 0x46, 0x46) && bytes[8] === 0x57 && bytes[9] === 0x45 && bytes[10] === 0x42 && bytes[11] === 0x50) return 'webp'
  if (starts(0x25, 0x50, 0x44, 0x46)) return 'pdf'
  return 'unknown'
}

/**
 * The width and height a PNG or JPEG's header gives (read by `image-size`: PNG's IHDR chunk,
 * JPEG's start-of-frame marker), or null when the header is missing or damaged, or says another kind.
 */
export function logoDimensions(bytes: Uint8Array, mime: LogoMime): { width: number; height: number } | null {
  try {
    const size = imageSize(bytes)
    const kind = mime === 'image/png' ? 'png' : 'jpg'
    if (size.type !== kind || !Number.isInteger(size.width) || !Number.isInteger(size.height)) return null
    return { width: size.width, height: size.height }
  } catch {
    return null
  }
}

/**
 * Reads an uploaded logo (base64, optionally as a `data:…;base64,` URL) and checks it by its bytes,
 * never by its name: PNG or JPEG whose header reads (a signature alone is not an image), from 16 to
 * 4000 pixels each side, at most 256 KB. Errors: LOGO_FILE (not base64, empty, another kind of file,
 * a header that does not read, or a size out of range; `details.detected` 'unreadable', 'gif',
 * 'webp', 'pdf', 'unknown', or 'dimensions' with `width`, `height`, `minPixels`, `maxPixels`),
 * LOGO_TOO_LARGE (`details.kilobytes`, `maxKilobytes`).
 */
export function checkLogo(upload: string): HotelLogo & { bytes: number } {
  const text = upload.replace(/^data:[^,]*;base64,/, '').replace(/\s+/g, '')
  if (text.length === 0 || !/^[A-Za-z0-9+/]+={0,2}$/.test(text) || text.length % 4 === 1) {
    throw new AppError('LOGO_FILE', 'The logo could not be read: send the file as base64.', { detected: 'unreadable' })
  }
  const bytes = Buffer.from(text, 'base64')
  if (bytes.length > maxLogoBytes) {
    throw new AppError('LOGO_TOO_LARGE', `The logo is ${Math.ceil(bytes.length / 1024)} KB; at most ${maxLogoBytes / 1024} KB. Save a smaller PNG or JPEG.`, {
      kilobytes: Math.ceil(bytes.length / 1024),
      maxKilobytes: maxLogoBytes / 1024,
    })
  }
  const kind = sniffImage(bytes)
  if (kind !== 'image/png' && kind !== 'image/jpeg') {
    throw new AppError('LOGO_FILE', `The logo must be a PNG or JPEG image; this file is ${kind === 'unknown' ? 'neither' : `a ${kind.toUpperCase()}`}.`, { detected: kind })
  }
  const size = logoDimensions(bytes, kind)
  if (!size) {
    const name = kind === 'image/png' ? 'PNG' : 'JPEG'
    throw new AppError('LOGO_FILE', `The logo starts like a ${name} but its image header is missing or damaged. Open the logo in an image editor, save it again as PNG or JPEG, and choose that file.`, {
      detected: 'unreadable',
    })
  }
  const { min, max } = logoPixels
  if (size.width < min || size.height < min || size.width > max || size.height > max) {
    throw new AppError('LOGO_FILE', `The logo is ${size.width} × ${size.height} pixels; each side must be from ${min} to ${max} pixels. Save it at a size in that range.`, {
      detected: 'dimensions',
      width: size.width,
      height: size.height,
      minPixels: min,
      maxPixels: max,
    })
  }
  return { mime: kind, base64: bytes.toString('base64'), bytes: bytes.length }
}
