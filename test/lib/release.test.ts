import { describe, expect, it } from 'vitest';
import { allTerms } from '../../src/lib/data/terms';
import { addDays, formatLongDate, publicationDate, releaseCalendar, releaseOf, revisionOf, updatesForMetadata, type ReportUpdate } from '../../src/lib/release';
import { DEFAULT_DATA_LICENCE, PartnershipSchema, type ReportsSchedule } from '../../src/lib/schemas/partnership';
import { loadPartnership } from '../../src/lib/partnership';
import { ROOT } from '../helpers/project-copy';

const cfg = loadPartnership(ROOT);
const terms = allTerms(cfg);
const term = (id: string) => terms.find((t) => t.id === id)!;
const schedule = (s: Partial<ReportsSchedule> = {}): ReportsSchedule => ({ publicationLagDays: 42, provisional: [], published: {}, dataLicence: { ...DEFAULT_DATA_LICENCE }, ...s });
const reported = ['2024-25-autumn', '2024-25-spring', '2024-25-summer', '2025-26-autumn'];
const update = (date: string, revised: ReportUpdate['revised'] = []): ReportUpdate => ({ date, changed: `Changed on ${date}.`, reason: 'A recording error.', revised });

describe('dates', () => {
  it('adds days across month and year ends in UTC', () => {
    expect(addDays('2025-12-31', 42)).toBe('2026-02-11');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2026-03-28', 1)).toBe('2026-03-29'); // the clocks change in the UK that night
  });

  it('writes a date the long way, the same on any machine', () => {
    expect(formatLongDate('2026-10-12')).toBe('12 October 2026');
    expect(formatLongDate('2027-01-01')).toBe('1 January 2027');
  });

  it('publishes a report the lag after its term ends', () => {
    expect(publicationDate(term('2025-26-summer'), schedule())).toBe('2026-10-12'); // 31 August + 42 days
    expect(publicationDate(term('2025-26-summer'), schedule({ publicationLagDays: 0 }))).toBe('2026-08-31');
  });

  it('uses a term’s own publication date when one is set', () => {
    expect(publicationDate(term('2025-26-summer'), schedule({ published: { '2025-26-summer': '2026-10-20' } }))).toBe('2026-10-20');
    expect(publicationDate(term('2025-26-spring'), schedule({ published: { '2025-26-summer': '2026-10-20' } }))).toBe('2026-05-24');
  });
});

describe('the release calendar', () => {
  const cal = releaseCalendar({ terms, reported, schedule: schedule({ provisional: ['2025-26-autumn'] }) });

  it('lists published reports latest first, and marks only the newest as latest', () => {
    expect(cal.releases.map((r) => r.term.id)).toEqual(['2025-26-autumn', '2024-25-summer', '2024-25-spring', '2024-25-autumn']);
    expect(cal.releases.map((r) => r.latest)).toEqual([true, false, false, false]);
    expect(cal.latest?.term.id).toBe('2025-26-autumn');
  });

  it('says when the next report is due: the term after the latest, end of term plus the lag', () => {
    expect(cal.nextDue?.term.id).toBe('2025-26-spring');
    expect(cal.nextDue?.due).toBe('2026-05-24'); // 12 April 2026 + 42 days
  });

  it('lists every configured term after the latest report as upcoming, soonest first, and none before it', () => {
    expect(cal.upcoming.map((u) => u.term.id)).toEqual(['2025-26-spring', '2025-26-summer', '2026-27-autumn', '2026-27-spring', '2026-27-summer']);
    expect(cal.upcoming.map((u) => u.term.id)).not.toContain('2023-24-summer'); // no data, but in the past
  });

  it('marks provisional reports, and only those', () => {
    expect(releaseOf(cal, '2025-26-autumn')?.provisional).toBe(true);
    expect(releaseOf(cal, '2024-25-summer')?.provisional).toBe(false);
  });

  it('a superseded report stops being latest when a newer one is published', () => {
    const later = releaseCalendar({ terms, reported: [...reported, '2025-26-spring'], schedule: schedule() });
    expect(releaseOf(later, '2025-26-autumn')?.latest).toBe(false);
    expect(later.latest?.term.id).toBe('2025-26-spring');
    expect(later.nextDue?.term.id).toBe('2025-26-summer');
  });

  it('has no next report when no later term is configured', () => {
    const last = releaseCalendar({ terms, reported: ['2026-27-summer'], schedule: schedule() });
    expect(last.upcoming).toEqual([]);
    expect(last.nextDue).toBeUndefined();
  });

  it('has no latest report and every term upcoming when nothing is published yet', () => {
    const none = releaseCalendar({ terms, reported: [], schedule: schedule() });
    expect(none.latest).toBeUndefined();
    expect(none.nextDue?.term.id).toBe(terms[0]!.id);
  });
});

describe('updates and revised figures', () => {
  const coast = { section: 'Grades by locality', group: 'Coast', measure: 'Total' };
  const updates = new Map([['2024-25-summer', [update('2025-12-01', [coast]), update('2025-11-01')]]]);
  const cal = releaseCalendar({ terms, reported, schedule: schedule(), updates });

  it('gives each report its updates, oldest first', () => {
    expect(releaseOf(cal, '2024-25-summer')?.updates.map((u) => u.date)).toEqual(['2025-11-01', '2025-12-01']);
    expect(releaseOf(cal, '2024-25-spring')?.updates).toEqual([]);
  });

  it('finds the update that revised a figure, whatever the case or spacing of its names', () => {
    const list = releaseOf(cal, '2024-25-summer')!.updates;
    expect(revisionOf(list, 'Grades by locality', 'Coast', 'Total')?.date).toBe('2025-12-01');
    expect(revisionOf(list, ' grades by LOCALITY', 'coast ', 'total')).toBeDefined();
    expect(revisionOf(list, 'Grades by locality', 'Coast', '% Good or better')).toBeUndefined();
  });

  it('gives the download’s metadata every update, oldest first, as plain data', () => {
    expect(updatesForMetadata(updates.get('2024-25-summer')!)).toEqual([
      { date: '2025-11-01', changed: 'Changed on 2025-11-01.', reason: 'A recording error.', revised: [] },
      { date: '2025-12-01', changed: 'Changed on 2025-12-01.', reason: 'A recording error.', revised: [coast] },
    ]);
  });
});

describe('the reports schedule in data/partnership.yaml', () => {
  const base = { ...cfg, reports: undefined } as Record<string, unknown>;

  it('defaults to six weeks, nothing provisional, no dates of its own, the Open Government Licence for the downloads', () => {
    const parsed = PartnershipSchema.parse(base);
    expect(parsed.reports).toEqual({ publicationLagDays: 42, provisional: [], published: {}, dataLicence: { name: 'OGL-UK-3.0', title: 'Open Government Licence v3.0', path: 'https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/' } });
  });

  it('takes a licence of its own for the downloads, and refuses one without an address', () => {
    const cc = { name: 'CC-BY-4.0', title: 'Creative Commons Attribution 4.0', path: 'https://creativecommons.org/licenses/by/4.0/' };
    expect(PartnershipSchema.parse({ ...base, reports: { dataLicence: cc } }).reports.dataLicence).toEqual(cc);
    const bad = PartnershipSchema.safeParse({ ...base, reports: { dataLicence: { name: 'CC-BY-4.0', title: 'Creative Commons Attribution 4.0' } } });
    expect(bad.success).toBe(false);
    expect(bad.error!.issues.map((i) => i.path.join('.'))).toEqual(['reports.dataLicence.path']);
  });

  it('refuses a provisional or published term that is not configured, naming it', () => {
    const r = PartnershipSchema.safeParse({ ...base, reports: { provisional: ['2031-32-autumn'], published: { '2030-31-summer': '2031-10-01' } } });
    expect(r.success).toBe(false);
    const messages = r.error!.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    expect(messages).toContain('reports.provisional.0: "2031-32-autumn" is not a term of any academic year under terms; use a configured term or add its year');
    expect(messages.some((m) => m.startsWith('reports.published.2030-31-summer:'))).toBe(true);
  });

  it('refuses a negative lag and an unknown field', () => {
    expect(PartnershipSchema.safeParse({ ...base, reports: { publicationLagDays: -1 } }).success).toBe(false);
    expect(PartnershipSchema.safeParse({ ...base, reports: { lagDays: 30 } }).success).toBe(false);
  });
});
