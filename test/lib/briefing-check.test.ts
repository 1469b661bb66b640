import { cpSync, existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkBriefingComponents, checkNotMetRank, type BriefingRefs } from '../../src/lib/briefing-check';
import { checkContent } from '../../src/lib/content-check';
import { checkAll, loadData, practiceStandards } from '../../src/lib/data/load';
import { compareMetric, type CompareQuery } from '../../src/lib/data/metrics';
import { compareShares, compareWithTarget } from '../../src/lib/describe/chance';
import { buildSnapshot, disclosureCacheDir } from '../../src/lib/snapshot';
import { allTerms } from '../../src/lib/data/terms';
import { checkMdx } from '../../src/lib/mdx-check';
import { readMdx } from '../../src/lib/mdx-source';
import { describeProblem, formatProblems, isError, type Problem } from '../../src/lib/problems';
import { PLACEHOLDERS, briefingSkeleton } from '../../src/lib/scaffold';
import { BRIEFING_COMPONENTS } from '../../src/lib/schemas/briefing-components';
import { ROOT, lineOf, projectCopy } from '../helpers/project-copy';

// The real reports of the bundled example, as a briefing is checked against them in a build.
const { content } = checkContent(ROOT);
const data = await loadData(ROOT);
const { reports } = await buildSnapshot({
  cfg: content.partnership!,
  audits: data.audits,
  feedback: data.feedback,
  complaints: data.complaints,
  standards: practiceStandards(content, data.audits),
  cacheDir: disclosureCacheDir(ROOT),
});
const refs: BriefingRefs = {
  reports,
  standardIds: new Set(content.standards.map((s) => s.id)),
  guidanceIds: new Set(content.guidance.map((g) => g.id)),
  terms: allTerms(content.partnership!).map((t) => t.id),
  auditFile: (term) => `data/audits/${term}.csv`,
};
const FILE = 'content/briefings/example.mdx';
const TERM = '2025-26-summer';
/** Nine lines of frontmatter and a blank line: the body starts on line 10 of the file. */
const front = (term: string, draft: boolean) =>
  ['---', 'title: "Example"', `term: ${term}`, 'published: 2026-09-15', 'audience: [practitioners]', 'kind: termly-quality-briefing', 'summary: "An example."', `draft: ${draft}`, '---', ''].join('\n');
/** Every problem in a briefing about `term` whose body is `body`, as validation reports them. */
const check = (body: string, r: BriefingRefs = refs, opts: { term?: string; draft?: boolean } = {}): Problem[] => {
  const term = opts.term ?? TERM;
  const mdx = checkMdx(FILE, front(term, opts.draft ?? false) + body, { components: Object.keys(BRIEFING_COMPONENTS), briefing: { term, draft: opts.draft ?? false } });
  return [...mdx.problems, ...checkBriefingComponents(FILE, mdx.source.elements, term, r)];
};
const brief = (body: string, r?: BriefingRefs, opts?: { term?: string; draft?: boolean }) => check(body, r, opts).map((p) => `${p.line}:${p.column} ${p.field}: ${p.message}`);

describe('reading a briefing with the MDX compiler the build uses', () => {
  it('gives each component and attribute its line and column in the file', () => {
    const { elements } = readMdx(FILE, 'Intro.\n\nWe did <Stat metric="audits"\n    otherTerm="2025-26-spring" /> audits.\n\n<Callout title="Next">x</Callout>');
    expect(elements.map((u) => [u.name, u.line, u.column])).toEqual([
      ['Stat', 3, 8],
      ['Callout', 6, 1],
    ]);
    expect(elements[0]!.attributes).toEqual([
      { name: 'metric', value: 'audits', form: 'text', line: 3, column: 14 },
      { name: 'otherTerm', value: '2025-26-spring', form: 'text', line: 4, column: 5 },
    ]);
  });

  it('reads attribute values written in braces as well as quotes', () => {
    const [u] = readMdx(FILE, `<Stat metric={"audits"} rank={2} otherTerm={'2025-26-summer'} />`).elements;
    expect(u!.attributes.map((a) => [a.name, a.value])).toEqual([
      ['metric', 'audits'],
      ['rank', '2'],
      ['otherTerm', '2025-26-summer'],
    ]);
  });

  it('finds components inside lists and other components', () => {
    const { elements } = readMdx(FILE, '<Callout title="Next">\n\n- Read <GuidanceLink id="smart-outcomes" />.\n\n</Callout>\n');
    expect(elements.map((e) => `${e.name}@${e.line}:${e.column}`)).toEqual(['Callout@1:1', 'GuidanceLink@3:8']);
  });

  it('reports a tag that is never closed on its line, in words, instead of stopping the build', () => {
    const problems = check('Intro.\n\nWe completed <Stat metric="audits" audits this term.\n\nMore text.');
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ line: 12, column: 14, message: 'the tag <Stat … is never closed' });
    expect(problems[0]!.fix).toContain('/>');
  });

  it('says how to close a component written with > instead of />, and a box without its closing tag', () => {
    expect(brief('We completed <Stat metric="audits"> audits.')).toEqual(['10:14 undefined: <Stat …> ends with > here, so MDX looks for a closing </Stat> that is not there']);
    expect(brief('<Callout title="Next">\n\n- Do it.\n')).toEqual(['10:1 undefined: <Callout> is opened here but never closed']);
  });

  it('reports curly quotation marks from a word processor once, and still checks the value', () => {
    const problems = check('Of these, <Stat metric=“good-or-better” /> and <Stat metric=“good-or-beter” /> were Good.');
    expect(problems.map((p) => `${p.line}:${p.column} ${p.field}: ${p.message}`)).toEqual([
      '10:24 <Stat> metric: the value of metric is in curly quotation marks (“…”), as a word processor types them, which MDX cannot read',
      '10:61 <Stat> metric: the value of metric is in curly quotation marks (“…”), as a word processor types them, which MDX cannot read',
      '10:54 <Stat> metric: found "good-or-beter", which is not a figure we publish',
    ]);
    expect(problems[0]!.expected).toBe('straight quotation marks: metric="…"');
    expect(problems.map((p) => p.message).join('\n')).not.toContain('needs metric');
  });

  it('refuses a component name in lower case, which would show nothing, and suggests the right one', () => {
    const [p, ...rest] = check('We completed <stat metric="audits" /> audits.');
    expect(rest).toEqual([]);
    expect(p).toMatchObject({ line: 10, column: 14, field: '<stat>', didYouMean: '<Stat>' });
    expect(p!.message).toContain('would show nothing on the page');
  });

  it('refuses a component the page does not have, suggesting the nearest, and lets plain HTML through', () => {
    expect(check('<p>Statistics</p> <Stats metric="audits" /> a <abbr title="x">EHC</abbr>').map((p) => [p.field, p.message, p.didYouMean])).toEqual([
      ['<Stats>', 'there is no component <Stats>', '<Stat>'],
    ]);
  });

  it('refuses text in curly brackets, which MDX runs as code', () => {
    expect(brief('We met {target} this term. {/* a comment is fine */}')).toEqual(['10:8 undefined: found {target}: text in curly brackets is read as code, and the page would fail to build']);
  });

  it("refuses the scaffold's placeholder text in a briefing set to be published, but not in a draft", () => {
    const { text } = briefingSkeleton({ term: TERM, title: 'What we found', today: '2026-09-15' });
    const published = text.replace('draft: true', 'draft: false');
    const mdx = checkMdx(FILE, published, { components: Object.keys(BRIEFING_COMPONENTS), briefing: { term: TERM, draft: false } });
    expect(mdx.problems.map((p) => p.message)).toEqual(PLACEHOLDERS.map((p) => `the template's placeholder "${p}" is still here, and the briefing is set to be published (draft: false)`));
    expect(mdx.problems[0]!.line).toBe(7);
    expect(checkMdx(FILE, text, { components: Object.keys(BRIEFING_COMPONENTS), briefing: { term: TERM, draft: true } }).problems).toEqual([]);
  });

  it('has a scaffold whose figures all follow its term, and that passes every check as a draft', () => {
    const { text } = briefingSkeleton({ term: TERM, title: 'What we found', today: '2026-09-15' });
    expect(text).not.toMatch(/ term="/);
    const mdx = checkMdx(FILE, text, { components: Object.keys(BRIEFING_COMPONENTS), briefing: { term: TERM, draft: true } });
    expect([...mdx.problems, ...checkBriefingComponents(FILE, mdx.source.elements, TERM, refs)]).toEqual([]);
  });
});

describe('checking a briefing against the reports, standards and guidance', () => {
  it('accepts real figures, charts and links', () => {
    expect(
      brief(
        [
          '<Stat metric="good-or-better" />',
          '<Stat metric="good-or-better" term="2025-26-summer" auditType="ehc-plan" />',
          '<Stat metric="audits" otherTerm="2024-25-autumn" locality="east" />',
          '<Stat metric="average-rating" otherTerm="2025-26-spring" />',
          '<ReportChart section="by-locality" />',
          '<StandardLink id="ehc-plan-2" /> <GuidanceLink id="smart-outcomes" />',
          '<Callout title="What to do next">Do it.</Callout>',
        ].join('\n'),
      ),
    ).toEqual([]);
  });

  it('names an unknown metric, lists the figures that can be quoted, and suggests the nearest', () => {
    const [p, ...rest] = check('x\n  <Stat metric="good-or-beter" />');
    expect(rest).toEqual([]);
    expect(p).toMatchObject({ file: FILE, line: 11, column: 9, field: '<Stat> metric', message: 'found "good-or-beter", which is not a figure we publish', didYouMean: '"good-or-better"' });
    expect(p!.expected).toContain('good-or-better');
    expect(p!.fix).toBe('write metric="good-or-better"');
    expect(describeProblem(p!)).toMatch(/^<Stat> metric: found "good-or-beter", which is not a figure we publish\. Did you mean "good-or-better"\? Expected one of: .*\. How to fix: /);
  });

  it('suggests the nearest section, standard, guidance entry, term, locality and attribute name', () => {
    const near = check(
      [
        '<ReportChart section="by-tipe" />',
        '<StandardLink id="ehc-plan-22" />',
        '<GuidanceLink id="smart-outcome" />',
        '<Stat metric="audits" otherTerm="2025-26-sumer" />',
        '<Stat metric="audits" locality="eest" />',
        '<Stat metric="audits" auditype="ehc-plan" />',
      ].join('\n'),
    ).map((p) => `${p.line} ${p.field}: ${p.didYouMean}`);
    expect(near).toEqual([
      '10 <ReportChart> section: "by-type"',
      '11 <StandardLink> id: "ehc-plan-2"',
      '12 <GuidanceLink> id: "smart-outcomes"',
      '13 <Stat> otherTerm: "2025-26-summer"',
      '14 <Stat> locality: "east"',
      '15 <Stat> auditype: "auditType"',
    ]);
  });

  it('names a term that is not a term at all, and a real term with no data, naming the file it needs', () => {
    const problems = check('<Stat metric="audits" otherTerm="2031-32-summer" />\n<ReportChart otherTerm="2026-27-autumn" section="grades" />');
    expect(problems.map((p) => `${p.line}:${p.column} ${p.field}: ${p.message}`)).toEqual([
      '10:23 <Stat> otherTerm: found "2031-32-summer", which is not a term with a report',
      '11:14 <ReportChart> otherTerm: there are no figures for 2026-27-autumn yet: no audits in data/audits fall in that term, so it has no report',
    ]);
    expect(problems[1]!.fix).toContain('add data/audits/2026-27-autumn.csv');
  });

  it('takes every figure without a term from the briefing, and refuses a term= that differs from it, saying how to quote another term on purpose', () => {
    expect(brief('<Stat metric="audits" />', refs, { term: '2025-26-spring' })).toEqual([]);
    const [p, ...rest] = check('<Stat metric="audits" term="2025-26-spring" />');
    expect(rest).toEqual([]);
    expect(p).toMatchObject({ line: 10, column: 23, field: '<Stat> term' });
    expect(p!.message).toBe('found term="2025-26-spring", but this briefing is about 2025-26-summer (the term: line at the top of the file), so this figure would not match the briefing');
    expect(p!.fix).toContain('otherTerm="2025-26-spring"');
    expect(brief('<Stat metric="audits" otherTerm="2025-26-spring" />')).toEqual([]);
  });

  it("says nothing on each figure when the briefing's own term has no report (that is said once, on its frontmatter)", () => {
    expect(brief('<Stat metric="audits" />\n<ReportChart section="grades" />', refs, { term: '2026-27-autumn' })).toEqual([]);
  });

  it('refuses a figure narrowed in a way the reports do not publish', () => {
    expect(
      brief(
        [
          '<Stat metric="timeliness" locality="east" />',
          '<Stat metric="audits" locality="east" level="multi-agency" />',
          '<Stat metric="good-or-better" locality="northvale-east" />',
          '<Stat metric="good-or-better" auditType="ehcp" />',
        ].join('\n'),
      ),
    ).toEqual([
      '10:27 <Stat> locality: the metric "timeliness" cannot be narrowed to one locality',
      '11:39 <Stat> level: only one of auditType, locality and level can be given',
      '12:31 <Stat> locality: found "northvale-east", which is not a locality',
      '13:31 <Stat> auditType: found "ehcp", which is not a type of audit',
    ]);
  });

  it('asks for missing attributes and refuses ones a component does not have', () => {
    expect(brief('<Stat />\n<ReportChart colour="red" section="grades" />\n<StandardLink />\n<Callout title>x</Callout>')).toEqual([
      '10:1 <Stat> metric: <Stat> needs metric="…"',
      '11:14 <ReportChart> colour: <ReportChart> has no attribute "colour"',
      '12:1 <StandardLink> id: <StandardLink> needs id="…"',
      '13:10 <Callout> title: title has no value',
    ]);
  });

  it('names an unknown chart section, standard or guidance entry', () => {
    const problems = check('<ReportChart section="by-town" />\n<StandardLink id="ehc-plan-55" />\n<GuidanceLink id="smart-outcome" />');
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
    expect(brief('<Stat metric="audits" otherTerm="2031-32-summer" />\n<StandardLink id="ehc-plan-55" />', noReports)).toEqual([
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
    // The gap is judged against the share's 95% Wilson interval, from the published share and audits.
    const gap = compareWithTarget({ percent: value(summer.goodOrBetter), n: value(summer.audits) }, summer.target);
    const chance = gap.verdict === 'more-than-chance' ? 'more than chance alone would explain' : 'a gap this size can happen by chance';
    expect(words({ metric: 'good-or-better', with: 'target' })).toMatchObject({ points: d, verdict: gap.verdict, text: `${pts(d)} ${d > 0 ? 'above' : 'below'} the 80% target (${chance})` });
  });

  it('compares a share with the term before and the same term a year before, in points', () => {
    const d1 = value(summer.goodOrBetter) - value(spring.goodOrBetter);
    const d3 = value(summer.goodOrBetter) - value(lastSummer.goodOrBetter);
    // Whether each change is more than chance: Newcombe–Wilson, from the published shares and audits.
    const verdict = (then: typeof summer) => compareShares({ percent: value(summer.goodOrBetter), n: value(summer.audits) }, { percent: value(then.goodOrBetter), n: value(then.audits) }).verdict;
    const chance = (v: string) => (v === 'more-than-chance' ? 'more than chance alone would explain' : 'a change this size can happen by chance');
    expect(words({ metric: 'good-or-better', with: 'previous-term' })).toMatchObject({ points: d1, otherTerm: '2025-26-spring', verdict: verdict(spring), text: `${d1 > 0 ? 'up' : 'down'} ${pts(d1)} on the spring term 2025/26 (${chance(verdict(spring))})` });
    expect(words({ metric: 'good-or-better', with: 'last-year' })).toMatchObject({ points: d3, otherTerm: '2024-25-summer', verdict: verdict(lastSummer), text: `${d3 > 0 ? 'up' : 'down'} ${pts(d3)} on the summer term 2024/25 (${chance(verdict(lastSummer))})` });
  });

  it('compares numbers as more or fewer', () => {
    const d = value(summer.complaints.byTheme.table.rowTotals[1]!) - value(spring.complaints.byTheme.table.rowTotals[1]!);
    expect(d).not.toBe(0);
    expect(words({ metric: 'complaints', with: 'previous-term' }).text).toBe(`${Math.abs(d)} ${d > 0 ? 'more' : 'fewer'} than in the spring term 2025/26`);
  });

  it('says a figure cannot be compared when it is not published, and gives no difference', () => {
    // The first group of the summer term, by locality, type or level, whose share is hidden.
    const groups = [
      ['locality', summer.byLocality],
      ['auditType', summer.byType],
      ['level', summer.byLevel],
    ] as const;
    const hiddenGroup = groups.flatMap(([key, t]) => t.rows.filter((_, i) => t.share!.rows[i]!.kind === 'suppressed').map((r) => ({ [key]: r.id })))[0];
    expect(hiddenGroup).toBeDefined();
    expect(words({ metric: 'good-or-better', ...hiddenGroup, with: 'target' })).toMatchObject({ points: null, text: 'not published exactly this term, so it cannot be compared with the 80% target' });
    expect(words({ metric: 'good-or-better', ...hiddenGroup, with: 'previous-term' })).toMatchObject({ points: null, text: 'not comparable with the spring term 2025/26, because a figure is not published exactly' });
  });

  it('gives no difference in points for a share published only as a band', () => {
    const row = summer.byLocality.share!.rows.findIndex((p) => p.kind === 'band');
    expect(row).toBeGreaterThanOrEqual(0);
    const locality = summer.byLocality.rows[row]!.id;
    expect(words({ metric: 'good-or-better', locality, with: 'target' })).toMatchObject({ points: null });
    expect(words({ metric: 'good-or-better', locality, with: 'previous-term' })).toMatchObject({ points: null });
  });

  // Known fault in compareMetric: a share published as a band ("below 80%", "90% or more") is
  // described as "not published this term", although the band is published and already says
  // which side of the target it is on (againstTarget gives "below the 80% target" for it).
  it('does not call a share published as a band "not published" when comparing it with the target', () => {
    const row = summer.byLocality.share!.rows.findIndex((p) => p.kind === 'band');
    const locality = summer.byLocality.rows[row]!.id;
    expect(words({ metric: 'good-or-better', locality, with: 'target' }).text).not.toMatch(/not published/);
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
    expect(brief('<Compare metric="good-or-better" with="target" />\n<Compare metric="good-or-better" with="last-week" />\n<Compare metric="audits" />')).toEqual([
      '11:34 <Compare> with: found "last-week", which is not something a figure can be compared with',
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

  it("checks the claim in a briefing against the briefing's term, and refuses a term without a rank", () => {
    expect(brief(`<StandardLink id="${summer[1]}" rank="1" />\n<StandardLink id="${summer[0]}" rank="1" />\n<StandardLink id="${summer[0]}" otherTerm="2025-26-spring" />`)).toEqual([
      `10:${`<StandardLink id="${summer[1]}" `.length + 1} <StandardLink> rank: ${summer[1]} is number 2 in the 2025-26-summer list of standards most often not met, not number 1 (number 1 is ${summer[0]})`,
      `12:${`<StandardLink id="${summer[0]}" `.length + 1} <StandardLink> otherTerm: <StandardLink> with otherTerm also needs rank="…"`,
    ]);
  });
});

describe('slips in a briefing, through the whole check that validate and the build run', () => {
  const LAST = 'content/briefings/2025-26-spring-smart-outcomes-learning-brief.mdx';
  const COPY = 'content/briefings/2025-26-summer-smart-outcomes-again.mdx';
  let p: ReturnType<typeof projectCopy>;
  let original: string;
  beforeAll(() => {
    p = projectCopy();
    original = p.read(LAST);
    // The copy's data are the project's: start from the project's disclosure decisions (kept by a
    // hash of their inputs) rather than solving every term again in each copy.
    if (existsSync(disclosureCacheDir(ROOT))) cpSync(disclosureCacheDir(ROOT), disclosureCacheDir(p.dir), { recursive: true });
  });
  afterAll(() => p.remove());
  /** Problems with one briefing in place (the copy), and none from anything else. */
  const problemsWith = async (text: string) => {
    p.write(COPY, text);
    const { problems } = await checkAll(p.dir);
    expect(problems.filter((x) => x.file !== COPY)).toEqual([]);
    return problems;
  };

  /** Last term's briefing made into this term's: term:, title and date changed, and a paragraph of its own. */
  const asNew = (text: string) =>
    `${text
      .replace('term: 2025-26-spring', `term: ${TERM}`)
      .replace(/^title: "Spring term 2025\/26/m, 'title: "Summer term 2025/26')
      .replace(/^published: .*$/m, 'published: 2026-09-20')}\nWe will look at outcomes again next term.\n`;

  it("moves every figure to the new term when last term's briefing is the start of a new one", async () => {
    const copy = asNew(original);
    expect(copy).toContain(`term: ${TERM}`);
    expect(await problemsWith(copy)).toEqual([]);
  });

  it("refuses last term's briefing copied with only its term: changed: title, date and text are still last term's", async () => {
    const copy = original.replace('term: 2025-26-spring', `term: ${TERM}`);
    const problems = await problemsWith(copy);
    expect(problems.map((x) => [x.line, x.field, x.message])).toEqual([
      [lineOf(copy, 'term:'), 'term', expect.stringContaining('the title names the spring term, but term: says 2025-26-summer')],
      [lineOf(copy, 'published:'), 'published', expect.stringContaining('the date 2026-05-11 is not after the end of the summer term 2025/26')],
      [1, undefined, expect.stringContaining(`the text of this briefing is the same as ${LAST}`)],
    ]);
  });

  it('refuses a copy whose components still name last term, one message per figure, saying how to fix it', async () => {
    // A briefing written the old way, with term="…" on every component, copied to the next term.
    const old = original.replace(/<(Stat|Compare|ReportChart) /g, '<$1 term="2025-26-spring" ');
    const copy = asNew(old);
    const problems = await problemsWith(copy);
    const count = (old.match(/ term="2025-26-spring"/g) ?? []).length;
    expect(count).toBeGreaterThan(3);
    expect(problems).toHaveLength(count);
    for (const x of problems) {
      expect(x.field).toMatch(/^<(Stat|Compare|ReportChart)> term$/);
      expect(x.message).toContain(`but this briefing is about ${TERM}`);
      expect(x.fix).toContain('delete term="2025-26-spring"');
    }
  });

  it('gives one message for a frontmatter that cannot be read, not one more for every figure', async () => {
    const copy = asNew(original).replace(/^title: "(.*)"$/m, 'title: $1');
    const problems = await problemsWith(copy);
    expect(problems.map((x) => [x.line, x.message.slice(0, 60)])).toEqual([[lineOf(copy, 'title:'), 'the value after "title:" has a colon in it, which YAML reads']]);
  });

  it('gives one message for a date written day first, with the date meant', async () => {
    const copy = original.replace(/^published: .*$/m, 'published: 15/09/2026');
    const problems = await problemsWith(copy);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ line: lineOf(copy, 'published:'), field: 'published', message: 'found "15/09/2026": is not written year-month-day', didYouMean: '2026-09-15' });
    expect(problems[0]!.expected).toContain('YYYY-MM-DD');
  });

  it('gives one message for a date that does not exist, with the form expected and the date most likely meant', async () => {
    const problems = await problemsWith(original.replace(/^published: .*$/m, 'published: 2026-90-15'));
    expect(problems).toHaveLength(1);
    expect(describeProblem(problems[0]!)).toBe(
      'published: found "2026-90-15": is not a real calendar date. Did you mean 2026-09-15? Expected a date written YYYY-MM-DD (year, month, day), like 2026-09-15. How to fix: write 2026-09-15 instead.',
    );
  });

  it('names the data file a real term with no data yet needs, once, on the term: line', async () => {
    const copy = `${original.replace('term: 2025-26-spring', 'term: 2026-27-autumn').replace(/^title: "Spring term 2025\/26/m, 'title: "Autumn term 2026/27').replace('draft: false', 'draft: true')}\nIts own paragraph.\n`;
    // The copy's file name says 2025-26-summer, which is also named; the missing data once.
    const problems = await problemsWith(copy);
    expect(problems.map((x) => x.message)).toEqual(['the file name starts 2025-26-summer, but term: says 2026-27-autumn', expect.stringContaining('there are no figures for 2026-27-autumn yet')]);
    expect(problems[1]).toMatchObject({ line: lineOf(copy, 'term:'), field: 'term' });
    expect(problems[1]!.fix).toContain('add data/audits/2026-27-autumn.csv');
  });

  it('quotes the line in the list of problems and marks the place with a caret', async () => {
    // Its own title: a second briefing of the same term with the same title is refused as a copy.
    const copy = asNew(original).replace('<Stat metric="good-or-better"', '<Stat metric="good-or-beter"').replace(/^title: .*$/m, 'title: "Outcomes that are not SMART: a second look"');
    expect(copy).not.toBe(original);
    const problems = await problemsWith(copy);
    const line = lineOf(copy, 'good-or-beter');
    const text = copy.split('\n')[line - 1]!;
    expect(problems).toHaveLength(1);
    expect(problems[0]!.source).toBe(text);
    const out = formatProblems(problems).split('\n');
    const at = out.findIndex((l) => l.includes(`${COPY}:${line}:`));
    expect(out[at]).toContain('Did you mean "good-or-better"?');
    const [quoted, caret] = [out[at + 1]!, out[at + 2]!];
    expect(quoted).toContain('metric="good-or-beter"');
    expect(quoted[caret.indexOf('^')]).toBe('m');
  });
});

describe("near misses in a briefing's frontmatter", () => {
  let p: ReturnType<typeof projectCopy>;
  beforeAll(() => {
    p = projectCopy();
  });
  afterAll(() => p.remove());

  it('suggests the nearest term, standard and guidance entry', () => {
    const file = 'content/briefings/2025-26-summer-quality-briefing.mdx';
    p.edit(file, 'standards: [ehc-plan-2,', 'standards: [ehc-plan-22,');
    p.edit(file, 'guidance: [smart-outcomes,', 'guidance: [smart-outcome,');
    expect(checkContent(p.dir).problems.filter(isError).map((x) => `${x.field}: ${x.didYouMean}`)).toEqual(['standards[0]: ehc-plan-2', 'guidance[0]: smart-outcomes']);
    // A misspelt term: its frontmatter cannot be read further, so it is the only problem.
    p.edit(file, 'term: 2025-26-summer', 'term: 2025-26-sumer');
    expect(checkContent(p.dir).problems.filter(isError).map((x) => `${x.field}: ${x.didYouMean}`)).toEqual(['term: 2025-26-summer']);
  });
});
