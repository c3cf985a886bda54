import { namePinyin } from '../../electron/core/guests/guest-keys'
import type { GuestRow } from '../../electron/core/db/tables/guest.table'
import type { Random } from './random'

/** Where a synthetic guest comes from decides the script of the name, its romanization and the phone. */
export type Origin = 'mainland' | 'hongkong' | 'macau' | 'singapore' | 'japan' | 'korea' | 'western'

/** A guest row as guest.create would write it, plus where the synthetic person comes from. */
export type SyntheticGuest = { origin: Origin } & Pick<
  GuestRow,
  | 'native_name' | 'roman_name' | 'salutation' | 'gender' | 'nationality' | 'home_city' | 'languages'
  | 'occupation' | 'company' | 'phone' | 'email' | 'birth_date' | 'document_no' | 'vip' | 'notes'
>

// Mainland surnames, most common first; the last few are read differently as surnames (单 Shan, 解 Xie).
const hanSurnames = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤庄单解仇朴'
const hanGiven = '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超霞平刚桂华志建国文辉玲晓红梅鹏飞宇浩然子轩欣怡佳琪俊杰思雨嘉欣天宇博文晨曦雪婷丹阳海波立新振东春兰秋月凤林永胜德华丽萍小龙金花宏伟家俊'

// Hong Kong and Macau names in Cantonese romanization.
const cantoSurnames: readonly [string, string][] = [
  ['陈', 'CHAN'], ['黄', 'WONG'], ['李', 'LEE'], ['张', 'CHEUNG'], ['梁', 'LEUNG'], ['林', 'LAM'], ['刘', 'LAU'], ['何', 'HO'],
  ['吴', 'NG'], ['郭', 'KWOK'], ['曾', 'TSANG'], ['邓', 'TANG'], ['叶', 'YIP'], ['麦', 'MAK'], ['罗', 'LAW'], ['周', 'CHOW'],
  ['谢', 'TSE'], ['冯', 'FUNG'], ['蔡', 'CHOI'], ['许', 'HUI'], ['区', 'AU'], ['钟', 'CHUNG'], ['潘', 'POON'], ['袁', 'YUEN'],
]
const cantoGiven: readonly [string, string][] = [
  ['家', 'Ka'], ['俊', 'Chun'], ['志', 'Chi'], ['明', 'Ming'], ['嘉', 'Ka'], ['欣', 'Yan'], ['伟', 'Wai'], ['文', 'Man'],
  ['国', 'Kwok'], ['华', 'Wah'], ['美', 'Mei'], ['玲', 'Ling'], ['婷', 'Ting'], ['子', 'Tsz'], ['健', 'Kin'], ['浩', 'Ho'],
  ['永', 'Wing'], ['德', 'Tak'], ['雅', 'Nga'], ['丽', 'Lai'], ['英', 'Ying'], ['芳', 'Fong'], ['诗', 'Sze'], ['琪', 'Kei'],
  ['少', 'Siu'], ['锦', 'Kam'], ['耀', 'Yiu'], ['宝', 'Po'], ['慧', 'Wai'], ['晓', 'Hiu'], ['振', 'Chun'], ['海', 'Hoi'],
]
// Singapore Chinese names in Hokkien and Teochew romanization.
const hokkienSurnames: readonly [string, string][] = [
  ['陈', 'TAN'], ['林', 'LIM'], ['李', 'LEE'], ['黄', 'NG'], ['王', 'ONG'], ['吴', 'GOH'], ['郑', 'TEO'], ['杨', 'YEO'],
  ['蔡', 'CHUA'], ['许', 'KOH'], ['庄', 'CHNG'], ['洪', 'ANG'], ['周', 'CHEW'], ['谢', 'CHIA'], ['刘', 'LAU'], ['邱', 'KHOO'],
]
const hokkienGiven: readonly [string, string][] = [
  ['志', 'Chee'], ['明', 'Beng'], ['伟', 'Wee'], ['华', 'Hua'], ['美', 'Bee'], ['玲', 'Leng'], ['国', 'Kok'], ['春', 'Choon'],
  ['荣', 'Eng'], ['丽', 'Lay'], ['金', 'Kim'], ['秀', 'Siew'], ['文', 'Boon'], ['亮', 'Liang'], ['惠', 'Hui'], ['英', 'Eng'],
]
const japanese: readonly [string, string][] = [
  ['田中', 'Tanaka'], ['佐藤', 'Sato'], ['鈴木', 'Suzuki'], ['高橋', 'Takahashi'], ['渡辺', 'Watanabe'], ['伊藤', 'Ito'],
  ['山本', 'Yamamoto'], ['中村', 'Nakamura'], ['小林', 'Kobayashi'], ['加藤', 'Kato'], ['吉田', 'Yoshida'], ['山田', 'Yamada'],
]
const japaneseGiven: readonly [string, string][] = [
  ['太郎', 'Taro'], ['花子', 'Hanako'], ['健一', 'Kenichi'], ['由美', 'Yumi'], ['翔', 'Sho'], ['愛', 'Ai'], ['大輔', 'Daisuke'],
  ['美咲', 'Misaki'], ['直樹', 'Naoki'], ['陽子', 'Yoko'], ['拓也', 'Takuya'], ['恵', 'Megumi'],
]
const korean: readonly [string, string][] = [
  ['김', 'KIM'], ['이', 'LEE'], ['박', 'PARK'], ['최', 'CHOI'], ['정', 'JUNG'], ['강', 'KANG'], ['조', 'CHO'], ['윤', 'YOON'],
]
const koreanGiven: readonly [string, string][] = [
  ['민준', 'Minjun'], ['서연', 'Seoyeon'], ['지훈', 'Jihoon'], ['수빈', 'Subin'], ['현우', 'Hyunwoo'], ['지은', 'Jieun'],
  ['도윤', 'Doyun'], ['하은', 'Haeun'], ['예준', 'Yejun'], ['민서', 'Minseo'],
]
const westernFirst = [
  'James', 'Mary', 'John', 'Patricia', 'Robert', 'Jennifer', 'Michael', 'Linda', 'David', 'Elizabeth', 'William', 'Sarah',
  'Thomas', 'Emma', 'Oliver', 'Sophie', 'Lukas', 'Anna', 'Jean', 'Camille', 'José', 'María', 'Giulia', 'Marco', 'Pierre',
  'Zoë', 'Hans', 'Ingrid', 'Ahmed', 'Fatima', 'Raj', 'Priya', 'Ivan', 'Olga', 'Noah', 'Chloé', 'Matteo', 'Elena',
]
const westernLast = [
  'Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Garcia', 'Miller', 'Davis', 'Rodriguez', 'Martinez', 'Wilson',
  'Anderson', 'Taylor', 'Thomas', 'Moore', 'Martin', 'Müller', 'Schmidt', 'Schneider', 'Fischer', 'Dubois', 'Lefèvre',
  'Rossi', 'Russo', 'Ferrari', 'Fernández', 'López', 'González', 'Novak', 'Ivanov', 'Khan', 'Patel', 'Sharma', "O'Brien",
  'Nguyen', 'Jensen', 'Nielsen', 'Kowalski', 'van der Berg', 'Silva', 'Santos', 'Costa', 'Andersson', 'Johansson',
]
const westernNations = ['US', 'GB', 'DE', 'FR', 'ES', 'IT', 'AU', 'CA', 'NL', 'SE', 'IN', 'RU', 'BR', 'AE']
const cities: Record<Origin, string[]> = {
  mainland: ['Beijing', 'Shanghai', 'Guangzhou', 'Shenzhen', 'Chengdu', 'Hangzhou', 'Wuhan', "Xi'an", 'Chongqing', 'Nanjing'],
  hongkong: ['Hong Kong'],
  macau: ['Macau'],
  singapore: ['Singapore'],
  japan: ['Tokyo', 'Osaka', 'Kyoto', 'Yokohama'],
  korea: ['Seoul', 'Busan', 'Incheon'],
  western: ['New York', 'London', 'Berlin', 'Paris', 'Madrid', 'Milan', 'Sydney', 'Toronto', 'Amsterdam', 'Stockholm'],
}
const companies = [
  'Huawei', 'Tencent', 'Alibaba', 'Sinopec', 'China Mobile', 'HSBC', 'Bank of China', 'Galaxy Entertainment', 'DBS Bank',
  'Toyota', 'Samsung', 'Siemens', 'Deloitte', 'McKinsey', 'Bau AG', 'Ogilvy', 'Li & Fung', 'Swire', 'CITIC', 'BYD',
]
const occupations = ['executive', 'engineer', 'doctor', 'lawyer', 'professor', 'designer', 'banker', 'consultant', 'artist', 'official']
const mailDomains = ['qq.com', '163.com', 'gmail.com', 'outlook.com', 'yahoo.com.hk', 'icloud.com', 'example.com']

// Pinyin of each surname, for plausible email addresses (the search index derives its own).
const pinyinOfSurname: Record<string, string> = Object.fromEntries([...hanSurnames].map((c) => [c, namePinyin(c)[0] ?? 'guest']))

function pickOrigin(random: Random): Origin {
  const r = random.next()
  if (r < 0.55) return 'mainland'
  if (r < 0.65) return 'hongkong'
  if (r < 0.69) return 'macau'
  if (r < 0.74) return 'singapore'
  if (r < 0.79) return 'japan'
  if (r < 0.84) return 'korea'
  return 'western'
}

/** A phone number as the desk records it, with the country code and the local grouping. */
function phoneFor(origin: Origin, random: Random): string {
  const local = (first: string, n: number) => first + random.digits(n - first.length)
  switch (origin) {
    case 'mainland': {
      const d = local(random.pick(['138', '139', '136', '150', '151', '158', '186', '188', '135', '137']), 11)
      const style = random.int(0, 2)
      return style === 0 ? `+86 ${d.slice(0, 3)} ${d.slice(3, 7)} ${d.slice(7)}` : style === 1 ? `+86 ${d}` : `${d.slice(0, 3)}-${d.slice(3, 7)}-${d.slice(7)}`
    }
    case 'hongkong': {
      const d = local(random.pick(['5', '6', '9']), 8)
      return `+852 ${d.slice(0, 4)} ${d.slice(4)}`
    }
    case 'macau': {
      const d = local('6', 8)
      return `+853 ${d.slice(0, 4)} ${d.slice(4)}`
    }
    case 'singapore': {
      const d = local(random.pick(['8', '9']), 8)
      return `+65 ${d.slice(0, 4)} ${d.slice(4)}`
    }
    case 'japan': {
      const d = local(random.pick(['90', '80', '70']), 10)
      return `+81 ${d.slice(0, 2)}-${d.slice(2, 6)}-${d.slice(6)}`
    }
    case 'korea': {
      const d = local('10', 10)
      return `+82 ${d.slice(0, 2)}-${d.slice(2, 6)}-${d.slice(6)}`
    }
    case 'western': {
      const d = local(String(random.int(2, 9)), 10)
      return `+${random.pick(['1', '44', '49', '33', '34', '39', '61'])} ${d.slice(0, 3)} ${d.slice(3, 6)} ${d.slice(6)}`
    }
  }
}

function nameFor(origin: Origin, random: Random): { native: string; roman: string | null; mail: string } {
  switch (origin) {
    case 'mainland': {
      const surname = random.pickSkewed([...hanSurnames], 2.5)
      const given = Array.from({ length: random.chance(0.7) ? 2 : 1 }, () => random.pickSkewed([...hanGiven], 1.6)).join('')
      // Mainland passports carry pinyin ("ZHUANG Zhiming"); the desk often leaves it empty.
      const native = surname + given
      let roman: string | null = null
      if (random.chance(0.5)) {
        const [first, ...rest] = namePinyin(native)
        const tail = rest.join('')
        roman = `${first.toUpperCase()} ${tail.charAt(0).toUpperCase()}${tail.slice(1)}`
      }
      return { native, roman, mail: `${pinyinOfSurname[surname]}${random.digits(random.int(2, 6))}` }
    }
    case 'hongkong':
    case 'macau': {
      const [zs, rs] = random.pickSkewed(cantoSurnames, 1.8)
      const g = Array.from({ length: 2 }, () => random.pick(cantoGiven))
      return { native: zs + g.map((x) => x[0]).join(''), roman: `${rs} ${g.map((x) => x[1]).join(' ')}`, mail: `${rs.toLowerCase()}.${g[0][1].toLowerCase()}${random.digits(2)}` }
    }
    case 'singapore': {
      const [zs, rs] = random.pickSkewed(hokkienSurnames, 1.8)
      const g = Array.from({ length: 2 }, () => random.pick(hokkienGiven))
      return { native: zs + g.map((x) => x[0]).join(''), roman: `${rs} ${g.map((x) => x[1]).join(' ')}`, mail: `${g[0][1].toLowerCase()}${rs.toLowerCase()}${random.digits(2)}` }
    }
    case 'japan': {
      const [zs, rs] = random.pick(japanese)
      const [zg, rg] = random.pick(japaneseGiven)
      return { native: `${zs} ${zg}`, roman: `${rs.toUpperCase()} ${rg}`, mail: `${rg.toLowerCase()}.${rs.toLowerCase()}` }
    }
    case 'korea': {
      const [zs, rs] = random.pick(korean)
      const [zg, rg] = random.pick(koreanGiven)
      return { native: zs + zg, roman: `${rs} ${rg}`, mail: `${rg.toLowerCase()}${rs.toLowerCase()}${random.digits(2)}` }
    }
    case 'western': {
      const first = random.pickSkewed(westernFirst, 1.3)
      const last = random.pickSkewed(westernLast, 1.5)
      const plain = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^A-Za-z]/g, '').toLowerCase()
      return { native: `${first} ${last}`, roman: random.chance(0.4) ? `${last.toUpperCase()} ${first}` : null, mail: `${plain(first)}.${plain(last)}${random.digits(2)}` }
    }
  }
}

const nationality: Record<Exclude<Origin, 'western'>, string> = { mainland: 'CN', hongkong: 'HK', macau: 'MO', singapore: 'SG', japan: 'JP', korea: 'KR' }
const languages: Record<Origin, string> = { mainland: 'zh', hongkong: 'yue,en', macau: 'yue,pt', singapore: 'en,zh', japan: 'ja', korea: 'ko', western: 'en' }

/** One guest as the desk would have typed them in: name, romanization, phone, email, company. */
export function syntheticGuest(random: Random): SyntheticGuest {
  const origin = pickOrigin(random)
  const name = nameFor(origin, random)
  const phone = random.chance(0.9) ? phoneFor(origin, random) : null
  const gender = random.pick(['m', 'f'])
  const year = random.int(1950, 2004)
  return {
    origin,
    native_name: name.native,
    roman_name: name.roman,
    salutation: random.chance(0.8) ? (gender === 'm' ? 'mr' : random.pick(['ms', 'mrs'])) : random.chance(0.5) ? random.pick(['dr', 'prof']) : null,
    gender,
    nationality: origin === 'western' ? random.pick(westernNations) : nationality[origin],
    home_city: random.chance(0.7) ? random.pick(cities[origin]) : null,
    languages: languages[origin],
    occupation: random.chance(0.5) ? random.pick(occupations) : null,
    company: random.chance(0.35) ? random.pick(companies) : null,
    phone,
    email: random.chance(0.6) ? `${name.mail}@${random.pick(mailDomains)}` : null,
    birth_date: random.chance(0.6) ? `${year}-${String(random.int(1, 12)).padStart(2, '0')}-${String(random.int(1, 28)).padStart(2, '0')}` : null,
    document_no: random.chance(0.5) ? `${random.pick(['E', 'G', 'K', 'M', 'P'])}${random.digits(8)}` : null,
    vip: random.chance(0.03) ? random.int(1, 3) : 0,
    notes: random.chance(0.05) ? 'Prefers to be greeted by name.' : null,
  }
}
