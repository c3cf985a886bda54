import anyAscii from 'any-ascii'
import type { Strength } from '../guests/preference'
import { AppError } from '../errors'
import { dropPaymentData, scrubCardNumbers, scrubTree } from './card-scrub'
import {
  accessKeywords,
  bedTypeCodes,
  customerUniqueIdType,
  facingWords,
  genderFromOta,
  locationKeywords,
  mealTypeCodes,
  preferLevelToStrength,
  roomAmenityCodes,
  type VocabularyPreference,
} from './ota-codes'
import { preferenceFromText } from './ota-labels'
import { all, attr, one, parseOtaXml, textOf, type XmlElement } from './ota-xml'

/** A preference read from a message; a floor may be 'high' or 'low' until the hotel's floors are known. */
export interface PreferenceDraft extends VocabularyPreference {
  strength: Strength
  /** Where in the message it came from, for the answer. */
  from: string
}

/** The guest fields a profile message carries, in the shape `guest.create` takes (only those present). */
export interface GuestDraft {
  nativeName?: string
  romanName?: string | null
  salutation?: 'mr' | 'ms' | 'mrs' | 'dr' | 'prof'
  gender?: 'm' | 'f' | null
  nationality?: string
  homeCity?: string
  languages?: string[]
  company?: string
  phone?: string
  email?: string
  birthDate?: string
  vip?: number
  notes?: string
}

export interface ProfileDraft {
  /** `UniqueID` of Type 1 (customer): the PMS's profile id. */
  pmsProfileId: string | null
  membershipNo: string | null
  fields: GuestDraft
  preferences: PreferenceDraft[]
  skipped: string[]
}

export type OtaProfileMessage =
  | { kind: 'create' | 'read'; profiles: ProfileDraft[]; paymentDropped: number }
  | { kind: 'merge'; survivorId: string; obsoleteIds: string[]; paymentDropped: number }

const otaNamespace = 'http://www.opentravel.org/OTA/2003/05'
const rootKinds: Record<string, 'create' | 'read' | 'merge'> = { OTA_ProfileCreateRQ: 'create', OTA_ProfileReadRS: 'read', OTA_ProfileMergeRQ: 'merge' }

function refuse(message: string): never {
  throw new AppError('OTA_MESSAGE', message)
}

/**
 * Reads an OpenTravel profile message: `OTA_ProfileCreateRQ`, `OTA_ProfileReadRS` or
 * `OTA_ProfileMergeRQ`, as published in OpenTravel 2011B and later (checked against 2015B). Payment
 * data is cut out and card numbers in free text are replaced before anything is read. Pure: the
 * store is not touched.
 */
export function readOtaProfileMessage(xml: string): OtaProfileMessage {
  const { name, root } = parseOtaXml(xml)
  const kind = rootKinds[name]
  if (!kind) refuse(`This is not an OpenTravel profile message: the root element is ${name.slice(0, 60)}; Zhike reads OTA_ProfileCreateRQ, OTA_ProfileReadRS and OTA_ProfileMergeRQ.`)
  const namespace = Object.entries(root.attributes).find(([k]) => k === 'xmlns')?.[1]
  if (namespace !== undefined && namespace !== otaNamespace) refuse(`The message is in the namespace ${namespace.slice(0, 80)}, not OpenTravel's ${otaNamespace}.`)
  const paymentDropped = dropPaymentData(root)
  scrubTree(root)
  if (one(root, 'Errors')) refuse('The message reports errors (Errors) instead of a profile.')

  if (kind === 'merge') {
    const survivorId = customerId(all(root, 'UniqueID'))
    if (!survivorId) refuse('The merge message names no surviving profile (UniqueID with Type="1" and an ID).')
    const obsoleteIds = all(root, 'ObsoleteProfileID').map((e) => attr(e, 'ID')).filter((id): id is string => id !== null)
    if (obsoleteIds.length === 0) refuse('The merge message names no profile to merge (ObsoleteProfileID).')
    return { kind, survivorId, obsoleteIds, paymentDropped }
  }

  if (kind === 'create') {
    const profile = one(root, 'Profile')
    if (!profile) refuse('The OTA_ProfileCreateRQ holds no Profile.')
    return { kind, profiles: [readProfile(profile, customerId(all(root, 'UniqueID')))], paymentDropped }
  }
  if (!one(root, 'Success')) refuse('The OTA_ProfileReadRS does not report Success.')
  const infos = all(one(root, 'Profiles'), 'ProfileInfo')
  if (infos.length === 0) refuse('The OTA_ProfileReadRS holds no Profiles/ProfileInfo.')
  if (infos.length > 200) refuse('The OTA_ProfileReadRS holds more than 200 profiles; send them in smaller messages.')
  const rootId = infos.length === 1 ? customerId(all(root, 'UniqueID')) : null
  return {
    kind,
    profiles: infos.map((info) => {
      const profile = one(info, 'Profile')
      if (!profile) refuse('A ProfileInfo holds no Profile.')
      return readProfile(profile, customerId(all(info, 'UniqueID')) ?? rootId)
    }),
    paymentDropped,
  }
}

/** The ID of the first UniqueID of Type 1 (customer), or of the only UniqueID without a type. */
function customerId(ids: XmlElement[]): string | null {
  const customer = ids.find((e) => attr(e, 'Type') === customerUniqueIdType) ?? (ids.length === 1 && !attr(ids[0], 'Type') ? ids[0] : undefined)
  const id = attr(customer, 'ID')
  if (id && id.length > 64) refuse('A UniqueID/@ID is longer than 64 characters.')
  return id
}

const hanOrKana = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u
const latinOnly = /^[\p{Script=Latin}\p{M}\s'’.,-]+$/u

interface NameParts {
  prefix: string | null
  given: string[]
  surname: string
  nameType: string | null
}

function nameParts(element: XmlElement): NameParts | null {
  const surname = textOf(one(element, 'Surname'))
  if (!surname) return null
  const given = [...all(element, 'GivenName'), ...all(element, 'MiddleName')].map(textOf).filter((t): t is string => t !== null)
  return { prefix: textOf(one(element, 'NamePrefix')), given, surname, nameType: attr(element, 'NameType') }
}

/** Our stored roman form: surname in capitals, then the given names ("WANG Lihua", "LEFEVRE Sophie"). */
function romanForm(name: NameParts): string {
  const ascii = (t: string) => anyAscii(t).replace(/\s+/g, ' ').trim()
  return [ascii(name.surname).toUpperCase(), ...name.given.map(ascii)].join(' ').slice(0, 80)
}

/** As the guest writes it: Han, kana and Hangul surname first without spaces; other scripts given name first. */
function nativeForm(name: NameParts): string {
  if (hanOrKana.test(name.surname)) return `${name.surname}${name.given.join('')}`.replace(/\s+/g, '').slice(0, 80)
  return [...name.given, name.surname].join(' ').slice(0, 80)
}

const salutations: Record<string, GuestDraft['salutation']> = { mr: 'mr', ms: 'ms', miss: 'ms', mrs: 'mrs', dr: 'dr', prof: 'prof', professor: 'prof', 先生: 'mr', 女士: 'ms', 小姐: 'ms', 博士: 'dr', 教授: 'prof' }

function readProfile(profile: XmlElement, pmsProfileId: string | null): ProfileDraft {
  const customer = one(profile, 'Customer')
  if (!customer) refuse('A Profile holds no Customer: Zhike imports guests, not companies.')
  const skipped: string[] = []
  const names = all(customer, 'PersonName').map(nameParts).filter((n): n is NameParts => n !== null)
  if (names.length === 0) refuse('A Customer has no PersonName with a Surname.')
  const latin = names.find((n) => latinOnly.test([n.surname, ...n.given].join(' ')))
  const native = names.find((n) => n !== latin) ?? latin!
  const fields: GuestDraft = { nativeName: nativeForm(native), romanName: latin ? romanForm(latin) : null }
  if (names.length > 2) skipped.push(`PersonName: ${names.length - 2} more name(s) than a native and a romanized one`)
  const prefix = (native.prefix ?? latin?.prefix ?? '').replace(/\./g, '').trim().toLowerCase()
  if (prefix) {
    if (salutations[prefix]) fields.salutation = salutations[prefix]
    else skipped.push(`NamePrefix ${prefix.slice(0, 20)}`)
  }

  const gender = attr(customer, 'Gender')
  if (gender && gender in genderFromOta) fields.gender = genderFromOta[gender]
  const birthDate = attr(customer, 'BirthDate')
  if (birthDate) fields.birthDate = birthDate
  if (attr(customer, 'VIP_Indicator') === 'true' || attr(customer, 'VIP_Indicator') === '1') fields.vip = 1

  const telephone = all(customer, 'Telephone').find((t) => attr(t, 'PhoneNumber'))
  if (telephone) fields.phone = phoneOf(telephone)
  const email = textOf(one(customer, 'Email'))
  if (email) fields.email = email
  const city = textOf(one(customer, 'Address', 'CityName'))
  if (city) fields.homeCity = city
  const country = attr(one(customer, 'CitizenCountryName'), 'Code')
  if (country) fields.nationality = country.toUpperCase()
  const company = textOf(one(customer, 'EmployerInfo')) ?? textOf(one(profile, 'CompanyInfo', 'CompanyName'))
  if (company) fields.company = company
  const languages = [attr(customer, 'Language'), ...all(customer, 'AdditionalLanguage').map((l) => attr(l, 'Code'))]
    .filter((l): l is string => l !== null)
    .map((l) => l.split('-')[0].toLowerCase())
    .filter((l, i, list) => /^[a-z]{2,3}$/.test(l) && list.indexOf(l) === i)
  if (languages.length > 0) fields.languages = languages.slice(0, 8)
  const comments = all(one(profile, 'Comments'), 'Comment')
    .flatMap((c) => [textOf(c), ...all(c, 'Text').map(textOf)])
    .filter((t): t is string => t !== null)
  if (comments.length > 0) fields.notes = scrubCardNumbers(comments.join('\n')).slice(0, 2000)

  const membershipNo = attr(one(customer, 'CustLoyalty'), 'MembershipID')
  const preferences: PreferenceDraft[] = []
  for (const challenge of all(customer, 'PhysChallName')) {
    const text = textOf(challenge)
    const hit = text ? accessKeywords.find((k) => k.pattern.test(text)) : undefined
    if (hit) preferences.push({ ...hit.preference, strength: 'required', from: 'PhysChallName' })
    else if (text || attr(challenge, 'PhysChallInd') === 'true') skipped.push(`PhysChallName "${(text ?? 'true').slice(0, 60)}": not a need Zhike's vocabulary names`)
  }
  for (const collection of all(one(profile, 'PrefCollections'), 'PrefCollection')) {
    for (const hotel of all(collection, 'HotelPref')) readHotelPref(hotel, preferences, skipped)
    for (const common of all(collection, 'CommonPref')) {
      for (const meal of all(common, 'MealPref')) readMeal(meal, preferences, skipped)
    }
    for (const other of ['AirlinePref', 'VehicleRentalPref', 'RailPref', 'OtherSrvcPref']) {
      if (all(collection, other).length > 0) skipped.push(`${other}: not a hotel preference`)
    }
  }
  return { pmsProfileId, membershipNo: membershipNo ? membershipNo.slice(0, 40) : null, fields, preferences, skipped }
}

function phoneOf(telephone: XmlElement): string {
  const number = attr(telephone, 'PhoneNumber')!
  if (number.startsWith('+')) return number
  const country = attr(telephone, 'CountryAccessCode')
  const area = attr(telephone, 'AreaCityCode')
  return [country ? `+${country.replace(/^\+/, '')}` : null, area, number].filter(Boolean).join(' ')
}

function strengthOf(element: XmlElement, inherited: Strength): Strength | null {
  const level = attr(element, 'PreferLevel')
  if (level === null) return inherited
  return level in preferLevelToStrength ? preferLevelToStrength[level] : inherited
}

function readHotelPref(hotel: XmlElement, out: PreferenceDraft[], skipped: string[]): void {
  const base = strengthOf(hotel, 'preferred') ?? 'preferred'
  const smoking = attr(hotel, 'SmokingAllowed')
  if (smoking === 'true' || smoking === 'false') out.push({ category: 'room', code: 'smoking', value: smoking === 'true' ? 'yes' : 'no', strength: base, from: 'HotelPref/@SmokingAllowed' })
  const add = (element: XmlElement, from: string, p: VocabularyPreference) => {
    const strength = strengthOf(element, base)
    if (strength) out.push({ ...p, strength, from })
  }
  for (const bed of all(hotel, 'BedTypePref')) {
    const code = attr(bed, 'BedType')
    const listed = code ? bedTypeCodes[code] : undefined
    const byText = Object.values(bedTypeCodes).find((b) => b.label.toLowerCase() === textOf(bed)?.toLowerCase())
    const known = listed ?? byText
    if (known?.bed) add(bed, 'BedTypePref', { category: 'room', code: 'bed', value: known.bed })
    else skipped.push(`BedTypePref ${code ?? ''} ${known?.label ?? textOf(bed) ?? ''}`.replace(/\s+/g, ' ').trim() + ': no such bed in the vocabulary')
  }
  for (const amenity of all(hotel, 'RoomAmenityPref')) {
    const code = attr(amenity, 'RoomAmenity')
    const text = textOf(amenity)
    const known = (code ? roomAmenityCodes[code] : undefined) ?? (text ? preferenceFromText(text) ?? locationKeywords.find((k) => k.pattern.test(text))?.preference : undefined)
    if (known) add(amenity, 'RoomAmenityPref', known)
    else skipped.push(`RoomAmenityPref ${code ?? ''} ${text ?? ''}`.trim().slice(0, 80))
  }
  for (const location of all(hotel, 'RoomLocationPref')) {
    const text = textOf(location) ?? ''
    const found = readLocation(text)
    if (found.length === 0) skipped.push(`RoomLocationPref "${text.slice(0, 60)}"`)
    for (const p of found) add(location, 'RoomLocationPref', p)
  }
  for (const feature of all(hotel, 'PhysChallFeaturePref')) {
    const text = textOf(feature) ?? ''
    const hit = accessKeywords.find((k) => k.pattern.test(text))
    if (hit) add(feature, 'PhysChallFeaturePref', hit.preference)
    else skipped.push(`PhysChallFeaturePref "${text.slice(0, 60)}"`)
  }
  for (const meal of all(hotel, 'MealPref')) readMeal(meal, out, skipped, base)
  for (const name of ['PersonalSrvcPref', 'SpecRequestPref', 'FoodSrvcPref', 'RecreationSrvcPref']) {
    for (const element of all(hotel, name)) {
      const text = textOf(element) ?? ''
      const known = preferenceFromText(text)
      if (known) add(element, name, known)
      else if (text) skipped.push(`${name} "${text.slice(0, 60)}"`)
    }
  }
  for (const name of ['LoyaltyPref', 'HotelChainPref', 'PropertyNamePref', 'PropertyLocationPref', 'PropertyTypePref', 'PropertyClassPref', 'PropertyAmenityPref', 'MediaEntertainPref', 'PetInfoPref', 'BusinessSrvcPref', 'SecurityFeaturePref']) {
    if (all(hotel, name).length > 0) skipped.push(`${name}: not kept by Zhike`)
  }
}

function readMeal(meal: XmlElement, out: PreferenceDraft[], skipped: string[], base: Strength = 'preferred'): void {
  const code = attr(meal, 'MealType')
  const known = code ? mealTypeCodes[code] : undefined
  if (!known) {
    skipped.push(`MealPref ${code ?? textOf(meal) ?? ''}`.trim().slice(0, 60))
    return
  }
  const strength = known.strength ?? strengthOf(meal, base)
  if (strength) out.push({ category: known.category, code: known.code, value: known.value, strength, from: 'MealPref' })
}

/** Room location in words: a floor ("Floor 12", "high floor"), a facing, a view, quiet, away from the lift. */
function readLocation(text: string): VocabularyPreference[] {
  const found: VocabularyPreference[] = []
  const floor = /(?:floor|楼层?)\s*(\d{1,3})|(\d{1,3})\s*(?:st|nd|rd|th)?\s*(?:floor|楼|层)/i.exec(text)
  if (floor) found.push({ category: 'room', code: 'floor', value: String(Number(floor[1] ?? floor[2])) })
  else if (/high(?:er)?\s*floor|upper\s*floor|高楼层/i.test(text)) found.push({ category: 'room', code: 'floor', value: 'high' })
  else if (/low(?:er)?\s*floor|低楼层/i.test(text)) found.push({ category: 'room', code: 'floor', value: 'low' })
  const facing = /facing\s+([a-z-]+)/i.exec(text)
  if (facing && facingWords[facing[1].toLowerCase()]) found.push({ category: 'room', code: 'facing', value: facingWords[facing[1].toLowerCase()] })
  for (const k of locationKeywords) if (k.pattern.test(text)) found.push(k.preference)
  return found
}
