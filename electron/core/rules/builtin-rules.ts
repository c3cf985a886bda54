import { findDepartment, insertDepartment } from '../departments/department.repository'
import type { Sqlite } from '../db/query'
import { getSetting, putSetting } from '../setup/setting.repository'
import type { RuleConditions } from './rule-conditions'
import { findRuleByKey, insertRule, nextRulePosition } from './rule.repository'

/*
 * The rules Zhike ships with every hotel, not only the demo: access needs (hearing, mobility,
 * vision), avoided food, VIPs, and birthdays during the stay. Installed once per store when
 * their department exists (new hotel: after setup; existing stores: at start), by key, so a rule
 * a manager edited or switched off is never put back. Their texts name the action, not the
 * diagnosis, wherever a department only needs the action.
 */

interface BuiltinRule {
  key: string
  kind: 'task' | 'standing'
  trigger: 'reservation' | 'pre_arrival' | 'check_in' | 'recovery' | 'post_stay'
  /** post_stay: days after departure, at `atTime` (hotel time 'HH:MM'). */
  offsetDays?: number
  atTime?: string
  category: string
  code: string
  value: string | null
  polarity: 'wanted' | 'unwanted' | 'any'
  conditions?: RuleConditions
  department: string
  priority: 'low' | 'normal' | 'high' | 'urgent'
  dueMinutes: number
  /** Minutes to acknowledge; default: the department's promise. */
  ackMinutes?: number
  /** Installed for this department when `department` does not exist (a hotel without guest relations: the front office). */
  fallbackDepartment?: string
  en: string
  zh: string
  /** Not installed where a rule of one of these keys exists (the demo's own rule for the same need). */
  replaces?: readonly string[]
}

/** Bump when the list below grows: stores install the new keys at their next start. */
export const builtinRulesVersion = '2'
const versionKey = 'rules.builtin.version'

/** The telephone operator (总机): part of the front office, for the hearing rules' wake-up calls. */
const operatorDepartment = { code: 'operator', name_en: 'Telephone operator', name_zh: '总机', promise_minutes: 10, parent_code: 'front_office' }

const hearing = { category: 'access', code: 'hearing', value: null, polarity: 'wanted' } as const
const mobility = { category: 'access', code: 'mobility', value: null, polarity: 'wanted' } as const
const vision = { category: 'access', code: 'vision', value: null, polarity: 'wanted' } as const

export const builtinRules: readonly BuiltinRule[] = [
  { key: 'builtin-hearing-kit', replaces: ['hearing-alarm'], kind: 'task', trigger: 'pre_arrival', ...hearing, department: 'housekeeping', priority: 'high', dueMinutes: 60,
    en: 'Before the guest arrives, put the visual fire alarm and the vibrating alarm kit in room {room}.',
    zh: '客人到达前，在{room}房间放置可视火警灯和振动提醒套件。' },
  { key: 'builtin-hearing-door', replaces: ['hearing-housekeeping'], kind: 'standing', trigger: 'check_in', ...hearing, department: 'housekeeping', priority: 'normal', dueMinutes: 30,
    en: 'Room {room}: knock firmly and use the door light; do not rely on calling out.',
    zh: '{room}房：敲门要用力并使用门灯，不要只靠呼喊。' },
  { key: 'builtin-hearing-operator', kind: 'standing', trigger: 'check_in', ...hearing, department: 'operator', priority: 'high', dueMinutes: 15,
    en: 'Room {room}: no phone wake-up calls. Give wake-ups and messages by text message or a visit to the door.',
    zh: '{room}房：不要电话叫醒。叫醒和留言请用短信或上门告知。' },
  { key: 'builtin-hearing-desk', kind: 'standing', trigger: 'check_in', ...hearing, department: 'front_office', priority: 'normal', dueMinutes: 15,
    en: '{guest} (room {room}): face the guest when speaking, speak clearly, and offer to write things down.',
    zh: '{guest}（{room}房）：说话时面向客人、吐字清楚，并可提出用书写沟通。' },
  { key: 'builtin-hearing-evacuation', replaces: ['evacuation-hearing'], kind: 'standing', trigger: 'check_in', ...hearing, department: 'security', priority: 'high', dueMinutes: 30,
    en: 'Add room {room} to the evacuation list: alert this guest in person or by light, not by sound alone.',
    zh: '将{room}房列入紧急疏散名单：须当面或以灯光提醒，不能只靠声音。' },
  { key: 'builtin-mobility-room', replaces: ['wheelchair-room'], kind: 'task', trigger: 'pre_arrival', ...mobility, department: 'housekeeping', priority: 'high', dueMinutes: 60,
    en: 'Before the guest arrives, check room {room}: clear path, grab rails, shower seat, everything within reach.',
    zh: '客人到达前检查{room}房间：通道畅通、扶手、淋浴椅，物品伸手可及。' },
  { key: 'builtin-mobility-evacuation', replaces: ['evacuation-mobility'], kind: 'standing', trigger: 'check_in', ...mobility, department: 'security', priority: 'high', dueMinutes: 30,
    en: 'Add room {room} to the evacuation list: this guest needs help to leave the building.',
    zh: '将{room}房列入紧急疏散名单：该客人离开建筑需要协助。' },
  { key: 'builtin-mobility-desk', kind: 'standing', trigger: 'check_in', ...mobility, department: 'front_office', priority: 'normal', dueMinutes: 15,
    en: '{guest} (room {room}): offer help with luggage and the step-free way to the room.',
    zh: '{guest}（{room}房）：主动协助搬运行李，并指引无障碍通道。' },
  { key: 'builtin-vision-room', replaces: ['low-vision'], kind: 'standing', trigger: 'check_in', ...vision, department: 'housekeeping', priority: 'normal', dueMinutes: 30,
    en: 'Room {room}: say who you are when you enter, and leave everything where the guest put it.',
    zh: '{room}房：进房时先说明身份，客人的物品请放回原处。' },
  { key: 'builtin-vision-evacuation', replaces: ['evacuation-vision'], kind: 'standing', trigger: 'check_in', ...vision, department: 'security', priority: 'high', dueMinutes: 30,
    en: 'Add room {room} to the evacuation list: guide this guest out in person.',
    zh: '将{room}房列入紧急疏散名单：须有人当面引导离开。' },
  { key: 'builtin-vision-desk', kind: 'standing', trigger: 'check_in', ...vision, department: 'front_office', priority: 'normal', dueMinutes: 15,
    en: '{guest} (room {room}): offer to read out forms and to walk the guest to the lift.',
    zh: '{guest}（{room}房）：可为客人读出表格内容，并陪同至电梯。' },
  { key: 'builtin-food-allergy', replaces: ['allergy'], kind: 'standing', trigger: 'reservation', category: 'food', code: 'allergy', value: null, polarity: 'any', department: 'restaurant', priority: 'urgent', dueMinutes: 15,
    en: 'Allergy: {guest} must never be served {value}. Tell the kitchen with every order.',
    zh: '过敏：绝不可为{guest}提供{value}，每次点单均须告知厨房。' },
  { key: 'builtin-food-dislike', replaces: ['dislike'], kind: 'standing', trigger: 'reservation', category: 'food', code: 'dislike', value: null, polarity: 'any', department: 'restaurant', priority: 'normal', dueMinutes: 60,
    en: '{guest} does not eat {value}; leave it out unless asked.',
    zh: '{guest}忌口：{value}，客人未要求时请勿使用。' },
  // Every other food the guest avoids or never eats: a dish left untouched, a cuisine.
  { key: 'builtin-food-avoided', kind: 'standing', trigger: 'reservation', category: 'food', code: '', value: null, polarity: 'unwanted', conditions: { exceptCodes: ['allergy', 'dislike'] }, department: 'restaurant', priority: 'normal', dueMinutes: 60,
    en: 'Do not offer {guest} {value}: the guest avoids it.',
    zh: '请勿向{guest}推荐{value}：客人不吃。' },
  { key: 'builtin-vip-arrival', kind: 'task', trigger: 'reservation', category: '', code: '', value: null, polarity: 'wanted', conditions: { vipMin: 1 }, department: 'front_office', priority: 'high', dueMinutes: 60,
    en: 'VIP {vip}: {guest} arrives {arrival}. Prepare the welcome and tell the duty manager.',
    zh: 'VIP {vip}：{guest}将于{arrival}到达。请准备迎宾并通知值班经理。' },
  { key: 'builtin-vip-greeting', kind: 'task', trigger: 'check_in', category: '', code: '', value: null, polarity: 'wanted', conditions: { vipMin: 3 }, department: 'guest_relations', priority: 'high', dueMinutes: 30,
    en: 'VIP {vip} {guest} is in room {room}: the duty manager calls on the guest within 30 minutes.',
    zh: 'VIP {vip} {guest}已入住{room}房：值班经理须在30分钟内登门问候。' },
  { key: 'builtin-birthday', replaces: ['birthday'], kind: 'task', trigger: 'reservation', category: '', code: '', value: null, polarity: 'wanted', conditions: { occasion: 'birthday' }, department: 'guest_relations', priority: 'normal', dueMinutes: 1440,
    en: '{guest}’s birthday falls on {date}, during the stay: arrange a card and a cake.',
    zh: '{guest}的生日（{date}）在住店期间：请准备贺卡和蛋糕。' },
  // Complaints and recovery (issue 13): fired by the recovery service (trigger 'recovery'), never by
  // a stay's moment; {note} is what the case or the promise says. Guest relations, or the front
  // office in a hotel without it. Managers change department, priority and minutes on the rules screen.
  { key: 'builtin-recovery-first-response', kind: 'task', trigger: 'recovery', category: '', code: '', value: null, polarity: 'wanted', department: 'guest_relations', fallbackDepartment: 'front_office', priority: 'high', ackMinutes: 15, dueMinutes: 1440,
    en: '{guest} (room {room}) was let down: {note}. Go and apologise now, listen, and record the first response.',
    zh: '{guest}（{room}房）遇到了不如意的情况：{note}。请立即前往致歉、倾听，并记录首次回应。' },
  { key: 'builtin-recovery-promise', kind: 'task', trigger: 'recovery', category: '', code: '', value: null, polarity: 'wanted', department: 'guest_relations', fallbackDepartment: 'front_office', priority: 'high', dueMinutes: 1440,
    en: 'We promised the guest in room {room}: {note}. Keep this promise by {date}, then mark it done.',
    zh: '我们已向{room}房客人承诺：{note}。请在{date}前兑现，完成后标记完成。' },
  { key: 'builtin-recovery-follow-up', kind: 'task', trigger: 'recovery', category: '', code: '', value: null, polarity: 'wanted', department: 'guest_relations', fallbackDepartment: 'front_office', priority: 'normal', dueMinutes: 60,
    en: 'Follow up with {guest} (room {room}) about: {note}. Ask whether all is now well.',
    zh: '请回访{guest}（{room}房），关于：{note}。询问客人现在是否满意。' },
  // The next stay remembers (recovery/recovery-memory.ts): a promise still open from an earlier
  // stay goes to the promise's department, "a problem last time" to each department concerned
  // (the department below is only the rule's default). {note}: the promise, or the category in words.
  { key: 'builtin-recovery-open-promise', kind: 'task', trigger: 'recovery', category: '', code: '', value: null, polarity: 'wanted', department: 'front_office', fallbackDepartment: 'guest_relations', priority: 'high', dueMinutes: 120,
    en: 'We promised {guest} last time: {note}. Make sure it is kept this stay.',
    zh: '上次我们向{guest}承诺：{note}。请确保本次入住兑现。' },
  { key: 'builtin-recovery-last-time', kind: 'standing', trigger: 'recovery', category: '', code: '', value: null, polarity: 'wanted', department: 'front_office', fallbackDepartment: 'guest_relations', priority: 'normal', dueMinutes: 30,
    en: '{guest} (room {room}) had a problem with {note} last time. Take extra care this stay.',
    zh: '{guest}（{room}房）上次入住时在{note}方面遇到过问题，本次请格外用心。' },
  // After the stay: guest relations call a guest who had a problem, N days after departure (the scheduler).
  { key: 'builtin-recovery-post-stay', kind: 'task', trigger: 'post_stay', offsetDays: 3, atTime: '10:00', category: '', code: '', value: null, polarity: 'wanted', conditions: { recoveryCase: true }, department: 'guest_relations', fallbackDepartment: 'front_office', priority: 'normal', dueMinutes: 480,
    en: 'Call {guest}, who left on {departure}: they had a problem during the stay. Ask how they are and whether all was put right; record a satisfaction score.',
    zh: '请致电{departure}离店的{guest}：客人住店期间遇到过问题。请问候客人，确认问题是否已妥善解决，并记录满意度评分。' },
]

/**
 * Installs the built-in rules this store lacks, for departments it has (the operator desk is
 * added under the front office when the front office exists). A rule whose key exists (the
 * demo's, or one a manager changed) is left alone. Returns the keys installed.
 */
export function installBuiltinRules(sqlite: Sqlite, now: Date): string[] {
  if (findDepartment(sqlite, 'front_office') && !findDepartment(sqlite, 'operator')) insertDepartment(sqlite, { ...operatorDepartment, active: 1 })
  const installed: string[] = []
  for (const rule of builtinRules) {
    const department = findDepartment(sqlite, rule.department) ? rule.department : rule.fallbackDepartment && findDepartment(sqlite, rule.fallbackDepartment) ? rule.fallbackDepartment : null
    if (findRuleByKey(sqlite, rule.key) || department === null) continue
    if (rule.replaces?.some((key) => findRuleByKey(sqlite, key))) continue
    insertRule(sqlite, {
      key: rule.key,
      kind: rule.kind,
      trigger: rule.trigger,
      category: rule.category,
      code: rule.code,
      value: rule.value,
      polarity: rule.polarity,
      conditions: JSON.stringify(rule.conditions ?? {}),
      department_code: department,
      priority: rule.priority,
      due_minutes: rule.dueMinutes,
      ack_minutes: rule.ackMinutes ?? null,
      offset_days: rule.offsetDays ?? null,
      at_time: rule.atTime ?? null,
      template_en: rule.en,
      template_zh: rule.zh,
      active: 1,
      builtin: 1,
      position: nextRulePosition(sqlite) + 100_000,
      updated_at: now.toISOString(),
    })
    installed.push(rule.key)
  }
  return installed
}

/** At start: stores set up before this version get the built-in rules once (their departments permitting). */
export function installBuiltinRulesOnce(sqlite: Sqlite, now: Date): void {
  if (getSetting(sqlite, versionKey) === builtinRulesVersion) return
  if (!findDepartment(sqlite, 'front_office') && !findDepartment(sqlite, 'housekeeping')) return // not set up yet
  installBuiltinRules(sqlite, now)
  putSetting(sqlite, versionKey, builtinRulesVersion)
}
