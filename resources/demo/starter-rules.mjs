// The rules a new demo hotel starts with: when a guest has this preference, prompt this
// department. {guest}, {room} and {value} are filled in by prompts/prompt-generation.ts; a rule
// whose value is null matches any value of its code. Tests look for some English texts verbatim.

const negativeCodes = new Set(['allergy', 'dislike'])
// Shown to the department for the whole stay, acknowledged once, never overdue (issue 10).
const standing = new Set(['allergy', 'dislike', 'diet', 'hearing-housekeeping', 'evacuation-hearing', 'evacuation-mobility', 'evacuation-vision', 'language', 'address-as', 'no-calls', 'quiet-mornings', 'no-name'])
const prepareTheRoom = new Set(['periodicals-advertising', 'periodicals-caixin', 'periodicals-economist', 'periodicals-architecture', 'flowers', 'toiletries', 'pillow', 'minibar', 'hearing-alarm', 'wheelchair-room', 'low-vision', 'tea'])
const occasions = new Set(['birthday', 'anniversary'])
// Offers made at the guest's next breakfast: the outlet has until then, and two hours to say it has seen them.
const breakfastOffers = new Set(['cantonese', 'japanese'])

// [key, trigger, category, code, value (null = any), department, priority, due minutes, en, zh]
export const starterRules = [
  ['periodicals-advertising', 'check_in', 'reading', 'periodical', 'mainland_advertising', 'housekeeping', 'normal', 60,
    'Place the latest mainland advertising periodicals in room {room}.', '在{room}房间放置最新的内地广告类期刊。'],
  ['periodicals-caixin', 'check_in', 'reading', 'periodical', 'caixin', 'housekeeping', 'low', 120,
    'Place the latest issue of {value} in room {room}.', '在{room}房间放置最新一期《{value}》。'],
  ['periodicals-economist', 'check_in', 'reading', 'periodical', 'the_economist', 'housekeeping', 'low', 120,
    'Place the latest issue of {value} in room {room}.', '在{room}房间放置最新一期《{value}》。'],
  ['periodicals-architecture', 'check_in', 'reading', 'periodical', 'architecture', 'housekeeping', 'low', 120,
    'Place the latest architecture journals in room {room}.', '在{room}房间放置最新的建筑类期刊。'],
  ['newspaper', 'check_in', 'reading', 'newspaper', null, 'concierge', 'normal', 720,
    'Deliver {value} to room {room} every morning for {guest}.', '每天早上为{guest}将《{value}》送到{room}房间。'],
  ['sichuan', 'check_in', 'food', 'cuisine', 'sichuan', 'restaurant', 'normal', 30,
    'Recommend Sichuan dishes to {guest} (room {room}); the chef can adjust the heat.', '向{guest}（{room}房）推荐川菜，辣度可请厨师调整。'],
  ['cantonese', 'check_in', 'food', 'cuisine', 'cantonese', 'fb_chinese', 'low', 720,
    'Offer {guest} (room {room}) the Cantonese dim sum menu at breakfast.', '早餐时向{guest}（{room}房）推荐粤式点心。'],
  ['japanese', 'check_in', 'food', 'cuisine', 'japanese', 'fb_allday', 'low', 720,
    'Offer {guest} (room {room}) the Japanese set breakfast.', '早餐时为{guest}（{room}房）提供日式套餐。'],
  ['chilli-oil', 'check_in', 'food', 'condiment', 'chilli_sichuan_pepper_oil', 'restaurant', 'normal', 30,
    'Prepare chilli-and-Sichuan-pepper oil in small dishes for {guest}.', '为{guest}准备小碟麻辣油碟。'],
  ['black-vinegar', 'check_in', 'food', 'condiment', 'black_vinegar', 'restaurant', 'low', 60,
    'Set black vinegar on the table for {guest} (room {room}).', '为{guest}（{room}房）餐桌备好香醋。'],
  ['xo-sauce', 'check_in', 'food', 'condiment', 'xo_sauce', 'restaurant', 'low', 60,
    'Set XO sauce on the table for {guest} (room {room}).', '为{guest}（{room}房）餐桌备好XO酱。'],
  ['allergy', 'check_in', 'food', 'allergy', null, 'restaurant', 'high', 15,
    'Allergy alert for {guest} (room {room}): {value}. Tell the kitchen with every order.', '过敏提示：{guest}（{room}房）对{value}过敏，每次点单均须告知厨房。'],
  ['dislike', 'check_in', 'food', 'dislike', null, 'restaurant', 'normal', 60,
    '{guest} (room {room}) does not eat {value}; leave it out unless asked.', '{guest}（{room}房）忌口：{value}，客人未要求时请勿使用。'],
  ['diet', 'check_in', 'food', 'diet', null, 'restaurant', 'normal', 60,
    '{guest} (room {room}) keeps a special diet: {value}.', '{guest}（{room}房）饮食要求：{value}。'],
  ['shoe-kit', 'check_in', 'amenity', 'shoe_care', 'shoe_cleaning_kit', 'housekeeping', 'normal', 60,
    'Set out a full shoe-cleaning kit in room {room}.', '在{room}房间备好全套擦鞋用品。'],
  ['flowers', 'check_in', 'amenity', 'flowers', null, 'housekeeping', 'normal', 120,
    'Place fresh flowers in room {room}: {value}.', '在{room}房间摆放鲜花：{value}。'],
  ['toiletries', 'check_in', 'amenity', 'toiletries_scent', null, 'housekeeping', 'normal', 120,
    'Toiletries for room {room}: {value}.', '{room}房间洗浴用品：{value}。'],
  ['pillow', 'check_in', 'amenity', 'pillow', null, 'housekeeping', 'normal', 120,
    'Pillow for room {room}: {value}.', '{room}房间枕头：{value}。'],
  ['minibar', 'check_in', 'amenity', 'minibar', null, 'housekeeping', 'normal', 120,
    'Set up the minibar in room {room}: {value}.', '按客人习惯布置{room}房间迷你吧：{value}。'],
  ['hearing-alarm', 'check_in', 'access', 'hearing', 'hard_of_hearing', 'engineering', 'high', 30,
    'Check the visual fire alarm and the vibrating alarm clock in room {room} for {guest}.', '为{guest}检查{room}房间的可视火警灯和振动闹钟。'],
  ['hearing-housekeeping', 'check_in', 'access', 'hearing', 'hard_of_hearing', 'housekeeping', 'normal', 30,
    '{guest} (room {room}): knock, wait, and use the door light; do not rely on calling out.', '{guest}（{room}房）：敲门后稍候并使用门铃灯，不要只靠呼喊。'],
  ['wheelchair-room', 'check_in', 'access', 'mobility', 'wheelchair', 'engineering', 'high', 30,
    'Check room {room} for wheelchair access: clear path, grab rails, shower seat.', '检查{room}房间无障碍设施：通道畅通、扶手、淋浴椅。'],
  ['low-vision', 'check_in', 'access', 'vision', 'low_vision', 'housekeeping', 'normal', 60,
    'Leave large-print guides in room {room} and keep its layout unchanged for {guest}.', '在{room}房间放置大字版服务指南，并为{guest}保持房内物品位置不变。'],
  // Security keeps the list of guests who need help in an evacuation: what help, never the
  // diagnosis (least knowledge: a department prompt says what to do and where).
  ...[
    ['hearing', 'alert them in person or by light, not by sound alone', '须当面或以灯光提醒，不能只靠声音'],
    ['mobility', 'they need help to leave the building', '离开建筑需要协助'],
    ['vision', 'guide them out in person', '须有人当面引导离开'],
  ].map(([code, en, zh]) => [`evacuation-${code}`, 'check_in', 'access', code, null, 'security', 'high', 60,
    `Add room {room} to the evacuation-assistance list ({guest}): ${en}.`, `将{room}房间列入紧急疏散协助名单（{guest}）：${zh}。`]),
  ['tea', 'check_in', 'interest', 'hobby', 'tea', 'housekeeping', 'low', 120,
    'Set out a tea set and a selection of Chinese teas in room {room}.', '在{room}房间备好茶具和几种中国茶。'],
  ['chinese-chess', 'check_in', 'interest', 'hobby', 'chinese_chess', 'concierge', 'low', 240,
    'Offer {guest} a Chinese chess set and a table in the tea lounge.', '为{guest}提供象棋，并在茶座预留棋桌。'],
  ['golf', 'check_in', 'interest', 'hobby', 'golf', 'concierge', 'low', 240,
    'Offer {guest} (room {room}) tee times at the nearby golf club.', '为{guest}（{room}房）预约附近高尔夫球场的开球时间。'],
  ['language', 'check_in', 'service', 'language', null, 'front_office', 'normal', 30,
    'Serve {guest} (room {room}) in {value} where you can.', '尽量用{value}为{guest}（{room}房）服务。'],
  ['address-as', 'check_in', 'service', 'address_as', null, 'front_office', 'normal', 30,
    'Address the guest in room {room} as “{value}”.', '请称呼{room}房的宾客为“{value}”。'],
  ['no-calls', 'check_in', 'service', 'privacy', 'no_calls', 'front_office', 'high', 15,
    'Do not put calls through to room {room}; take messages for {guest}.', '请勿将电话转入{room}房间，为{guest}留言。'],
  ['quiet-mornings', 'check_in', 'service', 'privacy', 'do_not_disturb_morning', 'housekeeping', 'normal', 60,
    'Do not disturb room {room} before noon; service it in the afternoon.', '中午前请勿打扰{room}房间，下午再做清洁。'],
  ['no-name', 'check_in', 'service', 'privacy', 'no_name_announce', 'front_office', 'high', 15,
    'Do not say the guest’s name aloud in public areas; use the room number ({room}).', '在公共区域请勿称呼客人姓名，以房号（{room}）代称。'],
  // On the reservation, so there is time to prepare, and only when the day falls during the stay.
  ['birthday', 'reservation', '', '', null, 'guest_relations', 'normal', 1440,
    '{guest}’s birthday falls on {date}, during the stay: arrange a card and a cake.', '{guest}的生日（{date}）在住店期间：请准备贺卡和蛋糕。'],
  ['anniversary', 'reservation', '', '', null, 'guest_relations', 'normal', 1440,
    '{guest}’s anniversary falls on {date}, during the stay: arrange flowers and a card.', '{guest}的纪念日（{date}）在住店期间：请准备鲜花和贺卡。'],
].map(([key, trigger, category, code, value, department, priority, dueMinutes, en, zh]) => ({
  key,
  // Work that prepares the room is done before arrival, on the pre-assigned room.
  trigger: prepareTheRoom.has(key) ? 'pre_arrival' : trigger,
  kind: standing.has(key) ? 'standing' : 'task',
  category, code, value, department, priority, dueMinutes, ...(breakfastOffers.has(key) ? { ackMinutes: 120 } : {}), template: { en, zh },
  // Allergies and dislikes are stored as avoid/never; their alerts must fire for exactly those.
  polarity: negativeCodes.has(code) ? 'any' : 'wanted',
  ...(occasions.has(key) ? { conditions: { occasion: key } } : {}),
}))
