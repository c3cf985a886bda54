#!/usr/bin/env node
// Writes the demo hotel beside this file: hotel.json (departments, staff, rooms), guests.json and
// rules.json. Deterministic (one seed, no dependencies): run `node resources/demo/generate.mjs` and
// commit the output. Days are offsets from the day the demo is loaded (0 = today), so the demo never
// goes stale. electron/core/demo/demo-loader.ts feeds it all through the public operations.
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { cantonese, japan, korea, mainland, nanyang, taiwan, western, work } from './people.mjs'
import { starterRules as rules } from './starter-rules.mjs'
import { keepVacant, pref, storyGuests } from './story-guests.mjs'

const here = path.dirname(fileURLToPath(import.meta.url))

// ------------------------------------------------------------------ seeded randomness

/** mulberry32: tiny, and the same sequence on every machine. */
function seeded(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}
const random = seeded(0x5eed_2025)
const int = (lo, hi) => lo + Math.floor(random() * (hi - lo + 1))
const pick = (list) => list[Math.floor(random() * list.length)]
const chance = (p) => random() < p
const digits = (n) => Array.from({ length: n }, () => int(0, 9)).join('')
function shuffle(list) {
  const out = [...list]
  for (let i = out.length - 1; i > 0; i--) {
    const j = int(0, i)
    ;[out[i], out[j]] = [out[j], out[i]]
  }
  return out
}

// ------------------------------------------------------------------ the hotel

const departments = [
  ['front_office', 'Front office', '前厅部', 10],
  ['housekeeping', 'Housekeeping', '客房部', 30],
  ['restaurant', 'Food & Beverage', '餐饮部', 15],
  ['concierge', 'Concierge', '礼宾部', 20],
  ['engineering', 'Engineering', '工程部', 30],
  ['security', 'Security', '保安部', 10],
  ['guest_relations', 'Guest relations', '宾客关系部', 60],
].map(([code, en, zh, promiseMinutes]) => ({ code, name: { en, zh }, promiseMinutes }))
// Food & Beverage's outlets: a dish prompt goes to the outlet where the guest eats, and F&B's
// office sees every outlet's prompts on its own board.
const outlets = [
  ['fb_chinese', 'Chinese Restaurant', '中餐厅', 20],
  ['fb_allday', 'All-day Dining', '全日餐厅', 20],
  ['fb_lounge', 'Lobby Lounge', '大堂吧', 15],
  ['fb_ird', 'In-room Dining', '送餐服务', 30],
].map(([code, en, zh, promiseMinutes]) => ({ code, name: { en, zh }, promiseMinutes, parentCode: 'restaurant' }))

// hk01 and rs01 lead their departments (they hand prompts to attendants).
// Tests and the tour sign in with these codes; the demo PIN is 1234, and 123456 for the
// manager and the administrator (their PINs have at least 6 digits).
const staff = [
  ['ad01', '周文斌', 'ZHOU Wenbin', 'front_office', 'admin'],
  ['mg01', '林雅琴', 'LIN Yaqin', 'front_office', 'manager'],
  ['fd01', '陈思雨', 'CHEN Siyu', 'front_office', 'front_desk'],
  ['fd02', '黄俊峰', 'HUANG Junfeng', 'front_office', 'front_desk'],
  ['hk01', '刘秀兰', 'LIU Xiulan', 'housekeeping', 'department_lead'],
  ['hk02', '杨小燕', 'YANG Xiaoyan', 'housekeeping', 'department'],
  ['rs01', '王浩', 'WANG Hao', 'restaurant', 'department_lead'],
  ['rs02', '李梦婷', 'LI Mengting', 'restaurant', 'department'],
  ['cn01', '郭志强', 'GUO Zhiqiang', 'fb_chinese', 'department'],
  ['cc01', '赵文杰', 'ZHAO Wenjie', 'concierge', 'department'],
  ['en01', '孙建军', 'SUN Jianjun', 'engineering', 'department'],
  ['sc01', '马国庆', 'MA Guoqing', 'security', 'department'],
  ['gr01', '吴静怡', 'WU Jingyi', 'guest_relations', 'guest_relations'],
].map(([code, name, roman, department, role]) => ({ code, name, roman, department, role, pin: role === 'admin' || role === 'manager' ? '123456' : '1234' }))

// Twelve guest floors; like many Chinese hotels there is no 4th or 13th floor.
const floors = [3, 5, 6, 7, 8, 9, 10, 11, 12, 14, 15, 16]
// One corridor running west–east with the lifts in the middle. South side 01–09 from the west,
// 10 at the east end, north side 11–19 from the east, 20 at the west end.
const facingAt = ['SW', 'S', 'S', 'S', 'S', 'S', 'S', 'S', 'SE', 'E', 'NE', 'N', 'N', 'N', 'N', 'N', 'N', 'N', 'NW', 'W']
const visualAlarm = new Set(['306', '506', '820', '1108', '1220', '1506'])
const accessible = new Set(['306', '506'])
const outOfOrder = new Map([
  ['509', '卫生间漏水，等待维修 Bathroom leak, awaiting repair'],
  ['1117', '空调压缩机更换 Air-conditioning compressor being replaced'],
  ['1514', '地毯更换 New carpet'],
])
// Sold last: a minor fault the guest may accept.
const outOfService = new Map([['1215', '电视待更换 Television to be replaced']])

/** The hotel's room types (PMS codes): suites at the ends of the top floors, executive rooms above 14F. */
function roomTypeOf(floor, position, bed) {
  if (floor >= 15 && (position === 10 || position === 20)) return 'STE'
  if (floor >= 14) return bed === 'twin' ? 'EXT' : 'EXK'
  return bed === 'twin' ? 'DTN' : 'DKN'
}

function makeRoom(floor, position) {
  const number = `${floor}${String(position).padStart(2, '0')}`
  const facing = facingAt[position - 1]
  const south = facing.includes('S')
  const corner = [1, 9, 11, 19].includes(position)
  const end = position === 10 || position === 20
  const features = []
  if (visualAlarm.has(number)) features.push('visual_alarm')
  if (accessible.has(number)) features.push('accessible')
  if ([2, 3, 12, 13].includes(position)) features.push('connecting')
  if (corner || (south && floor >= 10)) features.push('bathtub')
  if (corner || end) features.push('quiet')
  if (position === 5 || position === 15) features.push('near_lift') // across from the lift lobby
  if (floor === 3 && position >= 12 && position <= 18) features.push('smoking')
  const view = south ? (floor <= 5 ? 'garden' : 'river') : facing === 'E' ? 'mountain' : 'city'
  const bed = corner || end ? 'king' : south ? (position % 2 === 0 ? 'king' : 'twin') : position % 2 === 0 ? 'queen' : 'twin'
  const block = outOfOrder.has(number)
    ? { kind: 'out_of_order', reason: outOfOrder.get(number) }
    : outOfService.has(number)
      ? { kind: 'out_of_service', reason: outOfService.get(number) }
      : null
  return { number, floor, facing, view, bed, features, roomType: roomTypeOf(floor, position, bed), housekeeping: 'clean', block }
}
const rooms = floors.flatMap((floor) => Array.from({ length: 20 }, (_, i) => makeRoom(floor, i + 1)))

// ------------------------------------------------------------------ who the guests are

const taken = new Set() // names, name keys, phone tails and emails already used
/** Claims every key, or none if any is taken, so no two demo guests look like one person by accident. */
function claim(...keys) {
  if (keys.some((k) => taken.has(k))) return false
  for (const k of keys) taken.add(k)
  return true
}
const nameKey = (roman) => `name:${roman.toLowerCase().split(/[\s'-]+/).sort().join(' ')}`
const plain = (text) => text.normalize('NFD').replace(/[\u0300-\u036f]/g, '')

/** A name from a table, [native, roman] made by the region's own conventions. */
function chineseStyle(region, join) {
  for (;;) {
    const s = pick(region.surnames)
    const g = pick(region.given)
    const nativeName = join(s.native, g.native)
    const romanName = `${s.roman.toUpperCase()} ${g.roman}`
    if (claim(nativeName, nameKey(romanName))) return { nativeName, romanName, gender: g.gender, given: g.roman, family: s }
  }
}

const phoneFormats = {
  CN: () => `+86 1${pick(['35', '36', '38', '39', '58', '86'])} ${digits(4)} ${digits(4)}`,
  HK: () => `+852 ${pick(['5', '6', '9'])}${digits(3)} ${digits(4)}`,
  MO: () => `+853 66${digits(2)} ${digits(4)}`,
  TW: () => `+886 9${digits(2)} ${digits(3)} ${digits(3)}`,
  SG: () => `+65 ${pick(['8', '9'])}${digits(3)} ${digits(4)}`,
  MY: () => `+60 1${int(2, 9)}-${digits(3)} ${digits(4)}`,
  JP: () => `+81 90-${digits(4)}-${digits(4)}`,
  KR: () => `+82 10-${digits(4)}-${digits(4)}`,
  US: () => `+1 ${pick(['415', '212', '312'])}-555-01${digits(2)}`, // 555-01xx is reserved for fiction
  CA: () => `+1 514-555-01${digits(2)}`,
  GB: () => `+44 7700 900${digits(3)}`, // Ofcom's drama range
  AU: () => `+61 491 570 ${int(110, 159)}`, // ACMA's fiction range
  DE: () => `+49 151 ${digits(4)} ${digits(4)}`,
  FR: () => `+33 6 ${digits(2)} ${digits(2)} ${digits(2)} ${digits(2)}`,
  NL: () => `+31 6 ${digits(4)} ${digits(4)}`,
  IT: () => `+39 3${digits(2)} ${digits(3)} ${digits(4)}`,
}
function phoneFor(country) {
  for (;;) {
    const phone = phoneFormats[country]()
    if (claim(`phone:${phone.replace(/\D/g, '').slice(-8)}`)) return phone
  }
}
function emailFor(given, family) {
  const local = plain(`${given}.${family}`).toLowerCase().replace(/[^a-z.]/g, '')
  for (let n = 1; ; n++) {
    const email = `${local}${n > 1 ? n : ''}@example.${pick(['com', 'net', 'org'])}`
    if (claim(`email:${email}`)) return email
  }
}

/** The regions guests come from: how to name them, where they live, what they speak. */
const regions = {
  cn: { country: 'CN', languages: ['zh'], name: () => chineseStyle(mainland, (s, g) => s + g), city: () => pick(mainland.cities), work: work.mainland },
  hk: { country: 'HK', languages: ['yue', 'en', 'zh'], name: () => chineseStyle(cantonese, (s, g) => s + g), city: () => '香港', work: work.hongKong },
  mo: { country: 'MO', languages: ['yue', 'zh', 'pt'], name: () => chineseStyle(cantonese, (s, g) => s + g), city: () => '澳门', work: work.hongKong },
  tw: { country: 'TW', languages: ['zh', 'en'], name: () => chineseStyle(taiwan, (s, g) => s + g), city: () => pick(taiwan.cities), work: work.taiwan },
  sg: { country: 'SG', languages: ['en', 'zh'], name: () => chineseStyle(nanyang, (s, g) => s + g), city: () => '新加坡', work: work.nanyang },
  my: { country: 'MY', languages: ['zh', 'en', 'ms'], name: () => chineseStyle(nanyang, (s, g) => s + g), city: () => pick(['Kuala Lumpur', 'Penang', 'Johor Bahru']), work: work.nanyang },
  jp: { country: 'JP', languages: ['ja', 'en'], name: () => chineseStyle(japan, (s, g) => `${s} ${g}`), city: () => pick(japan.cities), work: work.japan },
  kr: { country: 'KR', languages: ['ko', 'en'], name: () => chineseStyle(korea, (s, g) => s + g), city: () => pick(korea.cities), work: work.korea },
}
const westerners = western.flatMap((c) => c.people.map((p) => ({ ...p, country: c.country, languages: c.languages, city: c.city })))

function salutationFor(gender, occupation) {
  if (/Professor/.test(occupation ?? '')) return 'prof'
  if (/Physician|Surgeon/.test(occupation ?? '')) return 'dr'
  return gender === 'm' ? 'mr' : chance(0.3) ? 'mrs' : 'ms'
}

function birthDate() {
  return `${int(1955, 1998)}-${String(int(1, 12)).padStart(2, '0')}-${String(int(1, 28)).padStart(2, '0')}`
}

function vipLevel() {
  const roll = random()
  return roll < 0.01 ? 3 : roll < 0.05 ? 2 : roll < 0.15 ? 1 : 0
}

/** A random guest from a region: identity, contact details and work, no preferences yet. */
function randomGuest(regionKey) {
  const region = regions[regionKey]
  const n = region.name()
  const [occupation, company] = pick(region.work)
  const title = n.family.roman[0] + n.family.roman.slice(1).toLowerCase()
  return {
    region: regionKey,
    family: { native: n.family.native, title },
    nativeName: n.nativeName,
    romanName: n.romanName,
    salutation: salutationFor(n.gender, occupation),
    gender: n.gender,
    nationality: region.country,
    homeCity: region.city(),
    languages: region.languages,
    occupation,
    company: chance(0.8) ? company : null,
    phone: chance(0.85) ? phoneFor(region.country) : null,
    email: chance(0.7) ? emailFor(n.given.replace(/ /g, ''), n.family.roman) : null,
    birthDate: chance(0.35) ? birthDate() : null,
    vip: vipLevel(),
  }
}

function randomWesterner(p) {
  const [occupation, company] = pick(work.western)
  const nativeName = `${p.given} ${p.family}`
  const romanName = `${plain(p.family).toUpperCase()} ${plain(p.given)}`
  claim(nativeName, nameKey(romanName))
  return {
    region: 'west',
    family: { native: p.family, title: p.family },
    nativeName,
    romanName,
    salutation: salutationFor(p.gender, occupation),
    gender: p.gender,
    nationality: p.country,
    homeCity: p.city,
    languages: p.languages,
    occupation,
    company: chance(0.7) ? company : null,
    phone: chance(0.8) ? phoneFor(p.country) : null,
    email: chance(0.8) ? emailFor(p.given, p.family.replace(/[\s']/g, '')) : null,
    birthDate: chance(0.35) ? birthDate() : null,
    vip: vipLevel(),
  }
}

// ------------------------------------------------------------------ what they prefer

const chineseRegions = ['cn', 'hk', 'mo', 'tw', 'sg', 'my']

/**
 * Preference makers by name. Negative strengths only where the code itself says "don't"
 * (dislike, allergy, unlucky, a facing to avoid): rules match a preference whatever its strength.
 */
const traits = {
  floor: () => pref('room', 'floor', String(pick([6, 7, 8, 9, 11, 12, 14, 15, 16]))),
  facing: () => pref('room', 'facing', pick(['S', 'S', 'SE', 'E', 'SW'])),
  westSun: () => pref('room', 'facing', 'W', 'avoid', 'Finds the afternoon sun too hot.'),
  view: () => pref('room', 'view', pick(['river', 'river', 'city', 'garden', 'mountain'])),
  bed: () => pref('room', 'bed', pick(['king', 'king', 'twin'])),
  quiet: () => pref('room', 'quiet', 'yes', pick(['preferred', 'required']), 'Light sleeper.'),
  awayFromLift: () => pref('room', 'away_from_lift', 'yes'),
  nonSmoking: () => pref('room', 'smoking', 'no', 'required'),
  pillow: () => pref('amenity', 'pillow', pick(['buckwheat', 'feather', 'memory_foam', 'firm', 'soft'])),
  scent: () => (chance(0.2) ? pref('amenity', 'toiletries_scent', 'unscented', 'required', 'Sensitive skin.') : pref('amenity', 'toiletries_scent', pick(['jasmine', 'lavender', 'osmanthus', 'sandalwood']))),
  flowers: () => pref('amenity', 'flowers', pick(['lily', 'rose', 'peony', 'carnation', 'orchid'])),
  minibar: () => pref('amenity', 'minibar', pick(['no_alcohol', 'extra_water', 'extra_water', 'local_snacks'])),
  cuisine: (g) => {
    const byRegion = { cn: ['cantonese', 'huaiyang', 'shandong', 'sichuan'], hk: ['cantonese'], mo: ['cantonese'], tw: ['huaiyang', 'cantonese'], sg: ['cantonese', 'sichuan'], my: ['cantonese'], jp: ['japanese', 'huaiyang'], kr: ['sichuan', 'japanese'], west: ['western', 'cantonese', 'sichuan'] }
    // Sichuan stays the Macau guest's story: nobody in house or arriving today shares it.
    const options = byRegion[g.region].filter((c) => c !== 'sichuan' || g.plan === 'future' || g.plan === 'past')
    return options.length ? pref('food', 'cuisine', pick(options)) : null
  },
  dish: (g) => pref('food', 'dish', pick(g.region === 'west' ? ['Peking duck', 'dim sum', 'hand-pulled noodles'] : ['红烧肉 braised pork belly', '西湖醋鱼 West Lake fish', '小笼包 soup dumplings', '清蒸鲈鱼 steamed perch', '白切鸡 poached chicken'])),
  condiment: (g) => pref('food', 'condiment', g.region === 'hk' || g.region === 'mo' ? 'xo_sauce' : 'black_vinegar'),
  dislike: () => pref('food', 'dislike', pick(['coriander', 'coriander', 'spring_onion', 'garlic', 'offal', 'bitter_melon', 'lamb', 'durian', 'msg']), pick(['avoid', 'avoid', 'never'])),
  allergy: () => {
    const value = pick(['peanut', 'shellfish', 'shellfish', 'gluten', 'dairy'])
    return pref('food', 'allergy', value, 'never', value === 'peanut' ? 'Severe: carries an adrenaline pen.' : undefined)
  },
  diet: () => pref('food', 'diet', pick(['vegetarian', 'low_salt', 'low_sugar']), 'required'),
  newspaper: (g) => {
    const byRegion = { cn: ['people_daily'], hk: ['scmp'], mo: ['scmp'], tw: ['ft'], sg: ['lianhe_zaobao', 'straits_times'], my: ['lianhe_zaobao', 'straits_times'], jp: ['nikkei'], kr: ['wsj', 'ft'], west: ['ft', 'wsj'] }
    return pref('reading', 'newspaper', pick(byRegion[g.region]))
  },
  periodical: (g) => pref('reading', 'periodical', g.occupation === 'Architect' ? 'architecture' : g.region === 'cn' ? 'caixin' : 'the_economist'),
  hobby: () => pref('interest', 'hobby', pick(['calligraphy', 'golf', 'tea', 'photography', 'fishing', 'swimming', 'opera', 'chinese_chess'])),
  lucky: () => pref('number', 'lucky', pick(['8', '8', '6', '9'])),
  unlucky: (g) => pref('number', 'unlucky', g.region === 'west' ? '13' : '4', 'avoid'),
  birthday: (g) => (g.birthDate ? pref('occasion', 'birthday', g.birthDate.slice(5)) : null),
  anniversary: () => pref('occasion', 'anniversary', `${String(int(1, 12)).padStart(2, '0')}-${String(int(1, 28)).padStart(2, '0')}`, 'preferred', 'Wedding anniversary.'),
  language: (g) => {
    const byRegion = { hk: 'yue', mo: 'yue', jp: 'ja', kr: 'ko', west: 'en' }
    return byRegion[g.region] ? pref('service', 'language', byRegion[g.region]) : null
  },
  addressAs: (g) => {
    const { native, title } = g.family
    if (g.region === 'cn') {
      const as = g.salutation === 'prof' ? '教授' : g.salutation === 'dr' ? '医生' : /manager|director/i.test(g.occupation) ? '总' : null
      return as ? pref('service', 'address_as', native + as) : null
    }
    if (g.region === 'jp') return pref('service', 'address_as', `${native}様`)
    if (g.salutation === 'dr' || g.salutation === 'prof') return pref('service', 'address_as', `${g.salutation === 'dr' ? 'Dr' : 'Professor'} ${title}`)
    return null
  },
  privacy: () => pref('service', 'privacy', pick(['no_calls', 'do_not_disturb_morning', 'do_not_disturb_morning', 'no_name_announce'])),
  access: () => {
    if (chance(0.6)) return null // rarer than the rest
    const [code, value] = pick([['vision', 'low_vision'], ['mobility', 'limited_walking'], ['mobility', 'wheelchair'], ['hearing', 'hard_of_hearing']])
    return pref('access', code, value, 'required')
  },
}

// Which traits each region tends to show, repeated for weight.
const common = ['floor', 'facing', 'view', 'bed', 'quiet', 'quiet', 'pillow', 'pillow', 'scent', 'minibar', 'flowers', 'dislike', 'dislike', 'allergy', 'newspaper', 'hobby', 'birthday', 'privacy', 'access', 'nonSmoking']
const traitWeights = {
  chinese: [...common, 'cuisine', 'cuisine', 'dish', 'condiment', 'lucky', 'lucky', 'unlucky', 'westSun', 'addressAs', 'periodical'],
  jp: [...common, 'cuisine', 'unlucky', 'language', 'language', 'addressAs'],
  kr: [...common, 'cuisine', 'unlucky', 'language'],
  west: [...common, 'cuisine', 'dish', 'awayFromLift', 'diet', 'periodical', 'unlucky', 'language', 'anniversary', 'addressAs'],
}

function randomPreferences(g, count) {
  const pool = traitWeights[chineseRegions.includes(g.region) ? 'chinese' : g.region]
  const chosen = new Map()
  for (let tries = 0; chosen.size < count && tries < 40; tries++) {
    const p = traits[pick(pool)](g)
    const key = `${p?.category}.${p?.code}`
    if (p && !chosen.has(key)) chosen.set(key, p)
  }
  return [...chosen.values()]
}

// ------------------------------------------------------------------ when they stay, and where

const booked = new Map(rooms.map((r) => [r.number, []])) // room → [first night, day after last)
const isFree = (number, from, to) => booked.get(number).every(([a, b]) => to <= a || from >= b)
function book(number, from, to, who) {
  if (!isFree(number, from, to)) throw new Error(`demo data: room ${number} is double-booked (${who}, days ${from}..${to})`)
  booked.get(number).push([from, to])
}

/** How well a room suits a guest's room preferences; required ones count more. */
function fit(room, prefs) {
  let score = 0
  for (const p of prefs) {
    const v = p.value
    const has = (f) => room.features.includes(f)
    const ok = {
      'room.floor': () => room.floor === Number(v),
      'room.facing': () => (p.strength === 'avoid' ? room.facing !== v : room.facing === v),
      'room.view': () => room.view === v,
      'room.bed': () => room.bed === v,
      'room.quiet': () => has('quiet'),
      'room.away_from_lift': () => !has('near_lift'),
      'room.smoking': () => has('smoking') === (v === 'yes'),
      'number.lucky': () => room.number.includes(v),
      'number.unlucky': () => !room.number.includes(v) && String(room.floor) !== v,
      'access.hearing': () => has('visual_alarm'),
      'access.mobility': () => has('accessible') || (v !== 'wheelchair' && has('near_lift')),
    }[`${p.category}.${p.code}`]
    // A guest's needs (a wheelchair, a visual alarm) come before their tastes.
    if (ok?.()) score += (p.category === 'access' ? 3 : 1) * (p.strength === 'required' ? 3 : 1)
  }
  return score
}

/** The best-suited room free for those days (ties broken at random), as a good desk would choose. */
function chooseRoom(prefs, from, to, exclude = new Set()) {
  const free = rooms.filter((r) => !exclude.has(r.number) && isFree(r.number, from, to))
  const best = Math.max(...free.map((r) => fit(r, prefs)))
  return pick(free.filter((r) => fit(r, prefs) === best)).number
}

/** Past stays, walking back in time from `before` (the first may end today), none overlapping. */
function pastStays(count, before, nights, recent) {
  const stays = []
  let cursor = before
  for (let i = 0; i < count; i++) {
    const n = nights()
    const end = cursor - (i === 0 && recent ? int(0, 60) : int(14, 150))
    stays.push({ arrival: end - n, nights: n })
    cursor = end - n
  }
  return stays
}

// ------------------------------------------------------------------ everyone else

// The story guests' names, phones and emails are spoken for, and no guest shares a staff name.
for (const s of staff) claim(s.name, nameKey(s.roman))
for (const g of storyGuests) {
  claim(g.nativeName, nameKey(g.romanName ?? g.nativeName))
  if (g.phone) claim(`phone:${g.phone.replace(/\D/g, '').slice(-8)}`)
  if (g.email) claim(`email:${g.email.toLowerCase()}`)
}

// 186 more guests; how many of them arrive today, are in house now, or have a reservation later.
const regionCounts = { cn: 88, hk: 14, mo: 5, tw: 11, sg: 12, my: 8, jp: 14, kr: 11 }
const plans = { today: 27, inHouse: 52, future: 23 }

const crowd = shuffle([
  ...Object.entries(regionCounts).flatMap(([region, n]) => Array.from({ length: n }, () => randomGuest(region))),
  ...westerners.map(randomWesterner),
])
const nightsFor = (g) => () => (chance(0.05) ? int(7, 14) : g.region === 'west' ? int(2, 6) : int(1, 4))
const party = () => pick([1, 1, 1, 1, 1, 1, 2, 2, 2, 3])

crowd.forEach((g, i) => {
  g.key = `guest-${String(i + 1).padStart(3, '0')}`
  g.plan = i < plans.today ? 'today' : i < plans.today + plans.inHouse ? 'inHouse' : i < plans.today + plans.inHouse + plans.future ? 'future' : 'past'
  // Loyal guests have a history, and the hotel has learned more about them.
  const visits = g.plan === 'past' ? pick([1, 1, 1, 2, 2, 3, 4, 6]) : pick([0, 0, 1, 1, 2, 3, 4, 5, 8])
  let current = null
  if (g.plan === 'today') current = { arrival: 0, nights: int(1, 4) }
  if (g.plan === 'inHouse') {
    const arrival = -int(1, 7)
    current = { arrival, nights: -arrival + int(1, 5) }
  }
  if (g.plan === 'future') current = { arrival: int(1, 40), nights: int(1, 5) }
  const past = pastStays(visits, Math.min(0, current?.arrival ?? 0), nightsFor(g), g.plan === 'past')
  g.preferences = randomPreferences(g, visits === 0 ? int(0, 1) : visits === 1 ? int(1, 2) : visits <= 3 ? int(2, 4) : int(3, 6))
  g.stays = [...past, ...(current ? [current] : [])].map((s) => ({ ...s, party: party() }))
})

// A few returning guests arriving today have a wish last confirmed more than a year ago: the desk
// sees it at check-in, to confirm or retire. (No random draws here, so the rest stays as it was.)
crowd
  .filter((g) => g.plan === 'today' && g.preferences.length > 0 && g.stays.some((s) => s.arrival < -380))
  .slice(0, 5)
  .forEach((g, k) => {
    g.preferences[0] = { ...g.preferences[0], noticedDaysAgo: 380 + 45 * k }
  })

// Guest relations' inbox is not empty on the first day: four departments have noticed something
// about guests in house (no random draws here either).
const noticed = [
  { by: 'rs01', text: 'Frowned at the mapo tofu and left it; asked for steamed fish instead.', suggestion: { category: 'food', code: 'cuisine', value: 'sichuan', strength: 'avoid' } },
  { by: 'hk02', text: 'Asked twice for extra pillows; both were the firm ones.', suggestion: { category: 'amenity', code: 'pillow', value: 'firm' } },
  { by: 'cc01', text: 'Asks at the desk for the Financial Times every morning.', suggestion: { category: 'reading', code: 'newspaper', value: 'ft' } },
  { by: 'en01', text: 'Found the room too warm at night; turned the thermostat down to 20 °C.' },
]
crowd
  .filter((g) => g.plan === 'inHouse' && !g.preferences.some((p) => p.category === 'food' && p.value === 'sichuan'))
  .slice(0, noticed.length)
  .forEach((g, k) => {
    g.observations = [noticed[k]]
  })

// ------------------------------------------------------------------ rooms for every stay

const everyone = [...storyGuests, ...crowd]
const notToday = new Set([...keepVacant, ...outOfOrder.keys()])
// Rooms named in the story first, then in-house guests, then history.
for (const g of storyGuests) for (const s of g.stays) if (s.room) book(s.room, s.arrival, s.arrival + s.nights, g.key)
for (const g of everyone) {
  const stay = g.stays.find((s) => s.arrival < 0 && s.arrival + s.nights > 0)
  if (!stay || stay.room) continue
  stay.room = chooseRoom(g.preferences, stay.arrival, stay.arrival + stay.nights, notToday)
  book(stay.room, stay.arrival, stay.arrival + stay.nights, g.key)
}
for (const g of everyone) {
  for (const s of g.stays) {
    if (s.arrival + s.nights > 0 || s.room) continue
    s.room = chooseRoom(g.preferences, s.arrival, s.arrival + s.nights)
    book(s.room, s.arrival, s.arrival + s.nights, g.key)
  }
}
for (const n of keepVacant) if (!isFree(n, 0, 1)) throw new Error(`demo data: room ${n} must be vacant today`)

// Housekeeping this morning: the eight vacant rooms left last are vacant dirty (空脏), two of them
// waiting for a pick-up; four vacant rooms on the top floor inspected for VIPs (已查).
const vacantToday = (r) => isFree(r.number, 0, 1) && !keepVacant.has(r.number) && !r.block
const leftAt = (r) => Math.max(-999, ...booked.get(r.number).map(([, end]) => end).filter((end) => end <= 0))
const leftLast = rooms.filter(vacantToday).sort((a, b) => leftAt(b) - leftAt(a) || a.number.localeCompare(b.number))
leftLast.slice(0, 8).forEach((r, i) => {
  r.housekeeping = i < 2 ? 'pickup' : 'dirty'
})
for (const r of rooms.filter((r) => r.floor === 16 && r.housekeeping === 'clean' && vacantToday(r)).slice(0, 4)) r.housekeeping = 'inspected'

// What the hotel knows of a returning guest it learned on their stays, not on the day the demo was
// loaded: date each preference at the end of the guest's last stay (within the year, so only the
// few set above are due for confirmation at check-in).
for (const g of everyone) {
  const ended = g.stays.map((s) => s.arrival + s.nights).filter((end) => end < 0)
  if (ended.length === 0) continue
  const daysAgo = Math.min(330, -Math.max(...ended))
  g.preferences = g.preferences.map((p) => (p.noticedDaysAgo ? p : { ...p, noticedDaysAgo: daysAgo }))
}

// Marketing contact: most of the crowd was asked at some stay. Of those with a phone or email,
// about half agreed and some withdrew; a few who agreed left no way to reach them. (A random stream
// of its own, so everything drawn above stays as it was.) The story guests stay "not asked".
const consentRandom = seeded(0x5eed_2611)
for (const g of crowd) {
  const roll = consentRandom()
  const reachable = Boolean(g.phone || g.email)
  g.consentMarketing = reachable ? (roll < 0.5 ? true : roll < 0.65 ? false : null) : roll < 0.5 ? true : null
}

// ------------------------------------------------------------------ write

/** The shape demo-data.ts reads: guest fields as guest.create takes them, then preferences and stays. */
function toJson(g) {
  const { key, plan: _plan, region: _region, family: _family, preferences, stays, observations, ...fields } = g
  const sorted = [...stays].sort((a, b) => a.arrival - b.arrival)
  const json = { key, ...fields, preferences, stays: sorted.map((s) => ({ arrival: s.arrival, nights: s.nights, room: s.room ?? null, party: s.party ?? 1 })) }
  return observations ? { ...json, observations } : json
}

const write = (name, value) => fs.writeFileSync(path.join(here, name), `${JSON.stringify(value, null, 2)}\n`)
write('hotel.json', { hotel: { name: { en: 'Riverside Hotel (demo)', zh: '江畔酒店（演示）' } }, departments, outlets, staff, rooms })
write('guests.json', everyone.map(toJson))
write('rules.json', rules)

const count = (plan) => everyone.filter((g) => g.plan === plan).length
console.log(
  `demo hotel: ${rooms.length} rooms on ${floors.length} floors, ${staff.length} staff, ${rules.length} rules, ` +
    `${everyone.length} guests (${count('today')} arriving today, ${count('inHouse')} in house, ${count('future')} booked later)`,
)
