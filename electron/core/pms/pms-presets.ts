import type { FieldName, ReportKind, RoomStatusFieldName, StayFieldName } from './report-fields'
import type { DateOrder } from './report-values'

/**
 * Column names a PMS's standard reports use, per Zhike field. Several names per field: the same
 * PMS writes "Arrival" in one report and "Arrival Date" in another, and hotels rename columns.
 * Matching ignores case, spaces, punctuation and full-width forms (`headerKey`).
 */
export interface PmsPreset {
  id: string
  name: { en: string; zh: string }
  stay: Partial<Record<StayFieldName, string[]>>
  roomStatus: Partial<Record<RoomStatusFieldName, string[]>>
  dateOrder: DateOrder
}

const opera: PmsPreset = {
  id: 'opera',
  name: { en: 'Oracle OPERA', zh: 'Oracle OPERA' },
  stay: {
    confirmation: ['Conf No', 'Confirmation No', 'Confirmation Number', 'Conf Number', 'CONFIRMATION_NO'],
    profileId: ['Profile ID', 'Name ID', 'NAME_ID', 'Guest Profile ID'],
    membershipNo: ['Membership No', 'Membership Number', 'Member No', 'MEMBERSHIP'],
    guestName: ['Name', 'Guest Name', 'GUEST_NAME', 'Full Name'],
    nativeName: ['Alt Name', 'Alternate Name', 'ALT_NAME'],
    salutation: ['Title', 'Salutation'],
    phone: ['Phone', 'Phone No', 'Mobile', 'Telephone'],
    email: ['Email', 'E-mail', 'Email Address'],
    birthDate: ['Birth Date', 'Date of Birth', 'DOB'],
    nationality: ['Nationality', 'NATIONALITY'],
    vip: ['VIP', 'VIP Code', 'VIP Status'],
    arrival: ['Arrival', 'Arrival Date', 'Arr Date', 'ARRIVAL'],
    departure: ['Departure', 'Departure Date', 'Dep Date', 'DEPARTURE'],
    roomType: ['Room Type', 'Rm Type', 'Room Category', 'ROOM_CATEGORY'],
    roomNumber: ['Room', 'Room No', 'Room Number', 'Rm No'],
    status: ['Status', 'Res Status', 'Reservation Status', 'RESV_STATUS'],
    adults: ['Adults', 'Adl', 'ADULTS'],
    children: ['Children', 'Chl', 'CHILDREN'],
    eta: ['ETA', 'Arrival Time', 'ARRIVAL_TIME'],
    company: ['Company', 'Travel Agent', 'Company/Travel Agent', 'Company Name'],
    source: ['Source', 'Source Code', 'Market Code', 'Channel'],
    remarks: ['Comments', 'Remarks', 'Reservation Comments', 'RES_COMMENTS'],
    companions: ['Accompanying Guests', 'Accompanying', 'Sharers', 'Sharer Names'],
  },
  roomStatus: {
    roomNumber: ['Room', 'Room No', 'Room Number'],
    roomType: ['Room Type', 'Rm Type', 'Room Class'],
    housekeeping: ['Room Status', 'HK Status', 'Housekeeping Status'],
    block: ['OO/OS', 'OOO/OOS', 'Room Condition', 'Out of Order Status'],
    blockReason: ['Reason', 'OOO Reason', 'Reason Description'],
    blockFrom: ['From Date', 'From', 'Begin Date'],
    blockUntil: ['To Date', 'To', 'End Date', 'Through Date'],
  },
  dateOrder: 'dmy',
}

const foxhis: PmsPreset = {
  id: 'foxhis',
  name: { en: 'Foxhis (西软)', zh: '西软 Foxhis' },
  stay: {
    confirmation: ['预订号', '预订单号', '账号', '主单号'],
    profileId: ['档案号', '客史号', '客史档案号'],
    membershipNo: ['会员卡号', '会员号', '卡号'],
    guestName: ['姓名', '客人姓名', '宾客姓名'],
    nativeName: ['中文名', '中文姓名'],
    salutation: ['称谓', '称呼'],
    phone: ['手机', '电话', '联系电话'],
    email: ['邮箱', '电子邮件', 'Email'],
    birthDate: ['生日', '出生日期'],
    nationality: ['国籍', '国家'],
    vip: ['VIP', '贵宾', 'VIP等级'],
    arrival: ['到达', '到日', '到达日期', '到达时间'],
    departure: ['离开', '离日', '离开日期', '离开时间'],
    roomType: ['房类', '房型'],
    roomNumber: ['房号'],
    status: ['状态', '预订状态'],
    adults: ['人数', '成人'],
    children: ['儿童', '小孩'],
    eta: ['预计到达', '预到时间'],
    company: ['协议单位', '单位', '公司', '旅行社'],
    source: ['来源', '市场码', '渠道'],
    remarks: ['备注'],
    companions: ['同住人', '同住'],
  },
  roomStatus: {
    roomNumber: ['房号'],
    roomType: ['房类', '房型'],
    housekeeping: ['房态', '清洁状态'],
    block: ['维修状态', '维修', '锁房'],
    blockReason: ['维修原因', '原因'],
    blockFrom: ['开始日期', '起始日期'],
    blockUntil: ['结束日期', '截止日期'],
  },
  dateOrder: 'ymd',
}

const shiji: PmsPreset = {
  id: 'shiji',
  name: { en: 'Shiji (石基)', zh: '石基 Shiji' },
  stay: {
    confirmation: ['确认号', '预订号', '订单号'],
    profileId: ['客史档案号', '档案号', '客人编号'],
    membershipNo: ['会员号', '会员卡号'],
    guestName: ['客人姓名', '姓名', '英文名'],
    nativeName: ['中文名', '中文姓名'],
    salutation: ['称谓'],
    phone: ['手机号', '电话'],
    email: ['邮箱'],
    birthDate: ['出生日期'],
    nationality: ['国籍'],
    vip: ['VIP等级', 'VIP'],
    arrival: ['抵店日期', '到店日期', '抵达日期'],
    departure: ['离店日期'],
    roomType: ['房型', '房型代码'],
    roomNumber: ['房号'],
    status: ['预订状态', '状态'],
    adults: ['成人数', '成人'],
    children: ['儿童数', '儿童'],
    eta: ['预计抵店时间', '抵店时间'],
    company: ['公司/旅行社', '协议公司', '公司'],
    source: ['来源', '渠道', '市场'],
    remarks: ['备注', '预订备注'],
    companions: ['同行人', '同住人'],
  },
  roomStatus: {
    roomNumber: ['房号'],
    roomType: ['房型'],
    housekeeping: ['房态', '客房状态'],
    block: ['维修状态', '坏房/停用'],
    blockReason: ['原因', '维修原因'],
    blockFrom: ['开始日期'],
    blockUntil: ['结束日期'],
  },
  dateOrder: 'ymd',
}

const greenCloud: PmsPreset = {
  id: 'green_cloud',
  name: { en: 'Green Cloud (绿云)', zh: '绿云 Green Cloud' },
  stay: {
    confirmation: ['订单号', '预订号'],
    profileId: ['客人档案号', '档案号'],
    membershipNo: ['会员卡号', '会员号'],
    guestName: ['客人姓名', '姓名', '入住人'],
    nativeName: ['中文名'],
    salutation: ['称谓'],
    phone: ['手机号', '联系电话'],
    email: ['邮箱'],
    birthDate: ['生日'],
    nationality: ['国籍'],
    vip: ['VIP', '贵宾等级'],
    arrival: ['到店日期', '抵店日期', '入住日期'],
    departure: ['离店日期'],
    roomType: ['房型'],
    roomNumber: ['房号'],
    status: ['订单状态', '状态'],
    adults: ['人数', '成人数'],
    children: ['儿童数'],
    eta: ['预抵时间', '预计到店'],
    company: ['协议单位', '协议公司'],
    source: ['渠道', '来源'],
    remarks: ['备注', '订单备注'],
    companions: ['同住人'],
  },
  roomStatus: {
    roomNumber: ['房号'],
    roomType: ['房型'],
    housekeeping: ['房态'],
    block: ['锁房', '维修'],
    blockReason: ['锁房原因', '维修原因'],
    blockFrom: ['开始时间', '开始日期'],
    blockUntil: ['结束时间', '结束日期'],
  },
  dateOrder: 'ymd',
}

const mews: PmsPreset = {
  id: 'mews',
  name: { en: 'Mews', zh: 'Mews' },
  stay: {
    confirmation: ['Number', 'Confirmation number', 'Reservation number'],
    profileId: ['Customer number', 'Customer ID'],
    membershipNo: ['Loyalty code', 'Loyalty number'],
    guestName: ['Customer', 'Guest', 'Customer name'],
    salutation: ['Title'],
    phone: ['Phone', 'Telephone'],
    email: ['Email'],
    birthDate: ['Birth date', 'Date of birth'],
    nationality: ['Nationality'],
    vip: ['VIP'],
    arrival: ['Start', 'Arrival', 'Scheduled start'],
    departure: ['End', 'Departure', 'Scheduled end'],
    roomType: ['Space category', 'Requested category', 'Category'],
    roomNumber: ['Space', 'Assigned space', 'Resource'],
    status: ['State', 'Reservation state'],
    adults: ['Adults', 'Adult count', 'Persons'],
    children: ['Children', 'Child count'],
    eta: ['Arrival time', 'Estimated arrival'],
    company: ['Company', 'Travel agency'],
    source: ['Channel', 'Origin', 'Source'],
    remarks: ['Notes', 'Reservation notes'],
    companions: ['Companions', 'Other guests'],
  },
  roomStatus: {
    roomNumber: ['Space', 'Name', 'Resource'],
    roomType: ['Space category', 'Category'],
    housekeeping: ['State', 'Housekeeping state'],
    block: ['Out of order', 'Block type'],
    blockReason: ['Out of order reason', 'Reason'],
    blockFrom: ['Out of order start', 'Start'],
    blockUntil: ['Out of order end', 'End'],
  },
  dateOrder: 'dmy',
}

/** Column names of the common PMSs' standard reports, for a first mapping in one click. */
export const pmsPresets: readonly PmsPreset[] = [opera, foxhis, shiji, greenCloud, mews]

/** The names a preset gives the fields of one report kind. */
export function presetColumns(preset: PmsPreset, kind: ReportKind): Partial<Record<FieldName, string[]>> {
  return kind === 'room_status' ? preset.roomStatus : preset.stay
}

/** What `pms.presets` answers: each preset's id, name, and the report kinds it knows. */
export function presetSummaries(): { id: string; name: { en: string; zh: string }; kinds: ReportKind[] }[] {
  return pmsPresets.map((p) => ({ id: p.id, name: p.name, kinds: ['arrivals', 'in_house', 'departures', 'room_status'] }))
}
