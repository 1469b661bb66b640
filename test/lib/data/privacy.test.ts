import { describe, expect, it } from 'vitest';
import { identifierIn, identifierInParts, isNhsNumber, isPersonalHeader, isPlainToken, isUln, isUpn, redactIdentifiers } from '../../../src/lib/data/privacy';
import { seeded } from '../../../src/lib/data/synthetic';

const cell = (v: string, dateColumn = false) => identifierIn(v, { dateColumn });

describe('identifiers with valid check characters are caught', () => {
  it.each([
    ['U820200101001', 'UPN (unique pupil number)'],
    ['v938400215011', 'UPN (unique pupil number)'],
    ['Q30421190001A', 'UPN (unique pupil number)'], // temporary UPN, letter last
    ['943 476 5919', 'NHS number'],
    ['9990000018', 'NHS number'],
    ['999-000-0026', 'NHS number'],
    ['1234567899', 'ULN (unique learner number)'],
    ['5555555554', 'ULN (unique learner number)'],
    ['NV1 2AB', 'postcode'],
    ['sw1a1aa', 'postcode'],
    ['parent@example.org', 'email address'],
    ['07700 900123', 'phone number'],
    ['+44 7700 900123', 'phone number'],
    ['(01632) 960001', 'phone number'],
    ['14/03/2012', 'date (possibly a date of birth)'],
    ['2012-03-14', 'date (possibly a date of birth)'],
    ['14 March 2012', 'date (possibly a date of birth)'],
  ])('%s → %s', (value, kind) => expect(cell(value)).toBe(kind));
});

describe('near misses are not personal data', () => {
  it.each([
    '1234567890', // 10 digits failing both the ULN and NHS checks
    '9990000019', // NHS test range with a wrong check digit
    'A820200101001', // UPN shape with the wrong check letter
    'U82020010100', // 12 characters
    'NV-2025-0413', // an audit reference
    'AUD-000123',
    'EHCP-2024-17',
    'ehc-plan-2',
    'ehc-plan-2;ehc-plan-4',
    'good',
    'requires improvement',
    '80',
    '2024/25',
    '2024-25 spring',
    'NV-A-2025-02096', // the example partnership's audit references
    // Postcode-shaped but not postcodes: no inward part, letters a postcode never uses, extra characters.
    'NV12',
    'AB1 2',
    'NV1 2CI',
    'QV1 2AB',
    'NV1 2AB3',
    // Not email addresses: no domain, or no dot in it, or a one-letter ending.
    '@ehc-plan',
    'parent@home',
    'a@b.c',
    // Not UK phone numbers: too short, or starting with a code no UK phone number has.
    '0800-2024',
    '06 1234 5678',
    '00 2024 2025',
    '(2024) 25 audits',
    // Not dates: day and month only.
    '01/09',
  ])('%s', (value) => expect(cell(value)).toBeUndefined());

  it('allows dates in date columns', () => {
    expect(cell('01/09/2024', true)).toBeUndefined();
    expect(cell('2024-09-01', true)).toBeUndefined();
  });

  it('checks the check digits themselves', () => {
    expect(isUpn('U820200101002')).toBe(false);
    expect(isNhsNumber('9434765918')).toBe(false);
    expect(isUln('0234567899')).toBe(false);
  });
});

describe('headers that name personal data', () => {
  it.each(['name', 'Child name', 'First Name', 'surname', 'DOB', 'date_of_birth', 'Date of birth', 'UPN', 'pupil_upn', 'ULN', 'NHS number', 'nhs_no', 'Postcode', 'Post code', 'address', 'Home address', 'email', 'E-mail address', 'phone', 'Telephone', 'mobile'])(
    '%s is refused',
    (h) => expect(isPersonalHeader(h)).toBe(true),
  );
  it.each(['audit_ref', 'completed_on', 'audit_type', 'level', 'locality', 'grade', 'timely', 'standards_not_met', 'moderated', 'rating', 'theme', 'stage', 'kind', 'upheld', 'date'])(
    '%s is allowed',
    (h) => expect(isPersonalHeader(h)).toBe(false),
  );
});

describe('the quick clearance for references (isPlainToken)', () => {
  const found = (v: string) => identifierIn(v, { dateColumn: false }) ?? identifierInParts(v, { dateColumn: false });

  it('clears ordinary references and never a reference with an identifier inside', () => {
    for (const ref of ['NV-A-2024-0001', 'BM-00000001', 'NV-SE-2425-0001', 'audit/2024/17']) expect(isPlainToken(ref), ref).toBe(true);
    // Identifiers written inside a reference-shaped token: the full checks find each, so the
    // clearance must not let any of them through.
    const caught: string[] = [];
    for (const inside of ['U820200101001', '9990000018', '999-000-0026', '1234567899', '2012-03-14', '14-03-2012', '07700900123']) {
      for (const v of [`REF-${inside}`, `A${inside}`, `x/${inside}/1`]) {
        expect(isPlainToken(v), v).toBe(false);
        if (found(v)) caught.push(v);
      }
    }
    expect(caught).toEqual(expect.arrayContaining(['REF-U820200101001', 'AU820200101001', 'x/U820200101001/1', 'REF-9990000018', 'REF-999-000-0026', 'x/1234567899/1', 'REF-07700900123']));
  });

  it('is true only where both full checks find nothing, over 200,000 generated tokens', () => {
    const rand = seeded(16);
    // Mostly digits and separators, so that many tokens come close to identifiers.
    const alphabet = '0123456789012345678901234567890123456789-/_ABUVXZabsw@ ()+.;,';
    let cleared = 0;
    let caught = 0;
    for (let i = 0; i < 200_000; i++) {
      const length = 5 + Math.floor(rand() * 16);
      let v = rand() < 0.7 ? 'ABNUVWXZ'[Math.floor(rand() * 8)]! : '';
      while (v.length < length) v += alphabet[Math.floor(rand() * alphabet.length)]!;
      const kind = found(v);
      if (kind) caught++;
      if (isPlainToken(v)) {
        cleared++;
        expect(kind, v).toBeUndefined();
      }
    }
    // The generator reaches both sides: many tokens cleared, many identifiers caught.
    expect(cleared).toBeGreaterThan(10_000);
    expect(caught).toBeGreaterThan(1_000);
  });
});

describe('a UPN made into a reference', () => {
  it('is caught with a prefix or inside a longer token, and a near miss is not', () => {
    for (const v of ['REF-U820200101001', 'NVU820200101001', 'a/v938400215011/b', 'case Q30421190001A-2']) {
      expect(identifierInParts(v), v).toBe('UPN (unique pupil number)');
    }
    // The same shape with a wrong check letter is a made-up reference, not a UPN.
    expect(identifierInParts('REF-A820200101001')).toBeUndefined();
  });

  it('is removed from any message before it is printed', () => {
    expect(redactIdentifiers('the reference REF-U820200101001 is used twice')).toBe('the reference REF-[removed: looks like UPN (unique pupil number)] is used twice');
  });
});
