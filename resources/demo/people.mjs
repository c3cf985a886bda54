// Name, place and company tables for the demo guests (read by generate.mjs).
// Every person is invented; phone ranges are reserved for fiction where a country has one.

/** "汉字:Roman" pairs separated by spaces; a third field, where present, is m or f. */
const table = (text) =>
  text
    .trim()
    .split(/\s+/)
    .map((cell) => {
      const [native, roman, gender] = cell.split(':')
      return { native, roman: roman.replace(/_/g, ' '), gender: gender ?? null }
    })

/** Mainland China: surname and given name in simplified characters, Hanyu Pinyin. */
export const mainland = {
  surnames: table(`
    王:Wang 李:Li 张:Zhang 刘:Liu 陈:Chen 杨:Yang 黄:Huang 赵:Zhao 吴:Wu 周:Zhou 徐:Xu 孙:Sun
    马:Ma 朱:Zhu 胡:Hu 郭:Guo 高:Gao 林:Lin 罗:Luo 梁:Liang 宋:Song 唐:Tang 韩:Han 冯:Feng
    邓:Deng 彭:Peng 田:Tian 董:Dong 潘:Pan 袁:Yuan 蒋:Jiang 蔡:Cai 杜:Du 叶:Ye 程:Cheng 魏:Wei
    苏:Su 丁:Ding 任:Ren 沈:Shen 姚:Yao 崔:Cui 钟:Zhong 谭:Tan 范:Fan 金:Jin 廖:Liao 贾:Jia
    夏:Xia 方:Fang 邹:Zou 孟:Meng 熊:Xiong 秦:Qin 邱:Qiu 薛:Xue 雷:Lei 侯:Hou 谢:Xie 顾:Gu
  `),
  given: table(`
    建华:Jianhua:m 志强:Zhiqiang:m 海燕:Haiyan:f 晓东:Xiaodong:m 立新:Lixin:m 文博:Wenbo:m
    雪梅:Xuemei:f 子轩:Zixuan:m 欣怡:Xinyi:f 浩然:Haoran:m 思远:Siyuan:m 佳琪:Jiaqi:f
    国栋:Guodong:m 卫东:Weidong:m 丽华:Lihua:f 振宇:Zhenyu:m 鹏飞:Pengfei:m 婷婷:Tingting:f
    慧敏:Huimin:f 俊杰:Junjie:m 红梅:Hongmei:f 永康:Yongkang:m 德明:Deming:m 玉兰:Yulan:f
    建平:Jianping:m 晓明:Xiaoming:m 嘉怡:Jiayi:f 一鸣:Yiming:m 明轩:Mingxuan:m 雨桐:Yutong:f
    文静:Wenjing:f 秀英:Xiuying:f 春生:Chunsheng:m 伟:Wei:m 芳:Fang:f 敏:Min:f 静:Jing:f
    磊:Lei:m 军:Jun:m 洋:Yang:m 勇:Yong:m 杰:Jie:m 涛:Tao:m 霞:Xia:f 刚:Gang:m 颖:Ying:f
    宏伟:Hongwei:m 秋菊:Qiuju:f 冬梅:Dongmei:f 志刚:Zhigang:m 新民:Xinmin:m 宇航:Yuhang:m
    梦洁:Mengjie:f 若兰:Ruolan:f 世杰:Shijie:m 家明:Jiaming:m 晨曦:Chenxi:f 博文:Bowen:m
  `),
  cities: '上海 北京 广州 深圳 杭州 武汉 西安 南京 重庆 温州 苏州 青岛 厦门 昆明 天津 郑州'.split(' '),
}

/** Hong Kong and Macau: traditional characters, Hong Kong government Cantonese romanization. */
export const cantonese = {
  surnames: table(`
    陳:CHAN 黃:WONG 李:LEE 張:CHEUNG 梁:LEUNG 林:LAM 劉:LAU 吳:NG 郭:KWOK 楊:YEUNG 鄧:TANG
    麥:MAK 馮:FUNG 蔡:CHOI 謝:TSE 羅:LAW 區:AU 葉:YIP 蕭:SIU 譚:TAM
  `),
  given: table(`
    志明:Chi_Ming:m 嘉欣:Ka_Yan:f 詠詩:Wing_Sze:f 偉文:Wai_Man:m 美玲:Mei_Ling:f 國華:Kwok_Wah:m
    淑儀:Suk_Yee:f 俊傑:Chun_Kit:m 浩賢:Ho_Yin:m 家樂:Ka_Lok:m 思穎:Sze_Wing:f 子健:Tsz_Kin:m
    麗珠:Lai_Chu:f 展鵬:Chin_Pang:m 綺雯:Yee_Man:f 永康:Wing_Hong:m 德華:Tak_Wah:m 凱琳:Hoi_Lam:f
  `),
}

/** Taiwan: traditional characters, Wade–Giles as on Taiwanese passports. */
export const taiwan = {
  surnames: table(`陳:CHEN 林:LIN 黃:HUANG 張:CHANG 王:WANG 吳:WU 劉:LIU 蔡:TSAI 楊:YANG 許:HSU 謝:HSIEH 郭:KUO`),
  given: table(`
    志明:Chih-Ming:m 淑芬:Shu-Fen:f 家豪:Chia-Hao:m 怡君:Yi-Chun:f 俊宏:Chun-Hung:m 雅婷:Ya-Ting:f
    建宏:Chien-Hung:m 美惠:Mei-Hui:f 宗翰:Tsung-Han:m 佩珊:Pei-Shan:f 冠宇:Kuan-Yu:m 欣妤:Hsin-Yu:f
  `),
  cities: '台北 台中 高雄 新竹'.split(' '),
}

/** Singapore and Malaysia: simplified characters, Hokkien, Teochew or Cantonese spellings. */
export const nanyang = {
  surnames: table(`陈:TAN 林:LIM 李:LEE 黄:NG 张:TEO 王:ONG 吴:GOH 郑:TAY 刘:LAU 蔡:CHUA 梁:LEONG 许:KHOO`),
  given: table(`
    伟明:Wei_Ming:m 美玲:Mei_Ling:f 志强:Chee_Keong:m 丽华:Lay_Hua:f 俊杰:Jun_Jie:m 慧敏:Hui_Min:f
    家伟:Kah_Wai:m 秀英:Siew_Ying:f 国良:Kok_Leong:m 美仪:Mei_Yee:f 伟杰:Wai_Kit:m 秀兰:Siew_Lan:f
  `),
}

/** Japan: kanji with the family name first, Hepburn romanization. */
export const japan = {
  surnames: table(`
    田中:TANAKA 佐藤:SATO 鈴木:SUZUKI 高橋:TAKAHASHI 渡辺:WATANABE 伊藤:ITO 山本:YAMAMOTO
    中村:NAKAMURA 小林:KOBAYASHI 加藤:KATO 吉田:YOSHIDA 松本:MATSUMOTO 井上:INOUE 木村:KIMURA
  `),
  given: table(`
    健一:Kenichi:m 大輔:Daisuke:m 翔太:Shota:m 誠:Makoto:m 浩:Hiroshi:m 拓也:Takuya:m
    美咲:Misaki:f 由美:Yumi:f 陽子:Yoko:f 恵:Megumi:f 直子:Naoko:f 真理子:Mariko:f
  `),
  cities: 'Tokyo Osaka Nagoya Fukuoka Yokohama'.split(' '),
}

/** Korea: Hangul, Revised Romanization (with the family names people actually use). */
export const korea = {
  surnames: table(`김:KIM 이:LEE 박:PARK 최:CHOI 정:JUNG 강:KANG 조:CHO 윤:YOON 장:JANG 한:HAN 오:OH 서:SEO 신:SHIN`),
  given: table(`
    민준:Minjun:m 서연:Seoyeon:f 지훈:Jihoon:m 수빈:Subin:f 현우:Hyunwoo:m 지은:Jieun:f
    성민:Sungmin:m 예진:Yejin:f 동현:Donghyun:m 하은:Haeun:f 재원:Jaewon:m 유나:Yuna:f
  `),
  cities: 'Seoul Busan Incheon Daegu'.split(' '),
}

/** Guests from further away, by country: [given, family, gender]. Names as on the passport. */
export const western = [
  { country: 'US', languages: ['en'], city: 'San Francisco', people: ['Michael:Thompson:m', 'Jennifer:Davis:f', 'Robert:Whitfield:m', 'Sarah:Kowalski:f', 'Daniel:Brooks:m'] },
  { country: 'GB', languages: ['en'], city: 'London', people: ['James:Clarke:m', 'Emma:Hughes:f', 'Oliver:Bennett:m', 'Harriet:Lowe:f'] },
  { country: 'DE', languages: ['de', 'en'], city: 'Munich', people: ['Stefan:Becker:m', 'Katrin:Schmidt:f', 'Jürgen:Hoffmann:m'] },
  { country: 'FR', languages: ['fr', 'en'], city: 'Lyon', people: ['Sophie:Lefèvre:f', 'Julien:Moreau:m', 'Camille:Dubois:f'] },
  { country: 'AU', languages: ['en'], city: 'Melbourne', people: ["Liam:O'Brien:m", 'Chloe:Mitchell:f'] },
  { country: 'CA', languages: ['en', 'fr'], city: 'Montreal', people: ['Étienne:Tremblay:m', 'Emily:Roy:f'] },
  { country: 'NL', languages: ['nl', 'en'], city: 'Rotterdam', people: ['Pieter:de Vries:m', 'Anouk:Jansen:f'] },
  { country: 'IT', languages: ['it', 'en'], city: 'Milan', people: ['Marco:Bianchi:m', 'Giulia:Ferrari:f'] },
].map((c) => ({ ...c, people: c.people.map((p) => p.split(':')).map(([given, family, gender]) => ({ given, family, gender })) }))

/** Occupation and company, by where a guest comes from. Companies are invented. */
export const work = {
  mainland: [
    ['General manager', '鼎盛建工集团'],
    ['Sales director', '远航物流有限公司'],
    ['Senior engineer', '中科智联科技有限公司'],
    ['Lawyer', '正和律师事务所'],
    ['Physician', '仁济协和医院'],
    ['Architect', '长河建筑设计研究院'],
    ['Purchasing manager', '锦程国际贸易有限公司'],
    ['Investment manager', '恒信资本'],
    ['Professor', '西部理工大学'],
    ['Finance director', '华隆医药股份有限公司'],
    ['Project manager', '蓝海新能源有限公司'],
    ['Journalist', '南方经济周刊'],
  ],
  hongKong: [
    ['Fund manager', 'Harbourfront Capital'],
    ['Solicitor', 'Lam & Partners'],
    ['Trader', 'Pearl River Textiles Ltd'],
    ['Architect', 'Kowloon Design Studio'],
    ['Surgeon', 'Victoria Medical Centre'],
  ],
  taiwan: [
    ['Semiconductor engineer', '新竹晶元科技'],
    ['Factory manager', '台中精密機械'],
    ['Tea merchant', '阿里山茗茶行'],
  ],
  nanyang: [
    ['Regional director', 'Straits Pacific Holdings'],
    ['Engineer', 'Lion City Engineering Pte Ltd'],
    ['Property developer', 'Peninsula Land Sdn Bhd'],
    ['Banker', 'Merlion Private Bank'],
  ],
  japan: [
    ['Engineer', '東和電機'],
    ['Buyer', '丸山商事'],
    ['Researcher', '北斗製薬'],
  ],
  korea: [
    ['Engineer', 'Hanbit Electronics'],
    ['Sales manager', 'Daesung Chemical'],
  ],
  western: [
    ['Procurement director', 'Northgate Industrial'],
    ['Consultant', 'Meridian Advisory'],
    ['Professor', 'University exchange programme'],
    ['Engineer', 'Alpenwerk GmbH'],
    ['Journalist', 'Freelance'],
  ],
}
