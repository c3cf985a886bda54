import { facings } from '../../electron/core/rooms/room'
import type { Random } from './random'

/** What a synthetic guest may prefer: [category, code, values, how common, strengths with weights]. */
type Entry = readonly [string, string, readonly string[], number, readonly (readonly [string, number])[]]

const wish = [['preferred', 7], ['required', 2]] as const
const aversion = [['avoid', 3], ['never', 1]] as const
const floors = Array.from({ length: 40 }, (_, i) => String(i + 3))

const catalog: readonly Entry[] = [
  ['room', 'floor', floors, 8, [['preferred', 7], ['required', 2], ['avoid', 1]]],
  ['room', 'facing', facings, 6, wish],
  ['room', 'view', ['river', 'city', 'garden', 'mountain'], 6, wish],
  ['room', 'bed', ['king', 'queen', 'twin'], 7, wish],
  ['room', 'quiet', ['yes'], 5, wish],
  ['room', 'away_from_lift', ['yes'], 4, wish],
  ['room', 'smoking', ['no', 'yes'], 3, [['required', 3], ['preferred', 1]]],
  ['number', 'lucky', ['8', '6', '9', '88'], 3, [['preferred', 1]]],
  ['number', 'unlucky', ['4', '13', '14'], 3, aversion],
  ['access', 'hearing', ['hard_of_hearing'], 0.15, [['required', 1]]],
  ['access', 'mobility', ['wheelchair', 'limited_walking'], 0.2, [['required', 1]]],
  ['access', 'vision', ['low_vision'], 0.1, [['required', 1]]],
  ['amenity', 'pillow', ['buckwheat', 'feather', 'memory_foam', 'firm', 'soft'], 7, wish],
  ['amenity', 'toiletries_scent', ['sandalwood', 'jasmine', 'lavender', 'osmanthus', 'unscented'], 4, wish],
  ['amenity', 'flowers', ['orchid', 'lily', 'rose', 'peony', 'carnation'], 3, [['preferred', 3], ['avoid', 1]]],
  ['amenity', 'minibar', ['no_alcohol', 'extra_water', 'local_snacks'], 3, wish],
  ['amenity', 'shoe_care', ['shoe_cleaning_kit'], 1, wish],
  ['food', 'cuisine', ['sichuan', 'cantonese', 'huaiyang', 'shandong', 'japanese', 'western', 'vegetarian_buddhist'], 7, wish],
  ['food', 'dish', ['mapo tofu', 'char siu', 'congee', 'dim sum', 'steak'], 3, [['preferred', 1]]],
  ['food', 'condiment', ['chilli_sichuan_pepper_oil', 'black_vinegar', 'xo_sauce'], 3, wish],
  ['food', 'dislike', ['coriander', 'garlic', 'durian', 'offal'], 3, aversion],
  ['food', 'allergy', ['peanut', 'shellfish', 'gluten', 'dairy'], 0.8, [['never', 1]]],
  ['food', 'diet', ['vegetarian', 'halal', 'low_salt', 'low_sugar'], 1.5, [['required', 1]]],
  ['reading', 'newspaper', ['people_daily', 'lianhe_zaobao', 'straits_times', 'scmp', 'ft', 'wsj', 'nikkei'], 5, wish],
  ['reading', 'periodical', ['mainland_advertising', 'caixin', 'the_economist', 'architecture'], 2, wish],
  ['interest', 'hobby', ['chinese_chess', 'calligraphy', 'golf', 'tea', 'photography', 'fishing', 'swimming', 'opera'], 5, [['preferred', 1]]],
  ['service', 'language', ['yue', 'zh', 'en', 'ja', 'ko'], 4, [['preferred', 1]]],
  ['service', 'privacy', ['no_calls', 'do_not_disturb_morning', 'no_name_announce'], 2, [['required', 1]]],
  ['service', 'address_as', ['Dr', 'Chairman', 'Director', 'Professor'], 1.5, [['preferred', 1]]],
  ['occasion', 'birthday', ['03-14', '06-01', '09-09', '12-25'], 2, [['preferred', 1]]],
]

function weighted<T>(random: Random, items: readonly (readonly [T, number])[]): T {
  let r = random.next() * items.reduce((s, [, w]) => s + w, 0)
  for (const [item, w] of items) if ((r -= w) < 0) return item
  return items[items.length - 1][0]
}

/** About ten distinct preferences for one guest (6 to 14), common ones more often. */
export function syntheticPreferences(random: Random): { category: string; code: string; value: string; strength: string }[] {
  const count = random.int(6, 14)
  const left = [...catalog]
  const chosen: { category: string; code: string; value: string; strength: string }[] = []
  while (chosen.length < count && left.length > 0) {
    const entry = weighted(random, left.map((e) => [e, e[3]] as const))
    left.splice(left.indexOf(entry), 1)
    const [category, code, values, , strengths] = entry
    chosen.push({ category, code, value: random.pick(values), strength: weighted(random, strengths) })
  }
  return chosen
}

export const departments = [
  { code: 'front_office', name: { en: 'Front office', zh: '前厅部' }, promiseMinutes: 15 },
  { code: 'housekeeping', name: { en: 'Housekeeping', zh: '客房部' }, promiseMinutes: 30 },
  { code: 'restaurant', name: { en: 'Restaurant', zh: '餐饮部' }, promiseMinutes: 20 },
  { code: 'concierge', name: { en: 'Concierge', zh: '礼宾部' }, promiseMinutes: 30 },
  { code: 'engineering', name: { en: 'Engineering', zh: '工程部' }, promiseMinutes: 45 },
  { code: 'guest_relations', name: { en: 'Guest relations', zh: '宾客关系部' }, promiseMinutes: 60 },
]

/** Twenty check-in rules a hotel like this would run, through rule.create (allergies fire whatever the strength). */
export const checkInRules: { key: string; category: string; code: string; value: string | null; polarity?: string; department: string; priority: string; dueMinutes: number; template: { en: string; zh: string } }[] = [
  { key: 'allergy-alert', category: 'food', code: 'allergy', value: null, polarity: 'any', department: 'restaurant', priority: 'urgent', dueMinutes: 10, template: { en: 'Alert the kitchen: {guest} (room {room}) is allergic to {value}.', zh: '通知厨房：{guest}（{room}房）对{value}过敏。' } },
  { key: 'hearing-alarm', category: 'access', code: 'hearing', value: null, department: 'engineering', priority: 'high', dueMinutes: 30, template: { en: 'Fit a visual alarm and a vibrating alert in room {room}.', zh: '在{room}房安装闪光报警和振动提醒。' } },
  { key: 'mobility-help', category: 'access', code: 'mobility', value: null, department: 'front_office', priority: 'high', dueMinutes: 10, template: { en: 'Arrange assistance for {guest} ({value}) to room {room}.', zh: '为{guest}（{value}）安排协助前往{room}房。' } },
  { key: 'vision-help', category: 'access', code: 'vision', value: null, department: 'housekeeping', priority: 'high', dueMinutes: 20, template: { en: 'Room {room}: large-print guide and extra lighting for {guest}.', zh: '{room}房：为{guest}准备大字指南并增加照明。' } },
  { key: 'pillow', category: 'amenity', code: 'pillow', value: null, department: 'housekeeping', priority: 'normal', dueMinutes: 30, template: { en: 'Place a {value} pillow in room {room}.', zh: '在{room}房放置{value}。' } },
  { key: 'toiletries', category: 'amenity', code: 'toiletries_scent', value: null, department: 'housekeeping', priority: 'normal', dueMinutes: 30, template: { en: 'Set {value} toiletries in room {room}.', zh: '在{room}房摆放{value}洗浴用品。' } },
  { key: 'flowers', category: 'amenity', code: 'flowers', value: null, department: 'housekeeping', priority: 'normal', dueMinutes: 45, template: { en: 'Place {value} in room {room} for {guest}.', zh: '为{guest}在{room}房摆放{value}。' } },
  { key: 'minibar', category: 'amenity', code: 'minibar', value: null, department: 'housekeeping', priority: 'normal', dueMinutes: 30, template: { en: 'Minibar in room {room}: {value}.', zh: '{room}房迷你吧：{value}。' } },
  { key: 'shoe-care', category: 'amenity', code: 'shoe_care', value: null, department: 'housekeeping', priority: 'low', dueMinutes: 120, template: { en: 'Leave a {value} in room {room}.', zh: '在{room}房放置{value}。' } },
  { key: 'sichuan', category: 'food', code: 'cuisine', value: 'sichuan', department: 'restaurant', priority: 'normal', dueMinutes: 60, template: { en: 'Recommend Sichuan dishes to {guest} (room {room}).', zh: '向{guest}推荐川菜（{room}房）。' } },
  { key: 'cantonese', category: 'food', code: 'cuisine', value: 'cantonese', department: 'restaurant', priority: 'normal', dueMinutes: 60, template: { en: 'Recommend Cantonese dishes to {guest} (room {room}).', zh: '向{guest}推荐粤菜（{room}房）。' } },
  { key: 'condiment', category: 'food', code: 'condiment', value: null, department: 'restaurant', priority: 'normal', dueMinutes: 60, template: { en: 'Prepare {value} in small dishes for {guest}.', zh: '为{guest}准备{value}。' } },
  { key: 'diet', category: 'food', code: 'diet', value: null, department: 'restaurant', priority: 'high', dueMinutes: 30, template: { en: '{guest} keeps a {value} diet: brief the restaurant.', zh: '{guest}饮食要求：{value}，请告知餐厅。' } },
  { key: 'newspaper', category: 'reading', code: 'newspaper', value: null, department: 'concierge', priority: 'low', dueMinutes: 720, template: { en: 'Deliver {value} to room {room} each morning.', zh: '每天早上将{value}送至{room}房。' } },
  { key: 'periodicals', category: 'reading', code: 'periodical', value: null, department: 'housekeeping', priority: 'normal', dueMinutes: 60, template: { en: 'Place the latest {value} in room {room}.', zh: '在{room}房放置最新的{value}。' } },
  { key: 'golf', category: 'interest', code: 'hobby', value: 'golf', department: 'concierge', priority: 'low', dueMinutes: 240, template: { en: 'Offer {guest} a tee time.', zh: '为{guest}预约高尔夫开球时间。' } },
  { key: 'tea', category: 'interest', code: 'hobby', value: 'tea', department: 'restaurant', priority: 'low', dueMinutes: 120, template: { en: 'Invite {guest} to the tea lounge.', zh: '邀请{guest}到茶室品茶。' } },
  { key: 'language', category: 'service', code: 'language', value: null, department: 'front_office', priority: 'low', dueMinutes: 30, template: { en: 'Greet {guest} in {value}.', zh: '用{value}问候{guest}。' } },
  { key: 'privacy', category: 'service', code: 'privacy', value: null, department: 'front_office', priority: 'high', dueMinutes: 10, template: { en: 'Room {room}: {value}.', zh: '{room}房：{value}。' } },
  { key: 'birthday', category: 'occasion', code: 'birthday', value: null, department: 'guest_relations', priority: 'normal', dueMinutes: 120, template: { en: 'Check whether {guest}’s birthday ({value}) falls during the stay.', zh: '核对{guest}的生日（{value}）是否在住店期间。' } },
]

/** 2,000 rooms on floors 3–42: facing by position, a view by facing, lifts at the ends of each corridor. */
export function syntheticRooms(count: number, random: Random) {
  const perFloor = 50
  return Array.from({ length: count }, (_, i) => {
    const floor = 3 + Math.floor(i / perFloor)
    const n = (i % perFloor) + 1
    const facing = facings[Math.floor((n - 1) / 7) % facings.length]
    const features: string[] = []
    if (n <= 3 || n >= 48) features.push('near_lift')
    else if (n >= 20 && n <= 35) features.push('quiet')
    if (n === 10 && floor % 5 === 0) features.push('visual_alarm')
    if (n === 11 && floor % 4 === 0) features.push('accessible')
    if (random.chance(0.5)) features.push('bathtub')
    if (n % 10 === 5) features.push('connecting')
    if (floor >= 40) features.push('smoking')
    return {
      number: String(floor * 100 + n),
      floor,
      facing,
      view: facing.includes('S') ? 'river' : facing.includes('N') ? 'city' : floor < 10 ? 'garden' : 'mountain',
      bed: random.chance(0.6) ? 'king' : random.chance(0.75) ? 'twin' : 'queen',
      features,
      outOfOrder: random.chance(0.01),
    }
  })
}
