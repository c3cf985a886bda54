const salutations: Record<string, { en: string; zh: string }> = {
  mr: { en: 'Mr', zh: '先生' },
  ms: { en: 'Ms', zh: '女士' },
  mrs: { en: 'Mrs', zh: '夫人' },
  dr: { en: 'Dr', zh: '博士' },
  prof: { en: 'Prof.', zh: '教授' },
}

const hanOrKana = /[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]/

/** How prompts name a guest: "Mr HO Ka Chun" in English, "何家俊先生" in Chinese. */
export function displayName(
  guest: { native_name: string; roman_name: string | null; salutation: string | null },
  lang: 'en' | 'zh',
): string {
  const title = guest.salutation ? salutations[guest.salutation] : undefined
  if (lang === 'en') {
    const name = guest.roman_name || guest.native_name
    return title ? `${title.en} ${name}` : name
  }
  const native = guest.native_name || guest.roman_name || ''
  if (!title) return native
  return hanOrKana.test(native) ? `${native}${title.zh}` : `${native} ${title.zh}`
}

/**
 * Folds text the way a person searching expects: case, accents and full-width forms
 * do not matter ("ＺＨＡＮＧ", "Zhāng" and "zhang" are the same).
 */
export function foldForSearch(text: string): string {
  return text
    .normalize('NFKC')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim()
}

export function phoneDigits(phone: string | null | undefined): string {
  return (phone ?? '').normalize('NFKC').replace(/\D/g, '')
}

