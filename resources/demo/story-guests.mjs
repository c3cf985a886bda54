// The guests the source story, the tests and the tour rely on (docs: shared/MISSION.md).
// Exact names, codes and rooms matter here; everyone else is generated in generate.mjs.

/** One preference as preference.add takes it. */
export const pref = (category, code, value, strength = 'preferred', note) => ({ category, code, value, strength, ...(note ? { note } : {}) })

// Rooms the story needs vacant on arrival: 10F south for the Macau guest, west + visual alarm
// (with an 8) for Mr Zhuang, and an accessible room with a visual alarm.
export const keepVacant = new Set(['1001', '1002', '1003', '1004', '1005', '1006', '820', '1220', '306'])

export const storyGuests = [
  {
    key: 'macau-advertising',
    plan: 'today',
    nativeName: '何家俊', romanName: 'HO Ka Chun', salutation: 'mr', gender: 'm', nationality: 'MO', homeCity: '澳门',
    languages: ['yue', 'zh', 'en', 'pt'], occupation: 'Advertising executive', company: 'Lusitano Creative Ltd',
    phone: '+853 6612 3456', email: 'kc.ho@example.com', birthDate: '1979-05-21', vip: 1,
    notes: 'Travels to the mainland for advertising clients about four times a year.',
    preferences: [
      pref('room', 'floor', '10'),
      pref('room', 'facing', 'S'),
      pref('food', 'cuisine', 'sichuan'),
      pref('food', 'condiment', 'chilli_sichuan_pepper_oil', 'preferred', 'In small dishes, with every meal.'),
      pref('reading', 'periodical', 'mainland_advertising'),
    ],
    stays: [{ arrival: -240, nights: 4, room: '1003' }, { arrival: -118, nights: 2, room: '1006' }, { arrival: -32, nights: 3, room: '1004' }, { arrival: 0, nights: 3 }],
  },
  {
    key: 'singapore-zhuang',
    plan: 'today',
    nativeName: '庄志明', romanName: 'ZHUANG Zhiming', salutation: 'mr', gender: 'm', nationality: 'SG', homeCity: '新加坡',
    languages: ['zh', 'en'], occupation: 'Company director', company: 'Nanyang Orchid Trading Pte Ltd',
    phone: '+65 9123 4567', email: 'zhuang.zm@example.com', birthDate: '1958-08-18', vip: 2,
    notes: 'Overseas Chinese; learned over several stays what he likes. Speak clearly and face him.',
    preferences: [
      pref('room', 'facing', 'W'),
      pref('number', 'lucky', '8'),
      pref('number', 'unlucky', '4', 'avoid'),
      pref('access', 'hearing', 'hard_of_hearing', 'required', 'Hears little on the left; face him when speaking.'),
      pref('amenity', 'flowers', 'orchid'),
      pref('amenity', 'toiletries_scent', 'sandalwood'),
      pref('interest', 'hobby', 'chinese_chess'),
      pref('interest', 'hobby', 'tea'),
      pref('reading', 'newspaper', 'lianhe_zaobao'),
    ],
    stays: [{ arrival: -470, nights: 4, room: '820' }, { arrival: -330, nights: 3, room: '920' }, { arrival: -175, nights: 5, room: '1020' }, { arrival: -61, nights: 4, room: '820' }, { arrival: 0, nights: 4 }],
  },
  {
    // No shoe-care preference yet: housekeeping's observation is how the hotel learns it.
    key: 'contractor-zheng',
    plan: 'inHouse',
    nativeName: '郑国强', romanName: 'ZHENG Guoqiang', salutation: 'mr', gender: 'm', nationality: 'CN', homeCity: '温州',
    languages: ['zh'], occupation: 'Building contractor', company: '宏基建设工程有限公司',
    phone: '+86 138 5770 2266', email: null, birthDate: '1968-11-02', vip: 0,
    notes: 'Long stays while his firm builds the new exhibition centre; leaves for site at 6:30.',
    preferences: [
      pref('room', 'bed', 'king'),
      pref('amenity', 'minibar', 'extra_water', 'preferred', 'Comes back thirsty from site.'),
      pref('food', 'dish', '红烧肉 braised pork belly'),
      pref('service', 'address_as', '郑总'),
      pref('reading', 'newspaper', 'people_daily'),
    ],
    stays: [{ arrival: -340, nights: 28, room: '1116' }, { arrival: -200, nights: 21, room: '712' }, { arrival: -75, nights: 30, room: '716' }, { arrival: -20, nights: 25, room: '716' }],
  },
  // Likely duplicates for guest relations: one person entered twice.
  {
    key: 'duplicate-wang-1',
    plan: 'past',
    nativeName: '王丽华', romanName: 'WANG Lihua', salutation: 'ms', gender: 'f', nationality: 'CN', homeCity: '杭州',
    languages: ['zh'], occupation: 'Finance director', company: '华隆医药股份有限公司',
    phone: '+86 139 0571 8826', email: 'wang.lihua@example.com', birthDate: '1976-03-14', vip: 1,
    preferences: [pref('amenity', 'pillow', 'buckwheat'), pref('amenity', 'toiletries_scent', 'jasmine'), pref('food', 'dislike', 'coriander', 'never')],
    stays: [{ arrival: -300, nights: 2 }, { arrival: -150, nights: 3 }, { arrival: -40, nights: 2 }],
  },
  {
    key: 'duplicate-wang-2',
    plan: 'past',
    nativeName: 'Wang Lihua', romanName: null, salutation: 'ms', gender: 'f', nationality: 'CN', homeCity: null,
    languages: ['zh'], occupation: null, company: null, phone: '13905718826', email: null, birthDate: null, vip: 0,
    notes: 'Late arrival, entered by the night shift.',
    preferences: [pref('room', 'quiet', 'yes')],
    stays: [{ arrival: -90, nights: 1 }],
  },
  {
    key: 'duplicate-chan-1',
    plan: 'past',
    nativeName: '陳志明', romanName: 'CHAN Chi Ming', salutation: 'mr', gender: 'm', nationality: 'HK', homeCity: '香港',
    languages: ['yue', 'en', 'zh'], occupation: 'Trader', company: 'Pearl River Textiles Ltd',
    phone: '+852 9123 8080', email: 'cm.chan@example.net', birthDate: null, vip: 0,
    preferences: [pref('food', 'condiment', 'xo_sauce'), pref('reading', 'newspaper', 'scmp')],
    stays: [{ arrival: -210, nights: 2 }, { arrival: -66, nights: 3 }],
  },
  {
    key: 'duplicate-chan-2',
    plan: 'past',
    nativeName: 'CHAN Chi-Ming', romanName: 'CHAN Chi-Ming', salutation: 'mr', gender: 'm', nationality: 'HK', homeCity: null,
    languages: ['en'], occupation: null, company: 'Pearl River Textiles', phone: null, email: 'CM.Chan@example.net', birthDate: null, vip: 0,
    preferences: [],
    stays: [{ arrival: -20, nights: 2 }],
  },
  // Surnames read differently from the character's everyday reading: 单 Shan, 曾 Zeng, 解 Xie, 仇 Qiu, 朴 Piao.
  {
    key: 'surname-shan', plan: 'past',
    nativeName: '单建华', romanName: 'SHAN Jianhua', salutation: 'prof', gender: 'm', nationality: 'CN', homeCity: '济南',
    languages: ['zh', 'en'], occupation: 'Professor', company: '西部理工大学', phone: '+86 135 3108 4417', email: 'shan.jianhua@example.org', birthDate: '1962-09-09', vip: 0,
    preferences: [pref('reading', 'periodical', 'caixin'), pref('interest', 'hobby', 'calligraphy'), pref('service', 'address_as', '单教授')],
    stays: [{ arrival: -400, nights: 3 }, { arrival: -95, nights: 2 }],
  },
  {
    key: 'surname-zeng', plan: 'today',
    nativeName: '曾文静', romanName: 'ZENG Wenjing', salutation: 'ms', gender: 'f', nationality: 'CN', homeCity: '长沙',
    languages: ['zh', 'en'], occupation: 'Lawyer', company: '正和律师事务所', phone: '+86 186 7311 2059', email: 'zeng.wenjing@example.com', birthDate: null, vip: 0,
    preferences: [pref('food', 'allergy', 'shellfish', 'never'), pref('amenity', 'pillow', 'memory_foam')],
    stays: [{ arrival: -130, nights: 2 }, { arrival: 0, nights: 2 }],
  },
  {
    // Registered from his identity card, which has no romanized name: only pinyin finds her.
    key: 'surname-xie', plan: 'inHouse',
    nativeName: '解振宇', romanName: null, salutation: 'mr', gender: 'm', nationality: 'CN', homeCity: '太原',
    languages: ['zh'], occupation: 'Senior engineer', company: '中科智联科技有限公司', phone: '+86 158 3402 7731', email: null, birthDate: null, vip: 0,
    preferences: [pref('room', 'quiet', 'yes', 'required', 'Light sleeper.'), pref('food', 'condiment', 'black_vinegar')],
    stays: [{ arrival: -3, nights: 5 }],
  },
  {
    key: 'surname-qiu', plan: 'future',
    nativeName: '仇海燕', romanName: null, salutation: 'ms', gender: 'f', nationality: 'CN', homeCity: '南京',
    languages: ['zh'], occupation: 'Physician', company: '仁济协和医院', phone: '+86 139 5176 0348', email: null, birthDate: null, vip: 0,
    preferences: [pref('amenity', 'flowers', 'lily'), pref('food', 'diet', 'low_sugar', 'required')],
    stays: [{ arrival: -180, nights: 2 }, { arrival: 12, nights: 3 }],
  },
  {
    key: 'surname-piao', plan: 'past',
    nativeName: '朴成浩', romanName: 'PIAO Chenghao', salutation: 'mr', gender: 'm', nationality: 'CN', homeCity: '延吉',
    languages: ['zh', 'ko'], occupation: 'Purchasing manager', company: '锦程国际贸易有限公司', phone: '+86 136 4433 9012', email: 'piao.chenghao@example.com', birthDate: null, vip: 0,
    preferences: [pref('service', 'language', 'ko'), pref('food', 'dislike', 'coriander')],
    stays: [{ arrival: -260, nights: 3 }, { arrival: -50, nights: 2 }],
  },
  {
    key: 'halal-hafiz', plan: 'future',
    nativeName: 'Muhammad Hafiz bin Ismail', romanName: 'MUHAMMAD HAFIZ BIN ISMAIL', salutation: 'mr', gender: 'm', nationality: 'MY', homeCity: 'Kuala Lumpur',
    languages: ['ms', 'en'], occupation: 'Engineer', company: 'Peninsula Land Sdn Bhd', phone: '+60 12-448 2210', email: 'hafiz.ismail@example.com', birthDate: null, vip: 0,
    preferences: [pref('food', 'diet', 'halal', 'required'), pref('amenity', 'minibar', 'no_alcohol', 'required')],
    stays: [{ arrival: -140, nights: 3 }, { arrival: 5, nights: 4 }],
  },
  {
    key: 'vegetarian-priya', plan: 'inHouse',
    nativeName: 'Priya Nair', romanName: 'NAIR Priya', salutation: 'dr', gender: 'f', nationality: 'SG', homeCity: 'Singapore',
    languages: ['en', 'ta'], occupation: 'Physician', company: 'Tanglin Medical Centre', phone: '+65 8122 0734', email: 'priya.nair@example.org', birthDate: '1984-12-03', vip: 1,
    preferences: [pref('food', 'diet', 'vegetarian', 'required'), pref('food', 'allergy', 'peanut', 'never', 'Severe: carries an adrenaline pen.'), pref('occasion', 'birthday', '12-03')],
    stays: [{ arrival: -2, nights: 4 }],
  },
]
