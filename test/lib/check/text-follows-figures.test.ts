import { describe, expect, it } from 'vitest';
import { checkTextFollowsFigures } from '../../../src/lib/check/text-follows-figures';
import { band, type Percent } from '../../../src/lib/data/disclosure';
import type { CrossTab, TermReport } from '../../../src/lib/data/report';

const tab = (rows: [string, string, Percent][]): CrossTab =>
  ({ id: 't', title: 't', rowHeading: '', rows: rows.map(([id, label]) => ({ id, label })), cols: [], table: {} as CrossTab['table'], share: { label: 'Good or better', rows: rows.map((r) => r[2]), total: { kind: 'percent', value: 80 } } }) as CrossTab;

const report = {
  term: { id: '2024-25-spring', label: 'Spring term 2024/25' },
  byLocality: tab([['north', 'North', { kind: 'percent', value: 84 }], ['coast', 'Coast', { kind: 'suppressed', reason: 'secondary' }], ['east', 'East', band(0, 80)]]),
  byType: tab([['advice-social-care', 'Statutory advice (social care)', { kind: 'suppressed', reason: 'secondary' }]]),
  byLevel: tab([]),
} as unknown as TermReport;

const check = (body: string) => checkTextFollowsFigures('content/report-commentary/2024-25-spring.mdx', body, 5, report);

describe('text follows the figures', () => {
  it('refuses a sentence describing a locality whose share is hidden, with its line and column', () => {
    const p = check('A good term overall.\nWork in the Coast locality was weakest. North did well.');
    expect(p).toHaveLength(1);
    expect(p[0]).toMatchObject({ line: 6, column: 1 });
    expect(p[0]!.message).toMatch(/describes Coast, whose share Good or better is hidden in the spring term 2024\/25 report/);
    expect(p[0]!.fix).toMatch(/<Stat metric="good-or-better" locality="coast" \/>/);
  });

  it('refuses a locality named with the configuration component, and one shown only as a range', () => {
    expect(check('<Localities id="coast" /> fell behind.')).toHaveLength(1);
    expect(check('East came close but fell just short.')[0]!.message).toMatch(/shown only as a range/);
  });

  it('accepts a sentence that quotes the figure with a component, or carries a reviewed marker', () => {
    expect(check('Coast (<Stat metric="good-or-better" locality="coast" />) was below target.')).toEqual([]);
    expect(check('The Coast team moved office. {/* figures-ok: not about its figure */}')).toEqual([]);
  });

  it('names a type of audit only when the sentence judges it', () => {
    expect(check('We audited Statutory advice (social care) this term.')).toEqual([]);
    expect(check('Statutory advice (social care) was weakest.')).toHaveLength(1);
  });

  it('says nothing of a locality whose share is published exactly', () => {
    expect(check('North was strongest.')).toEqual([]);
  });
});
