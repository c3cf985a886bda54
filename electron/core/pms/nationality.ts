// A PMS's nationality column as the two-letter code guest profiles keep (ISO 3166-1 alpha-2).

// ISO 3166-1 alpha-3 → alpha-2, written as "AFGAF ALAAX …", plus passports' own codes (D for
// Germany in the machine-readable zone, GBD/GBN/GBO/GBP/GBS for British nationals, XKX Kosovo).
const alpha3Table =
  'AFGAF ALAAX ALBAL DZADZ ASMAS ANDAD AGOAO AIAAI ATAAQ ATGAG ARGAR ARMAM ABWAW AUSAU AUTAT AZEAZ BHSBS BHRBH BGDBD BRBBB ' +
  'BLRBY BELBE BLZBZ BENBJ BMUBM BTNBT BOLBO BESBQ BIHBA BWABW BVTBV BRABR IOTIO BRNBN BGRBG BFABF BDIBI CPVCV KHMKH CMRCM ' +
  'CANCA CYMKY CAFCF TCDTD CHLCL CHNCN CXRCX CCKCC COLCO COMKM COGCG CODCD COKCK CRICR CIVCI HRVHR CUBCU CUWCW CYPCY CZECZ ' +
  'DNKDK DJIDJ DMADM DOMDO ECUEC EGYEG SLVSV GNQGQ ERIER ESTEE SWZSZ ETHET FLKFK FROFO FJIFJ FINFI FRAFR GUFGF PYFPF ATFTF ' +
  'GABGA GMBGM GEOGE DEUDE GHAGH GIBGI GRCGR GRLGL GRDGD GLPGP GUMGU GTMGT GGYGG GINGN GNBGW GUYGY HTIHT HMDHM VATVA HNDHN ' +
  'HKGHK HUNHU ISLIS INDIN IDNID IRNIR IRQIQ IRLIE IMNIM ISRIL ITAIT JAMJM JPNJP JEYJE JORJO KAZKZ KENKE KIRKI PRKKP KORKR ' +
  'KWTKW KGZKG LAOLA LVALV LBNLB LSOLS LBRLR LBYLY LIELI LTULT LUXLU MACMO MDGMG MWIMW MYSMY MDVMV MLIML MLTMT MHLMH MTQMQ ' +
  'MRTMR MUSMU MYTYT MEXMX FSMFM MDAMD MCOMC MNGMN MNEME MSRMS MARMA MOZMZ MMRMM NAMNA NRUNR NPLNP NLDNL NCLNC NZLNZ NICNI ' +
  'NERNE NGANG NIUNU NFKNF MKDMK MNPMP NORNO OMNOM PAKPK PLWPW PSEPS PANPA PNGPG PRYPY PERPE PHLPH PCNPN POLPL PRTPT PRIPR ' +
  'QATQA REURE ROURO RUSRU RWARW BLMBL SHNSH KNAKN LCALC MAFMF SPMPM VCTVC WSMWS SMRSM STPST SAUSA SENSN SRBRS SYCSC SLESL ' +
  'SGPSG SXMSX SVKSK SVNSI SLBSB SOMSO ZAFZA SGSGS SSDSS ESPES LKALK SDNSD SURSR SJMSJ SWESE CHECH SYRSY TWNTW TJKTJ TZATZ ' +
  'THATH TLSTL TGOTG TKLTK TONTO TTOTT TUNTN TURTR TKMTM TCATC TUVTV UGAUG UKRUA AREAE GBRGB USAUS UMIUM URYUY UZBUZ VUTVU ' +
  'VENVE VNMVN VGBVG VIRVI WLFWF ESHEH YEMYE ZMBZM ZWEZW XKXXK GBDGB GBNGB GBOGB GBPGB GBSGB'

const alpha3 = new Map(alpha3Table.split(' ').map((entry) => [entry.slice(0, 3), entry.slice(3)]))
/** Every alpha-2 code a guest's nationality may hold. */
export const countryCodes: ReadonlySet<string> = new Set(alpha3.values())

// What hotels and PMSs write that the region names in Intl do not say.
const aliases: Record<string, string> = {
  'hong kong': 'HK', 'hongkong': 'HK', 'hk sar': 'HK', '香港': 'HK', '中国香港': 'HK', '香港特别行政区': 'HK',
  'macau': 'MO', 'macao': 'MO', '澳门': 'MO', '中国澳门': 'MO', '澳门特别行政区': 'MO',
  '台湾': 'TW', '中国台湾': 'TW', '台灣': 'TW', 'chinese taipei': 'TW',
  'prc': 'CN', "people's republic of china": 'CN', 'mainland china': 'CN', '中国大陆': 'CN', '中华人民共和国': 'CN', '内地': 'CN',
  'usa': 'US', 'u s a': 'US', 'america': 'US', 'united states of america': 'US', '美国': 'US',
  'uk': 'GB', 'great britain': 'GB', 'britain': 'GB', 'england': 'GB', 'scotland': 'GB', 'wales': 'GB',
  'korea': 'KR', 'korea republic of': 'KR', 'korea south': 'KR', 'republic of korea': 'KR', 'south korea': 'KR', '南韩': 'KR', '韩国': 'KR',
  'russian federation': 'RU', 'viet nam': 'VN', 'holland': 'NL', 'the netherlands': 'NL', 'uae': 'AE',
  chinese: 'CN', american: 'US', british: 'GB', japanese: 'JP', korean: 'KR', german: 'DE', french: 'FR',
  singaporean: 'SG', malaysian: 'MY', australian: 'AU', canadian: 'CA', indian: 'IN', thai: 'TH', filipino: 'PH',
  indonesian: 'ID', italian: 'IT', spanish: 'ES', dutch: 'NL', swiss: 'CH', russian: 'RU', vietnamese: 'VN',
  portuguese: 'PT', 'new zealander': 'NZ', irish: 'IE', swedish: 'SE', danish: 'DK', norwegian: 'NO', finnish: 'FI',
  austrian: 'AT', belgian: 'BE', polish: 'PL', brazilian: 'BR', mexican: 'MX', israeli: 'IL', turkish: 'TR',
}

const key = (text: string) =>
  text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s.·,()]+/g, ' ')
    .trim()

let names: Map<string, string> | undefined
function countryNames(): Map<string, string> {
  if (names) return names
  names = new Map()
  for (const locale of ['en', 'zh-Hans', 'zh-Hant']) {
    const display = new Intl.DisplayNames([locale], { type: 'region', fallback: 'none' })
    for (const code of countryCodes) {
      const name = display.of(code)
      if (name) names.set(key(name), code)
    }
  }
  for (const [alias, code] of Object.entries(aliases)) names.set(key(alias), code)
  return names
}

/**
 * A nationality as an ISO 3166-1 alpha-2 code: "CN", "cn", "CHN", "China", "中国", "Hong Kong",
 * "中国香港", "Chinese" are all CN or HK as meant. Null when it names no country Zhike knows.
 */
export function parseNationality(text: string): string | null {
  const value = text.trim()
  if (value === '') return null
  const upper = value.toUpperCase()
  if (/^[A-Z]{2}$/.test(upper) && countryCodes.has(upper)) return upper
  if (/^[A-Z]{3}$/.test(upper) && alpha3.has(upper)) return alpha3.get(upper)!
  if (upper === 'D') return 'DE'
  return countryNames().get(key(value)) ?? null
}
