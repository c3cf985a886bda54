import type { GuestRow } from '../db/tables/guest.table'
import type { PreferenceRow } from '../db/tables/preference.table'
import { hanName } from '../guests/guest-keys'
import type { Strength } from '../guests/preference'
import { bedToOta, customerUniqueIdType, genderToOta, strengthToPreferLevel } from './ota-codes'
import { isSensitivePreference } from '../guests/consent.sensitive'
import { preferenceText } from './ota-labels'
import { serialize, type XmlNode } from './ota-xml'

const cut = (text: string, max: number) => Array.from(text).slice(0, max).join('')
const hanOrKana = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u

/** What the export left out, in words for the answer (never the value of a sensitive preference). */
export interface ExportedProfile {
  xml: string
  leftOut: string[]
}

function personName(surname: string, given: string[], extra: Record<string, string | undefined>, prefix?: string | null): XmlNode {
  return {
    name: 'PersonName',
    attributes: extra,
    children: [
      ...(prefix ? [{ name: 'NamePrefix', text: prefix }] : []),
      ...given.filter(Boolean).map((g) => ({ name: 'GivenName', text: cut(g, 64) })),
      { name: 'Surname', text: cut(surname, 64) },
    ],
  }
}

/** "WANG Lihua" → surname WANG, given Lihua: the leading words written in capitals are the surname. */
function romanParts(roman: string): { surname: string; given: string[] } {
  const words = roman.split(/\s+/).filter(Boolean)
  let split = words.findIndex((w) => w !== w.toUpperCase())
  if (split <= 0) split = split === 0 ? 1 : words.length
  return { surname: words.slice(0, split).join(' '), given: words.slice(split) }
}

function nativeParts(native: string): { surname: string; given: string[] } {
  const han = hanName(native)
  if (han) {
    const characters = Array.from(native.replace(/\s+/g, ''))
    return { surname: characters.slice(0, han.surname.length).join(''), given: [characters.slice(han.surname.length).join('')] }
  }
  if (hanOrKana.test(native)) {
    const characters = Array.from(native.replace(/\s+/g, ''))
    return { surname: characters[0], given: [characters.slice(1).join('')] }
  }
  const words = native.split(/\s+/).filter(Boolean)
  return words.length > 1 ? { surname: words[words.length - 1], given: words.slice(0, -1) } : { surname: native, given: [] }
}

const prefixes: Record<string, string> = { mr: 'Mr', ms: 'Ms', mrs: 'Mrs', dr: 'Dr', prof: 'Prof' }

/**
 * Writes one guest as an OpenTravel `OTA_ProfileReadRS` (OpenTravel 2015B, namespace
 * http://www.opentravel.org/OTA/2003/05): Success, then Profiles/ProfileInfo with the customer
 * UniqueID (Type 1) and a Profile (ProfileType 1) holding Customer and PrefCollections. Elements
 * follow the 2015B sequences (CustomerType: PersonName, Telephone, Email, Address,
 * CitizenCountryName, CustLoyalty; HotelPrefType: RoomLocationPref, BedTypePref, PersonalSrvcPref,
 * PhysChallFeaturePref). Health and hearing needs are written only with the guest's consent to
 * sensitive data; this-stay-only preferences are never written.
 */
export function exportOtaProfile(guest: GuestRow, preferences: PreferenceRow[], now: Date): ExportedProfile {
  const leftOut: string[] = []
  const names: XmlNode[] = []
  const prefix = guest.salutation ? prefixes[guest.salutation] : null
  const latin = guest.roman_name ?? (hanOrKana.test(guest.native_name) ? null : guest.native_name)
  if (hanOrKana.test(guest.native_name) || !guest.roman_name || guest.roman_name === guest.native_name) {
    const n = nativeParts(guest.native_name)
    names.push(personName(n.surname, n.given, { Language: /[\p{Script=Han}]/u.test(guest.native_name) ? 'zh' : undefined }, hanOrKana.test(guest.native_name) ? null : prefix))
  } else {
    const n = nativeParts(guest.native_name)
    names.push(personName(n.surname, n.given, {}, prefix))
  }
  if (latin && guest.roman_name && guest.roman_name !== guest.native_name) {
    const r = romanParts(guest.roman_name)
    names.push(personName(r.surname, r.given, { Language: 'en' }, prefix))
  }

  const customerChildren: XmlNode[] = [...names]
  if (guest.phone) customerChildren.push({ name: 'Telephone', attributes: { PhoneNumber: cut(guest.phone, 32), PhoneTechType: '1' } })
  if (guest.email) customerChildren.push({ name: 'Email', text: cut(guest.email, 128) })
  if (guest.home_city) customerChildren.push({ name: 'Address', children: [{ name: 'CityName', text: cut(guest.home_city, 64) }] })
  if (guest.nationality) customerChildren.push({ name: 'CitizenCountryName', attributes: { Code: guest.nationality } })
  if (guest.membership_no) customerChildren.push({ name: 'CustLoyalty', attributes: { MembershipID: cut(guest.membership_no, 32) } })
  if (guest.company) customerChildren.push({ name: 'EmployerInfo', text: cut(guest.company, 64) })
  const languages = guest.languages.split(',').filter(Boolean)
  for (const code of languages.slice(1, 6)) customerChildren.push({ name: 'AdditionalLanguage', attributes: { Code: code } })

  const customer: XmlNode = {
    name: 'Customer',
    attributes: {
      Gender: guest.gender ? genderToOta[guest.gender] : undefined,
      BirthDate: guest.birth_date ?? undefined,
      VIP_Indicator: guest.vip > 0 ? 'true' : undefined,
      Language: languages[0],
    },
    children: customerChildren,
  }

  const hotel = hotelPreferences(guest, preferences, leftOut)
  const profileChildren: XmlNode[] = [customer]
  if (hotel) profileChildren.push({ name: 'PrefCollections', children: [{ name: 'PrefCollection', children: [hotel] }] })
  if (guest.notes) leftOut.push('notes: staff notes stay in Zhike')
  if (guest.document_no) leftOut.push('document number: identity documents stay in Zhike')

  const id = guest.pms_profile_id ?? String(guest.id)
  const root: XmlNode = {
    name: 'OTA_ProfileReadRS',
    attributes: { xmlns: 'http://www.opentravel.org/OTA/2003/05', Version: '1.0', TimeStamp: now.toISOString().replace(/\.\d{3}Z$/, 'Z') },
    children: [
      { name: 'Success' },
      {
        name: 'Profiles',
        children: [
          {
            name: 'ProfileInfo',
            children: [
              { name: 'UniqueID', attributes: { Type: customerUniqueIdType, ID: cut(id, 32), ID_Context: guest.pms_profile_id ? 'PMS' : 'Zhike' } },
              { name: 'Profile', attributes: { ProfileType: '1' }, children: profileChildren },
            ],
          },
        ],
      },
    ],
  }
  return { xml: `<?xml version="1.0" encoding="UTF-8"?>\n${serialize(root)}\n`, leftOut }
}

function level(strength: string): string {
  return strengthToPreferLevel[strength as Strength] ?? 'Preferred'
}

function hotelPreferences(guest: GuestRow, preferences: PreferenceRow[], leftOut: string[]): XmlNode | null {
  const location: XmlNode[] = []
  const beds: XmlNode[] = []
  const personal: XmlNode[] = []
  const access: XmlNode[] = []
  let smokingAllowed: string | undefined
  const consent = guest.consent_sensitive === 1
  for (const p of preferences) {
    const key = `${p.category}.${p.code}`
    if (p.scope !== 'always') {
      leftOut.push(`${key}: this stay only`)
      continue
    }
    const negative = p.strength === 'avoid' || p.strength === 'never'
    if (isSensitivePreference(p)) {
      if (!consent) {
        leftOut.push(`${key}: health data, no consent to share sensitive data`)
        continue
      }
      if (p.category === 'access') {
        access.push({ name: 'PhysChallFeaturePref', attributes: { PreferLevel: level(p.strength) }, text: cut(preferenceText(p), 128) })
        continue
      }
    }
    if (key === 'room.smoking') smokingAllowed = String((p.value === 'yes') !== negative)
    else if (key === 'room.bed' && bedToOta[p.value]) beds.push({ name: 'BedTypePref', attributes: { PreferLevel: level(p.strength), BedType: bedToOta[p.value] }, text: cut(preferenceText(p).replace(/^.*?: /, ''), 128) })
    else if (key === 'room.floor') location.push({ name: 'RoomLocationPref', attributes: { PreferLevel: level(p.strength) }, text: `Floor ${cut(p.value, 20)}` })
    else if (key === 'room.facing') location.push({ name: 'RoomLocationPref', attributes: { PreferLevel: level(p.strength) }, text: `Facing ${preferenceText(p).replace(/^.*?: /, '')}` })
    else if (key === 'room.view') location.push({ name: 'RoomLocationPref', attributes: { PreferLevel: level(p.strength) }, text: cut(`${preferenceText(p).replace(/^.*?: /, '')} view`, 128) })
    else if (key === 'room.quiet' || key === 'room.away_from_lift') location.push({ name: 'RoomLocationPref', attributes: { PreferLevel: level(p.strength) }, text: key === 'room.quiet' ? 'Quiet side' : 'Away from lift' })
    else personal.push({ name: 'PersonalSrvcPref', attributes: { PreferLevel: level(p.strength) }, text: cut(preferenceText(p), 128) })
  }
  const children = [...location, ...beds, ...personal, ...access]
  if (children.length === 0 && smokingAllowed === undefined) return null
  return { name: 'HotelPref', attributes: { SmokingAllowed: smokingAllowed }, children }
}
