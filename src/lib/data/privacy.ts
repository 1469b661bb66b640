/**
 * Privacy guard for data files. Audit and feedback files must be anonymised: no names, no
 * identifiers, no contact details, no dates of birth. The guard looks at every header and
 * every cell and says where something looks like personal data, never what it is: the
 * message names the file, line and column but does not repeat the value.
 */

/** What a cell looks like, when it looks like personal data. */
export type IdentifierKind =
  | 'UPN (unique pupil number)'
  | 'ULN (unique learner number)'
  | 'NHS number'
  | 'postcode'
  | 'email address'
  | 'phone number'
  | 'date (possibly a date of birth)';

// ---------------------------------------------------------------------------------------------
// Unique pupil number: 13 characters, a check letter then 12 characters (the last may be a
// letter in a temporary UPN). DfE algorithm: weight characters 2–13 by 2–13, sum, mod 23,
// and map 0–22 to the letters A–Z without I, O and S.
const UPN_LETTERS = 'ABCDEFGHJKLMNPQRTUVWXYZ';

export function isUpn(value: string): boolean {
  const v = value.toUpperCase();
  if (!/^[A-Z]\d{11}[0-9A-Z]$/.test(v)) return false;
  let sum = 0;
  for (let i = 1; i < 13; i++) {
    const ch = v[i]!;
    const n = /\d/.test(ch) ? Number(ch) : UPN_LETTERS.indexOf(ch);
    if (n < 0) return false;
    sum += n * (i + 1);
  }
  return UPN_LETTERS[sum % 23] === v[0];
}

/** Unique learner number: 10 digits, first not 0; weights 10..2 on the first nine, check = 10 - (sum mod 11). */
export function isUln(value: string): boolean {
  if (!/^[1-9]\d{9}$/.test(value)) return false;
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(value[i]) * (10 - i);
  const check = 10 - (sum % 11);
  return check <= 9 && check === Number(value[9]);
}

/** NHS number: 10 digits (spaces or hyphens as 3-3-4 allowed); weights 10..2, check = 11 - (sum mod 11), 11 → 0, 10 invalid. */
export function isNhsNumber(value: string): boolean {
  const digits = /^\d{3}[ -]?\d{3}[ -]?\d{4}$/.test(value) ? value.replace(/[ -]/g, '') : '';
  if (digits.length !== 10) return false;
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(digits[i]) * (10 - i);
  let check = 11 - (sum % 11);
  if (check === 11) check = 0;
  return check !== 10 && check === Number(digits[9]);
}

/** A UK postcode, with or without its space (e.g. "NV1 2AB", "SW1A1AA"). */
const POSTCODE = /^(GIR ?0AA|[A-PR-UWYZ](\d[A-HJKPSTUW]?|[A-HK-Y]\d[ABEHMNPRV-Y]?|\d{2}|[A-HK-Y]\d{2}) ?\d[ABD-HJLNP-UW-Z]{2})$/i;
export const isPostcode = (value: string) => POSTCODE.test(value.trim());

const EMAIL = /[^\s@]+@[^\s@]+\.[^\s@]{2,}/;
export const isEmail = (value: string) => EMAIL.test(value);

/** A UK phone number: 0 or +44 then 9–10 more digits, with spaces, hyphens or brackets. */
export function isPhone(value: string): boolean {
  if (!/^[+\d(][\d ()-]{8,}$/.test(value.trim())) return false;
  const digits = value.replace(/\D/g, '');
  if (value.trim().startsWith('+')) return /^44[1-9]\d{8,9}$/.test(digits);
  return /^0[1-9]\d{8,9}$/.test(digits) && /^0(1|2|3|5|7|8)/.test(digits);
}

/** Something written like a calendar date: 01/09/2012, 1-9-12, 2012-09-01, 1 September 2012. */
const DATE_LIKE = [
  /^\d{1,2}[/.-]\d{1,2}[/.-](\d{2}|\d{4})$/,
  /^\d{4}-\d{1,2}-\d{1,2}$/,
  /^\d{1,2}(st|nd|rd|th)? (jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]* \d{2,4}$/i,
];
export const isDateLike = (value: string) => DATE_LIKE.some((re) => re.test(value.trim()));

/** What a cell looks like, if it looks like personal data. Date-shaped cells are allowed only in date columns. */
export function identifierIn(value: string, opts: { dateColumn: boolean }): IdentifierKind | undefined {
  const v = value.trim();
  const n = v.length;
  // Cheap tests on length and characters first: this runs on every reference of every row.
  if (n < 5) return undefined;
  if (v.includes('@') && isEmail(v)) return 'email address';
  if (n === 13 && isUpn(v)) return 'UPN (unique pupil number)';
  if ((n === 10 || n === 12) && isNhsNumber(v)) return 'NHS number';
  if (n === 10 && isUln(v)) return 'ULN (unique learner number)';
  if (n <= 8 && isPostcode(v)) return 'postcode';
  const c = v.charCodeAt(0);
  if (n >= 10 && (c === 43 || c === 48 || c === 40) && isPhone(v)) return 'phone number';
  // Every date shape starts with a digit.
  if (!opts.dateColumn && c >= 48 && c <= 57 && isDateLike(v)) return 'date (possibly a date of birth)';
  return undefined;
}

/** Any run of ten or more digits, spaces, brackets or hyphens that starts and ends with a digit. */
const DIGIT_RUN_ANYWHERE = /\d[\d ()-]{8,}\d/;
/** Letters, digits, hyphens, slashes and underscores only, starting with a letter, at least 9 in all. */
const LETTER_LED_TOKEN = /^[A-Za-z][A-Za-z0-9/_-]{8,}$/;

/**
 * A quick clearance for references such as "NV-A-2024-0001", the one column whose every cell is
 * different and so checked one by one. Such a token cannot be anything identifierIn or
 * identifierInParts find: it holds no "@" (email), no spaces or list marks (no parts to split),
 * starts with a letter (NHS numbers, ULNs, phone numbers and dates start with a digit, "+" or
 * "("), is longer than any postcode, and has no run of ten digits, spaces, brackets or hyphens
 * (which every UPN, NHS number, ULN and phone number has, and which identifierInParts looks
 * inside). True only when both full checks would find nothing; test/lib/privacy.test.ts holds it
 * to that over generated values.
 */
export const isPlainToken = (value: string) => LETTER_LED_TOKEN.test(value) && !DIGIT_RUN_ANYWHERE.test(value);

/** Words that, in a column header, say the column holds personal data. */
const PERSONAL_HEADER_WORDS = [
  'name', 'names', 'forename', 'forenames', 'firstname', 'surname', 'lastname', 'fullname',
  'dob', 'birth', 'birthday', 'born',
  'upn', 'uln', 'nhs', 'nhsnumber',
  'postcode', 'zip', 'address', 'street',
  'email', 'phone', 'telephone', 'mobile', 'tel',
  'gender', 'sex', 'ethnicity', 'religion',
];

/** Whether a header names personal data ("Child name", "DOB", "pupil_upn", "Post code"…). */
export function isPersonalHeader(header: string): boolean {
  const lower = header.trim().toLowerCase();
  const words = lower.split(/[^a-z0-9]+/).filter(Boolean);
  const joined = words.join('');
  if (words.some((w) => PERSONAL_HEADER_WORDS.includes(w))) return true;
  return ['firstname', 'lastname', 'surname', 'dateofbirth', 'postcode', 'emailaddress', 'phonenumber', 'nhsnumber'].some((w) => joined.includes(w));
}

const LIST_OR_SPACE = /[;,|\s]/;
/** A number written with spaces, hyphens or brackets ("999 000 0000", "(01234) 567890"). */
const DIGIT_RUN = /[+(]?\d[\d ()-]{8,}\d/g;
/** Something shaped like a UPN inside a longer token ("REF-U820200101001": a UPN with a prefix). */
const UPN_SHAPE = /[A-Za-z]\d{11}[0-9A-Za-z]/g;

/** Identifiers inside a cell that holds a list or a phrase ("ehc-plan-2;9990001234", "see SW1A 1AA"). */
export function identifierInParts(value: string, opts: { dateColumn: boolean } = { dateColumn: false }): IdentifierKind | undefined {
  if (value.length < 5) return undefined;
  // One token (most cells, such as every reference): no items or words to split, only numbers
  // written with spaces or brackets inside it, which need a run of at least ten characters.
  if (!LIST_OR_SPACE.test(value)) {
    const runs = value.match(DIGIT_RUN);
    if (runs) for (const r of runs) {
      const kind = identifierIn(r, opts);
      if (kind) return kind;
    }
    return upnInside(value);
  }
  // Each item of a list, then each word and each pair of neighbouring words of an item (a
  // postcode has a space inside), then numbers written with spaces ("999 000 0000").
  const items = value.split(/[;,|]+/).map((x) => x.trim()).filter(Boolean);
  const candidates: string[] = items.length > 1 ? [...items] : [];
  for (const item of items) {
    const words = item.split(/\s+/).filter(Boolean);
    if (words.length < 2) continue;
    candidates.push(...words);
    for (let i = 0; i + 1 < words.length; i++) candidates.push(`${words[i]} ${words[i + 1]}`);
  }
  candidates.push(...(value.match(DIGIT_RUN) ?? []));
  for (const c of candidates) {
    const kind = identifierIn(c, opts);
    if (kind) return kind;
  }
  return upnInside(value);
}

/** A UPN written inside a longer token, such as a reference made from a UPN with a prefix. */
function upnInside(value: string): IdentifierKind | undefined {
  const shapes = value.length >= 14 ? value.match(UPN_SHAPE) : null;
  return shapes?.some(isUpn) ? 'UPN (unique pupil number)' : undefined;
}

/**
 * Removes anything that looks like personal data from a message before it is printed, written
 * as a pull-request annotation or put in a job summary. The checks above say where personal
 * data is without echoing it; this is the last line of defence for every other message path.
 */
export function redactIdentifiers(text: string): string {
  return text
    .replace(/[+(]?\d[\d ()-]{8,}\d/g, (m) => (identifierIn(m, { dateColumn: true }) ? `[removed: looks like ${identifierIn(m, { dateColumn: true })}]` : m))
    .replace(/[^\s"'`;,|<>()[\]]{5,}/g, (m) => {
      const kind = identifierIn(m, { dateColumn: true });
      return kind ? `[removed: looks like ${kind}]` : m;
    })
    .replace(/\b([A-Z]{1,2}\d[A-Z\d]?) (\d[A-Z]{2})\b/gi, (m) => (isPostcode(m) ? '[removed: looks like postcode]' : m))
    .replace(UPN_SHAPE, (m) => (isUpn(m) ? '[removed: looks like UPN (unique pupil number)]' : m));
}
