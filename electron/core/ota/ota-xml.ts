import { XMLParser, XMLValidator } from 'fast-xml-parser'
import { AppError } from '../errors'

/** An OpenTravel message is refused past this size (2 MB): a profile is a few kilobytes. */
export const maxMessageBytes = 2 * 1024 * 1024

/** One element: its attributes (names without prefix) and its child elements by local name. */
export interface XmlElement {
  attributes: Record<string, string>
  children: Record<string, XmlElement[]>
  text: string
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  attributesGroupName: '@',
  textNodeName: '#text',
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  alwaysCreateTextNode: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
  commentPropName: false,
  // Only the five XML entities and character references: a DOCTYPE is refused before parsing.
  processEntities: true,
  htmlEntities: false,
  isArray: () => true,
})

function refuse(message: string): never {
  throw new AppError('OTA_MESSAGE', message)
}

/**
 * Parses an OpenTravel message safely: at most 2 MB, no DOCTYPE or entity declarations (so no
 * entity expansion and no external entities), well-formed, namespace prefixes dropped
 * (`ota:Profile` and `Profile` in http://www.opentravel.org/OTA/2003/05 read the same).
 * Returns the root element's local name and the root.
 */
export function parseOtaXml(xml: string): { name: string; root: XmlElement } {
  if (Buffer.byteLength(xml, 'utf8') > maxMessageBytes) refuse('The message is larger than 2 MB; an OpenTravel profile message is a few kilobytes.')
  const body = xml.replace(/^\uFEFF/, '')
  if (!/^\s*</.test(body)) refuse('This is not XML: an OpenTravel message starts with "<".')
  if (/<!DOCTYPE/i.test(body)) refuse('A message with a DOCTYPE is refused: OpenTravel messages never need one, and it can hide entity expansion.')
  if (/<!ENTITY/i.test(body)) refuse('A message declaring entities is refused.')
  const valid = XMLValidator.validate(body, { allowBooleanAttributes: false })
  if (valid !== true) refuse(`This is not well-formed XML (line ${valid.err.line}): ${valid.err.msg}`)
  let parsed: Record<string, unknown>
  try {
    parsed = parser.parse(body) as Record<string, unknown>
  } catch (error) {
    refuse(`This is not well-formed XML: ${(error as Error).message}`)
  }
  const names = Object.keys(parsed).filter((k) => k !== '#text' && k !== '@')
  if (names.length !== 1) refuse('An OpenTravel message has exactly one root element.')
  const name = names[0]
  const raw = (parsed[name] as unknown[])[0]
  return { name, root: toElement(raw) }
}

function toElement(raw: unknown): XmlElement {
  const out: XmlElement = { attributes: {}, children: Object.create(null) as Record<string, XmlElement[]>, text: '' }
  if (raw === null || typeof raw !== 'object') {
    out.text = raw === undefined || raw === null ? '' : String(raw)
    return out
  }
  for (const [key, value] of Object.entries(raw as Record<string, unknown>)) {
    if (key === '#text') out.text = (Array.isArray(value) ? value.join('') : String(value ?? '')).trim()
    else if (key === '@') {
      const groups = Array.isArray(value) ? value : [value]
      for (const group of groups) {
        for (const [attr, v] of Object.entries((group ?? {}) as Record<string, unknown>)) out.attributes[attr] = String(v)
      }
    } else out.children[key] = (Array.isArray(value) ? value : [value]).map(toElement)
  }
  return out
}

/** The child elements named `name` (local name), in document order. */
export function all(element: XmlElement | undefined, name: string): XmlElement[] {
  return element ? (element.children[name] ?? []) : []
}

/** The first child element named `name`, following a path of names. */
export function one(element: XmlElement | undefined, ...path: string[]): XmlElement | undefined {
  let at = element
  for (const name of path) at = all(at, name)[0]
  return at
}

export function attr(element: XmlElement | undefined, name: string): string | null {
  const value = element?.attributes[name]
  return value === undefined || value.trim() === '' ? null : value.trim()
}

/** The element's text, trimmed; null when empty. */
export function textOf(element: XmlElement | undefined): string | null {
  const value = element?.text.trim()
  return value ? value : null
}

const escapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' }
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => escapes[c])
}

/** A node of the XML we write: name, attributes (undefined ones left out), children or text. */
export interface XmlNode {
  name: string
  attributes?: Record<string, string | undefined>
  children?: XmlNode[]
  text?: string
}

export function serialize(node: XmlNode, depth = 0): string {
  const pad = '  '.repeat(depth)
  const attributes = Object.entries(node.attributes ?? {})
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => ` ${k}="${escapeXml(v as string)}"`)
    .join('')
  if (node.text !== undefined) return `${pad}<${node.name}${attributes}>${escapeXml(node.text)}</${node.name}>`
  if (!node.children || node.children.length === 0) return `${pad}<${node.name}${attributes}/>`
  return [`${pad}<${node.name}${attributes}>`, ...node.children.map((c) => serialize(c, depth + 1)), `${pad}</${node.name}>`].join('\n')
}
