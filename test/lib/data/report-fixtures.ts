/**
 * Small, hand-built partnership settings and records for the report tests. Every figure the
 * tests expect is worked out by hand from these records, in comments next to the expectation.
 */
import type { AuditRecord, ComplaintRecord, FeedbackRecord } from '../../../src/lib/data/columns';
import { PartnershipSchema, type Partnership } from '../../../src/lib/schemas/partnership';

/**
 * A partnership with two of everything, the usual four-point grade scale and an 80% target.
 * Term dates leave holiday gaps between terms (unlike the bundled example), so that dates
 * falling between terms can be tested:
 *
 *   index  id                  start        end
 *   0      2023-24-autumn      2023-09-04   2023-12-20
 *   1      2023-24-spring      2024-01-08   2024-03-28
 *   2      2023-24-summer      2024-04-15   2024-07-23
 *   3      2024-25-autumn      2024-09-02   2024-12-20
 *   4      2024-25-spring      2025-01-06   2025-04-04
 *   5      2024-25-summer      2025-04-22   2025-07-22
 *   6      2025-26-autumn      2025-09-01   2025-12-19
 *   7      2025-26-spring      2026-01-05   2026-03-27
 *   8      2025-26-summer      2026-04-13   2026-07-22
 *   9      2026-27-autumn      2026-09-01   2026-12-18
 *   10     2026-27-spring      2027-01-04   2027-03-26
 *   11     2026-27-summer      2027-04-12   2027-07-21
 */
export function makeConfig(overrides: { threshold?: number; target?: number; symbol?: string } = {}): Partnership {
  return PartnershipSchema.parse({
    area: { name: 'Testshire SEND Partnership', shortName: 'Testshire', example: true, description: 'A partnership made up for tests.', contactEmail: 'quality@testshire.example' },
    site: { url: 'https://testshire.example', base: '/' },
    localities: [
      { id: 'north', name: 'North' },
      { id: 'south', name: 'South' },
    ],
    auditTypes: [
      { id: 'ehc-plan', name: 'EHC plan' },
      { id: 'annual-review', name: 'Annual review' },
    ],
    auditLevels: [
      { id: 'single-agency', name: 'Level 1 – single agency' },
      { id: 'multi-agency', name: 'Level 3 – multi-agency' },
    ],
    feedbackThemes: [
      { id: 'communication', name: 'Communication' },
      { id: 'timeliness', name: 'Timeliness' },
    ],
    complaintThemes: [
      { id: 'communication', name: 'Communication' },
      { id: 'timeliness', name: 'Timeliness' },
    ],
    grades: [
      { id: 'outstanding', name: 'Outstanding', goodOrBetter: true },
      { id: 'good', name: 'Good', goodOrBetter: true },
      { id: 'requires-improvement', name: 'Requires improvement', goodOrBetter: false },
      { id: 'inadequate', name: 'Inadequate', goodOrBetter: false },
    ],
    target: { goodOrBetterPercent: overrides.target ?? 80 },
    disclosure: { threshold: overrides.threshold ?? 1, symbol: overrides.symbol ?? 'c' },
    // Listed out of order on purpose: terms are put in date order by year.
    terms: [
      {
        year: '2025/26',
        autumn: { start: '2025-09-01', end: '2025-12-19' },
        spring: { start: '2026-01-05', end: '2026-03-27' },
        summer: { start: '2026-04-13', end: '2026-07-22' },
      },
      {
        year: '2023/24',
        autumn: { start: '2023-09-04', end: '2023-12-20' },
        spring: { start: '2024-01-08', end: '2024-03-28' },
        summer: { start: '2024-04-15', end: '2024-07-23' },
      },
      {
        year: '2024/25',
        autumn: { start: '2024-09-02', end: '2024-12-20' },
        spring: { start: '2025-01-06', end: '2025-04-04' },
        summer: { start: '2025-04-22', end: '2025-07-22' },
      },
      {
        year: '2026/27',
        autumn: { start: '2026-09-01', end: '2026-12-18' },
        spring: { start: '2027-01-04', end: '2027-03-26' },
        summer: { start: '2027-04-12', end: '2027-07-21' },
      },
    ],
  });
}

type AuditShape = Partial<Omit<AuditRecord, 'file' | 'line' | 'audit_ref'>>;

let refs = 0;
/** One audit record; anything not given is an EHC plan, North, single agency, Good, timely, moderated no. */
export function audit(completed_on: string, a: AuditShape = {}): AuditRecord {
  refs++;
  return {
    file: 'data/audits/test.csv',
    line: refs + 1,
    audit_ref: `T-A-${String(refs).padStart(5, '0')}`,
    completed_on,
    audit_type: 'ehc-plan',
    level: 'single-agency',
    locality: 'north',
    grade: 'good',
    timely: 'yes',
    standards_not_met: [],
    moderated: 'no',
    ...a,
  };
}

/** `n` audits on the same day with the same details. */
export const audits = (n: number, completed_on: string, a: AuditShape = {}): AuditRecord[] => Array.from({ length: n }, () => audit(completed_on, a));

export function feedback(received_on: string, rating: number, theme = 'communication'): FeedbackRecord {
  refs++;
  return { file: 'data/feedback/test.csv', line: refs + 1, feedback_ref: `T-F-${String(refs).padStart(5, '0')}`, received_on, stage: 'ehc-plan', rating, theme };
}

export function complaint(received_on: string, kind: 'compliment' | 'complaint', theme: string, upheld: 'yes' | 'no' | 'n/a' = 'n/a'): ComplaintRecord {
  refs++;
  return { file: 'data/compliments-complaints/test.csv', line: refs + 1, ref: `T-C-${String(refs).padStart(5, '0')}`, received_on, kind, theme, upheld };
}

/**
 * The main term, autumn 2024/25: 20 audits made of ten profiles, each used twice (so that, with a
 * disclosure threshold of 1, no count is suppressed).
 *
 *   #   type  locality  level   grade  timely  standards not met                   moderated
 *   1   EHCP  north     single  O      yes     –                                   yes
 *   2   EHCP  north     single  G      yes     ehc-plan-2                          no
 *   3   EHCP  south     multi   G      no      ehc-plan-2                          no
 *   4   AR    north     multi   G      n/a     –                                   no
 *   5   AR    south     single  G      yes     ehc-plan-3                          yes
 *   6   EHCP  south     single  RI     no      ehc-plan-2, ehc-plan-3              no
 *   7   AR    north     single  RI     n/a     ehc-plan-1                          no
 *   8   EHCP  north     multi   I      no      ehc-plan-1, ehc-plan-2, ehc-plan-5  yes
 *   9   AR    south     multi   O      yes     –                                   no
 *   10  EHCP  south     single  G      yes     ehc-plan-5                          no
 */
export function mainTermAudits(): AuditRecord[] {
  const P = 'ehc-plan';
  const R = 'annual-review';
  const profiles: [string, string, string, AuditShape][] = [
    ['2024-09-02', P, 'north', { level: 'single-agency', grade: 'outstanding', timely: 'yes', standards_not_met: [], moderated: 'yes' }],
    ['2024-09-20', P, 'north', { level: 'single-agency', grade: 'good', timely: 'yes', standards_not_met: ['ehc-plan-2'], moderated: 'no' }],
    ['2024-10-01', P, 'south', { level: 'multi-agency', grade: 'good', timely: 'no', standards_not_met: ['ehc-plan-2'], moderated: 'no' }],
    ['2024-10-15', R, 'north', { level: 'multi-agency', grade: 'good', timely: 'n/a', standards_not_met: [], moderated: 'no' }],
    ['2024-11-04', R, 'south', { level: 'single-agency', grade: 'good', timely: 'yes', standards_not_met: ['ehc-plan-3'], moderated: 'yes' }],
    ['2024-11-12', P, 'south', { level: 'single-agency', grade: 'requires-improvement', timely: 'no', standards_not_met: ['ehc-plan-2', 'ehc-plan-3'], moderated: 'no' }],
    ['2024-11-20', R, 'north', { level: 'single-agency', grade: 'requires-improvement', timely: 'n/a', standards_not_met: ['ehc-plan-1'], moderated: 'no' }],
    ['2024-12-02', P, 'north', { level: 'multi-agency', grade: 'inadequate', timely: 'no', standards_not_met: ['ehc-plan-1', 'ehc-plan-2', 'ehc-plan-5'], moderated: 'yes' }],
    ['2024-12-10', R, 'south', { level: 'multi-agency', grade: 'outstanding', timely: 'yes', standards_not_met: [], moderated: 'no' }],
    ['2024-12-20', P, 'south', { level: 'single-agency', grade: 'good', timely: 'yes', standards_not_met: ['ehc-plan-5'], moderated: 'no' }],
  ];
  return profiles.flatMap(([date, audit_type, locality, rest]) => audits(2, date, { audit_type, locality, ...rest }));
}

/**
 * Family feedback in autumn 2024/25: ten responses rated 5, 5, 4, 4, 4, 4, 3, 3, 1, 1;
 * six about communication and four about timeliness.
 */
export function mainTermFeedback(): FeedbackRecord[] {
  return [
    feedback('2024-09-10', 5),
    feedback('2024-09-11', 5, 'timeliness'),
    feedback('2024-09-12', 4),
    feedback('2024-10-01', 4),
    feedback('2024-10-02', 4, 'timeliness'),
    feedback('2024-10-03', 4),
    feedback('2024-11-01', 3),
    feedback('2024-11-02', 3, 'timeliness'),
    feedback('2024-12-01', 1),
    feedback('2024-12-02', 1, 'timeliness'),
  ];
}

/**
 * Compliments and complaints in autumn 2024/25:
 *   compliments: communication 4, timeliness 3 (total 7)
 *   complaints:  communication 2 (both upheld), timeliness 4 (2 not upheld, 2 still open: n/a)
 * So 4 complaints have been decided, 2 of them upheld.
 */
export function mainTermComplaints(): ComplaintRecord[] {
  return [
    complaint('2024-09-05', 'compliment', 'communication'),
    complaint('2024-09-06', 'compliment', 'communication'),
    complaint('2024-10-06', 'compliment', 'communication'),
    complaint('2024-10-07', 'compliment', 'communication'),
    complaint('2024-11-06', 'compliment', 'timeliness'),
    complaint('2024-11-07', 'compliment', 'timeliness'),
    complaint('2024-11-08', 'compliment', 'timeliness'),
    complaint('2024-09-15', 'complaint', 'communication', 'yes'),
    complaint('2024-09-16', 'complaint', 'communication', 'yes'),
    complaint('2024-10-15', 'complaint', 'timeliness', 'no'),
    complaint('2024-10-16', 'complaint', 'timeliness', 'no'),
    complaint('2024-12-15', 'complaint', 'timeliness', 'n/a'),
    complaint('2024-12-16', 'complaint', 'timeliness', 'n/a'),
  ];
}

/**
 * Earlier terms, all EHC plan / North / single agency so that only the grade varies:
 *   autumn 2023/24 (same term last year): 8 audits, Good 4, RI 2, Inadequate 2 → 4/8 = 50% Good or better
 *   spring 2023/24: none
 *   summer 2023/24 (previous term): 10 audits, Outstanding 2, Good 6, RI 2 → 8/10 = 80%
 */
export function earlierAudits(): AuditRecord[] {
  return [
    ...audits(4, '2023-10-02', { grade: 'good' }),
    ...audits(2, '2023-11-06', { grade: 'requires-improvement' }),
    ...audits(2, '2023-12-20', { grade: 'inadequate' }),
    ...audits(2, '2024-04-15', { grade: 'outstanding' }),
    ...audits(6, '2024-05-20', { grade: 'good' }),
    ...audits(2, '2024-07-23', { grade: 'requires-improvement' }),
  ];
}

/** The practice standards the fixtures' audits are checked against, in report order. */
export const STANDARDS: readonly string[] = Array.from({ length: 10 }, (_, i) => `ehc-plan-${i + 1}`);
