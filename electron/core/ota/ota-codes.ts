import type { Strength } from '../guests/preference'

/** A preference in Zhike's vocabulary (`vocabulary/base-vocabulary.ts`). */
export interface VocabularyPreference {
  category: string
  code: string
  value: string
}

/**
 * OpenTravel code list Bed Type (BED), as `HotelPref/BedTypePref/@BedType` refers to it
 * (OTA 2015B OTA_HotelPreferences.xsd). Codes our vocabulary has no bed for are listed with null,
 * so the import can name what it left out.
 */
export const bedTypeCodes: Record<string, { label: string; bed: string | null }> = {
  '1': { label: 'Double', bed: null },
  '2': { label: 'Futon', bed: null },
  '3': { label: 'King', bed: 'king' },
  '4': { label: 'Murphy bed', bed: null },
  '5': { label: 'Queen', bed: 'queen' },
  '6': { label: 'Sofa bed', bed: null },
  '7': { label: 'Tatami mats', bed: null },
  '8': { label: 'Twin', bed: 'twin' },
  '9': { label: 'Single', bed: null },
}

/** room.bed value → BED code, for the export. */
export const bedToOta: Record<string, string> = { king: '3', queen: '5', twin: '8' }

/**
 * OpenTravel code list Room Amenity Type (RMA), `HotelPref/RoomAmenityPref/@RoomAmenity`: the two
 * entries that say something our vocabulary knows (74 Non-smoking, 101 Smoking). Smoking is
 * exported through `HotelPref/@SmokingAllowed` (SmokingIndicatorGroup), which needs no code list.
 */
export const roomAmenityCodes: Record<string, VocabularyPreference> = {
  '74': { category: 'room', code: 'smoking', value: 'no' },
  '101': { category: 'room', code: 'smoking', value: 'yes' },
}

/**
 * The OpenTravel `MealType` enumeration (IATA special-meal codes, OTA 2015B OTA_SimpleTypes.xsd),
 * used by `MealPref/@MealType`, mapped to our food vocabulary.
 */
export const mealTypeCodes: Record<string, VocabularyPreference & { strength?: Strength }> = {
  VGML: { category: 'food', code: 'diet', value: 'vegetarian' },
  VLML: { category: 'food', code: 'diet', value: 'vegetarian' },
  VOML: { category: 'food', code: 'diet', value: 'vegetarian' },
  VJML: { category: 'food', code: 'diet', value: 'vegetarian' },
  AVML: { category: 'food', code: 'diet', value: 'vegetarian' },
  MOML: { category: 'food', code: 'diet', value: 'halal' },
  LSML: { category: 'food', code: 'diet', value: 'low_salt' },
  DBML: { category: 'food', code: 'diet', value: 'low_sugar' },
  GFML: { category: 'food', code: 'allergy', value: 'gluten', strength: 'never' },
  NLML: { category: 'food', code: 'allergy', value: 'dairy', strength: 'never' },
}

/**
 * `PreferLevel` (OTA PreferLevelType: Only, Unacceptable, Preferred, Required, NoPreference) ↔ our
 * strength. Avoid and never both leave as Unacceptable; Unacceptable comes back as never.
 */
export const preferLevelToStrength: Record<string, Strength | null> = {
  Only: 'required',
  Required: 'required',
  Preferred: 'preferred',
  Unacceptable: 'never',
  NoPreference: null,
}
export const strengthToPreferLevel: Record<Strength, string> = { required: 'Required', preferred: 'Preferred', avoid: 'Unacceptable', never: 'Unacceptable' }

/**
 * Free text an OpenTravel profile uses for accessibility (`Customer/PhysChallName`,
 * `HotelPref/PhysChallFeaturePref`) and room location (`RoomLocationPref`), read by keyword:
 * OpenTravel's Disability Feature Code (PHY) and Room Location Type (RLT) lists describe hotel
 * features, not guests' needs, so a sender usually writes the need in words.
 */
export const accessKeywords: { pattern: RegExp; preference: VocabularyPreference }[] = [
  { pattern: /wheel\s*chair|轮椅/i, preference: { category: 'access', code: 'mobility', value: 'wheelchair' } },
  { pattern: /hearing|deaf|听力|聋/i, preference: { category: 'access', code: 'hearing', value: 'hard_of_hearing' } },
  { pattern: /vision|visual|blind|sight|视力|盲/i, preference: { category: 'access', code: 'vision', value: 'low_vision' } },
  { pattern: /walk|mobility|crutch|cane|行走|行动/i, preference: { category: 'access', code: 'mobility', value: 'limited_walking' } },
]

export const locationKeywords: { pattern: RegExp; preference: VocabularyPreference }[] = [
  { pattern: /away from (?:the )?(?:elevator|lift)|远离电梯/i, preference: { category: 'room', code: 'away_from_lift', value: 'yes' } },
  { pattern: /quiet|安静/i, preference: { category: 'room', code: 'quiet', value: 'yes' } },
  { pattern: /non[- ]?smoking|无烟/i, preference: { category: 'room', code: 'smoking', value: 'no' } },
  { pattern: /river view|江景/i, preference: { category: 'room', code: 'view', value: 'river' } },
  { pattern: /city view|城景/i, preference: { category: 'room', code: 'view', value: 'city' } },
  { pattern: /garden view|园景/i, preference: { category: 'room', code: 'view', value: 'garden' } },
  { pattern: /mountain view|山景/i, preference: { category: 'room', code: 'view', value: 'mountain' } },
]

/** Facing words in English, for "Facing South" written by our export or a sender. */
export const facingWords: Record<string, string> = {
  north: 'N',
  'north-east': 'NE',
  northeast: 'NE',
  east: 'E',
  'south-east': 'SE',
  southeast: 'SE',
  south: 'S',
  'south-west': 'SW',
  southwest: 'SW',
  west: 'W',
  'north-west': 'NW',
  northwest: 'NW',
}

/** OTA `GenderGroup/@Gender` ↔ our gender. */
export const genderFromOta: Record<string, 'm' | 'f' | null> = { Male: 'm', Female: 'f', Male_NoShare: 'm', Female_NoShare: 'f', Unknown: null }
export const genderToOta: Record<string, string> = { m: 'Male', f: 'Female', x: 'Unknown' }

/** OTA `UniqueID/@Type` (code list Unique ID Type, UIT) for a customer profile. */
export const customerUniqueIdType = '1'

// Which preferences are sensitive (exported only with consent) is decided in one place: guests/consent.sensitive.ts.
