import { describe, expect, it } from 'vitest';
import { checkBriefingComponents, checkNotMetRank, scanComponents, type BriefingRefs } from '../../src/lib/briefing-check';
import { checkContent } from '../../src/lib/content-check';
import { loadData } from '../../src/lib/data/load';
import { compareMetric, type CompareQuery } from '../../src/lib/data/metrics';
import { buildReports } from '../../src/lib/data/report';
import { ROOT } from '../helpers/project-copy';

// The real reports of the bundled example, as a briefing is checked against them in a build.
const { content } = checkContent(ROOT);
const data = loadData(ROOT);
const refs: BriefingRefs = {
  reports: buildReports({ cfg: content.partnership!, audits: data.audits, feedback: data.feedback, complaints: data.complaints }),
  standardIds: new Set(content.standards.map((s) => s.id)),
  guidanceIds: new Set(content.guidance.map((g) => g.id)),
};
const FILE = 'content/briefings/example.mdx';
/** Problems in an MDX body that starts on line 10 of its file (after the frontmatter). */
const check = (body: string, r: BriefingRefs = refs) => checkBriefingComponents(FILE, scanComponents(body, 10), r);
const brief = (body: string, r?: BriefingRefs) => check(body, r).map((p) => `${p.line}:${p.column} ${p.field}: ${p.message}`);

describe('finding the components a briefing uses', () => {
  it('gives each component and attribute its line and column in the file', () => {
    const uses = scanComponents('Intro.\n\nWe did <Stat metric="audits"\n    term="2025-26-summer" /> audits.\n<Callout title="Next">x</Callout>', 10);
    expect(uses.map((u) => [u.name, u.line, u.column])).toEqual([
      ['Stat', 12, 8],
      ['Callout', 14, 1],
    ]);
    expect(uses[0]!.attrs.get('metric')).toEqual({ value: 'audits', line: 12, column: 14 });
    expect(uses[0]!.attrs.get('term')).toEqual({ value: '2025-26-summer', line: 13, column: 5 });
  });

  it('reads attribute values written in braces as well as quotes', () => {
    const [u] = scanComponents(`<Stat metric={"audits"} term={'2025-26-summer'} />`, 1);
    expect(u!.attrs.get('metric')?.value).toBe('audits');
    expect(u!.attrs.get('term')?.value).toBe('2025-26-summer');
  });

  it('ignores other tags and text that only looks like a component', () => {
    expect(scanComponents('<p>Statistics</p> <Stats metric="x" /> a <Standard id="x" />', 1)).toEqual([]);
  });
});

describe('checking a briefing against the reports, standards and guidance', () => {
  it('accepts real figures, charts and links', () => {
    expect(
      brief(
        [
          '<Stat metric="good-or-better" term="2025-26-summer" />',
          '<Stat metric="good-or-better" term="2025-26-summer" auditType="ehc-plan" />',
          '<Stat metric="audits" term="2024-25-autumn" locality="east" />',
          '<Stat metric="average-rating" term="2025-26-spring" />',
          '<ReportChart term="2025-26-summer" section="by-locality" />',
          '<StandardLink id="ehc-plan-2" /> <GuidanceLink id="smart-outcomes" />',
          '<Callout title="What to do next">Do it.</Callout>',
        ].join('\n'),
      ),
    ).toEqual([]);
  });

  it('names an unknown metric and lists the figures that can be quoted', () => {
    const [p, ...rest] = check('x\n  <Stat metric="good-or-beter" term="2025-26-summer" />');
    expect(rest).toEqual([]);
    expect(p).toMatchObject({ file: FILE, line: 11, column: 9, field: '<Stat> metric', message: 'found "good-or-beter", which is not a figure we publish' });
    expect(p!.expected).toContain('good-or-better');
    expect(p!.fix).toContain('docs/publishing.md');
  });

  it('names a term with no report, and one that is not a term at all', () => {
    expect(brief('<Stat metric="audits" term="2031-32-summer" />\n<ReportChart term="summer" section="grades" />')).toEqual([
      '10:23 <Stat> term: found "2031-32-summer", which is not a term with a report',
      '11:14 <ReportChart> term: found "summer", which is not a term with a report',
    ]);
  });

  it('refuses a figure narrowed in a way the reports do not publish', () => {
    expect(
      brief(
        [
          '<Stat metric="timeliness" term="2025-26-summer" locality="east" />',
          '<Stat metric="audits" term="2025-26-summer" locality="east" level="multi-agency" />',
          '<Stat metric="good-or-better" term="2025-26-summer" locality="northvale-east" />',
          '<Stat metric="good-or-better" term="2025-26-summer" auditType="ehcp" />',
        ].join('\n'),
      ),
    ).toEqual([
      '10:49 <Stat> locality: the metric "timeliness" cannot be narrowed to one locality',
      '11:61 <Stat> level: only one of auditType, locality and level can be given',
      '12:53 <Stat> locality: found "northvale-east", which is not a locality',
      '13:53 <Stat> auditType: found "ehcp", which is not a type of audit',
    ]);
  });

  it('asks for missing attributes and refuses ones a component does not have', () => {
    expect(brief('<Stat term="2025-26-summer" />\n<ReportChart term="2025-26-summer" colour="red" section="grades" />\n<StandardLink />')).toEqual([
      '10:1 <Stat> metric: <Stat> needs metric="…"',
      '11:36 <ReportChart> colour: <ReportChart> has no attribute "colour"',
      '12:1 <StandardLink> id: <StandardLink> needs id="…"',
    ]);
  });

  it('names an unknown chart section, standard or guidance entry', () => {
    const problems = check('<ReportChart term="2025-26-summer" section="by-town" />\n<StandardLink id="ehc-plan-55" />\n<GuidanceLink id="smart-outcome" />');
    expect(problems.map((p) => p.message)).toEqual([
      'found "by-town", which is not a section of a report',
      'found "ehc-plan-55", which is not a known standard',
      'found "smart-outcome", which is not a guidance entry',
    ]);
    expect(problems[0]!.expected).toContain('by-locality');
    expect(problems[2]!.expected).toContain('smart-outcomes');
  });

  it('still checks links, but not figures, while the data have problems and there are no reports', () => {
    const noReports = { ...refs, reports: undefined };
    expect(brief('<Stat metric="nonsense" term="2025-26-summer" />\n<StandardLink id="ehc-plan-55" />', noReports)).toEqual([
      '11:15 <StandardLink> id: found "ehc-plan-55", which is not a known standard',
    ]);
  });
});

describe('comparisons in words, from two published figures', () => {
  const reports = refs.reports!;
  const summer = reports.find((r) => r.term.id === '2025-26-summer')!;
  const spring = reports.find((r) => r.term.id === '2025-26-spring')!;
  const lastSummer = reports.find((r) => r.term.id === '2024-25-summer')!;
  const value = (f: { kind: string; value?: number }) => {
    if (f.kind === 'suppressed') throw new Error('expected a published figure');
    return f.value!;
  };
  const words = (q: Omit<CompareQuery, 'term'> & { term?: string }) => {
    const r = compareMetric(reports, { term: '2025-26-summer', ...q });
    if (!r.ok) throw new Error(r.message);
    return r.value;
  };
  const pts = (d: number) => `${Math.abs(d)} point${Math.abs(d) === 1 ? '' : 's'}`;

  it('compares the share Good or better with the target', () => {
    const d = value(summer.goodOrBetter) - summer.target;
    expect(d).not.toBe(0);
    expect(words({ metric: 'good-or-better', with: 'target' })).toMatchObject({ points: d, text: `${pts(d)} ${d > 0 ? 'above' : 'below'} the 80% target` });
  });

  it('compares a share with the term before and the same term a year before, in points', () => {
    const d1 = value(summer.goodOrBetter) - value(spring.goodOrBetter);
    const d3 = value(summer.goodOrBetter) - value(lastSummer.goodOrBetter);
    expect(words({ metric: 'good-or-better', with: 'previous-term' })).toMatchObject({ points: d1, otherTerm: '2025-26-spring', text: `${d1 > 0 ? 'up' : 'down'} ${pts(d1)} on the spring term 2025/26` });
    expect(words({ metric: 'good-or-better', with: 'last-year' })).toMatchObject({ points: d3, otherTerm: '2024-25-summer', text: `${d3 > 0 ? 'up' : 'down'} ${pts(d3)} on the summer term 2024/25` });
  });

  it('compares numbers as more or fewer', () => {
    const d = value(summer.complaints.byTheme.table.rowTotals[1]!) - value(spring.complaints.byTheme.table.rowTotals[1]!);
    expect(d).not.toBe(0);
    expect(words({ metric: 'complaints', with: 'previous-term' }).text).toBe(`${Math.abs(d)} ${d > 0 ? 'more' : 'fewer'} than in the spring term 2025/26`);
  });

  it('says a figure cannot be compared when it is not published, and gives no difference', () => {
    const row = summer.byLocality.rows.findIndex((r) => summer.byLocality.share!.rows[summer.byLocality.rows.indexOf(r)]!.kind === 'suppressed');
    expect(row).toBeGreaterThanOrEqual(0);
    const locality = summer.byLocality.rows[row]!.id;
    expect(words({ metric: 'good-or-better', locality, with: 'target' })).toMatchObject({ points: null, text: 'not published this term, so it cannot be compared with the 80% target' });
    expect(words({ metric: 'good-or-better', locality, with: 'previous-term' })).toMatchObject({ points: null, text: 'not comparable with the spring term 2025/26, because a figure is not published' });
  });

  it('refuses comparisons that cannot be made, saying why', () => {
    const fails = (q: CompareQuery) => {
      const r = compareMetric(reports, q);
      return r.ok ? 'ok' : `${r.field}: ${r.message}`;
    };
    expect(fails({ metric: 'good-or-better', term: '2025-26-summer', with: 'yesterday' })).toBe('with: found "yesterday", which is not something a figure can be compared with');
    expect(fails({ metric: 'timeliness', term: '2025-26-summer', with: 'target' })).toBe('with: only good-or-better has a target, not "timeliness"');
    expect(fails({ metric: 'average-rating', term: '2025-26-summer', with: 'previous-term' })).toBe('metric: an average rating cannot be compared with <Compare>');
    const first = [...reports].sort((a, b) => a.term.index - b.term.index)[0]!;
    expect(fails({ metric: 'audits', term: first.term.id, with: 'previous-term' })).toBe(`with: there is no report for the term before the ${first.term.label.toLowerCase()}`);
    expect(fails({ metric: 'good-or-better', term: '2031-32-summer', with: 'target' })).toBe('term: found "2031-32-summer", which is not a term with a report');
  });

  it('checks <Compare> in a briefing like every other component', () => {
    expect(brief('<Compare metric="good-or-better" term="2025-26-summer" with="target" />\n<Compare metric="good-or-better" term="2025-26-summer" with="last-week" />\n<Compare metric="audits" term="2025-26-summer" />')).toEqual([
      '11:56 <Compare> with: found "last-week", which is not something a figure can be compared with',
      '12:1 <Compare> with: <Compare> needs with="…"',
    ]);
  });
});

describe('claims about the standards most often not met', () => {
  const reports = refs.reports!;
  const summer = reports.find((r) => r.term.id === '2025-26-summer')!.standardsNotMet.map((s) => s.id);

  it('accepts a standard at its place in the term’s list, and refuses it at another', () => {
    expect(checkNotMetRank(reports, summer[0]!, '2025-26-summer', '1')).toEqual({ ok: true });
    expect(checkNotMetRank(reports, summer[1]!, '2025-26-summer', '2')).toEqual({ ok: true });
    expect(checkNotMetRank(reports, summer[1]!, '2025-26-summer', '1')).toMatchObject({
      ok: false,
      field: 'rank',
      message: `${summer[1]} is number 2 in the 2025-26-summer list of standards most often not met, not number 1 (number 1 is ${summer[0]})`,
      expected: 'rank="2", or the standard that is number 1',
    });
  });

  it('lets standards with the same published count share a place', () => {
    const tied = reports
      .map((r) => ({ r, i: r.standardsNotMet.findIndex((s, i) => i > 0 && s.count.kind === 'count' && JSON.stringify(s.count) === JSON.stringify(r.standardsNotMet[i - 1]!.count)) }))
      .find((x) => x.i > 0);
    expect(tied, 'a term in the example data with two standards on the same count').toBeDefined();
    const { r, i } = tied!;
    expect(checkNotMetRank(reports, r.standardsNotMet[i]!.id, r.term.id, String(i))).toEqual({ ok: true });
    expect(checkNotMetRank(reports, r.standardsNotMet[i - 1]!.id, r.term.id, String(i + 1))).toEqual({ ok: true });
  });

  it('refuses a place outside the list, an unknown term, and a standard not in the list', () => {
    expect(checkNotMetRank(reports, summer[0]!, '2025-26-summer', '9')).toMatchObject({ field: 'rank', message: 'found "9", which is not a place in the list', expected: `a whole number from 1 to ${summer.length}` });
    expect(checkNotMetRank(reports, summer[0]!, '2031-32-summer', '1')).toMatchObject({ field: 'term' });
    expect(checkNotMetRank(reports, 'sen-services-3', '2025-26-summer', '1')).toMatchObject({ field: 'rank', message: `sen-services-3 is not in the 2025-26-summer list of standards most often not met, not number 1 (number 1 is ${summer[0]})` });
  });

  it('checks the claim in a briefing, and asks for term and rank together', () => {
    expect(brief(`<StandardLink id="${summer[1]}" term="2025-26-summer" rank="1" />\n<StandardLink id="${summer[0]}" rank="1" />`)).toEqual([
      `10:${`<StandardLink id="${summer[1]}" term="2025-26-summer" `.length + 1} <StandardLink> rank: ${summer[1]} is number 2 in the 2025-26-summer list of standards most often not met, not number 1 (number 1 is ${summer[0]})`,
      `11:${`<StandardLink id="${summer[0]}" `.length + 1} <StandardLink> rank: <StandardLink> with rank also needs term="…"`,
    ]);
  });
});
