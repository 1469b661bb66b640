/**
 * Typed figures: briefings and report commentary quote the data only through <Stat>, <Compare>
 * and the other components, which print what disclosure control publishes. A count, percentage
 * or comparison typed into the prose ("Only 3 complaints were upheld", "87% were Good", "up on
 * last term") bypasses that control, so it can publish a small number the tables hide, and it
 * is not checked against the data, so it can say the opposite of them. Each one is refused with
 * its file, line and column, unless the line carries a reviewed marker saying the number is not a
 * figure from the data: {/* figures-ok: why *\/}.
 */
import type { Problem } from '../problems.ts';
import { FIGURES_OK } from './text-follows-figures.ts';
import { blank } from './blank.ts';

const NUMBER = String.raw`(?:\d[\d,]*(?:\.\d+)?|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty)`;
const COUNTED = String.raw`(?:audits?|plans?|complaints?|compliments?|famil(?:y|ies)|children|child|young people|responses?|services?|cases?|reviews?|assessments?|parents?|carers?|schools?|settings?|respondents?|people)`;

/** The kinds of typed figure, each with what it looks like. */
const TYPED: { kind: string; re: RegExp }[] = [
  { kind: 'a percentage', re: /(?<![\w.])\d+(?:\.\d+)?\s?(?:%|per ?cent\b)/gi },
  // "22 of 36", "3 out of the 40", "2 of them"
  { kind: 'a count', re: new RegExp(String.raw`(?<![\w.])${NUMBER}\s+(?:out\s+)?of\s+(?:the\s+)?(?:${NUMBER}\b|them\b|these\b|those\b)`, 'gi') },
  // "285 audits", "3 complaints", "two more families" (one word may come between)
  { kind: 'a count', re: new RegExp(String.raw`(?<![\w.]|Year\s)${NUMBER}\s+(?:[a-z-]+\s+)?${COUNTED}\b`, 'gi') },
  // "up on last term", "lower than the previous year"
  {
    kind: 'a comparison',
    re: /\b(?:up|down|higher|lower|rose|fell|increased|decreased|improved|worsened|better|worse)\b[^.<\n]{0,30}?\b(?:on|than|from|since)\s+(?:the\s+)?(?:last|previous)\s+(?:term|year)\b/gi,
  },
];


/** The prose of a line: components and their attributes, expressions, code and link addresses blanked out. */
function prose(line: string): string {
  return line
    .replace(/`[^`]*`/g, blank)
    .replace(/\]\([^)]*\)/g, blank)
    .replace(/<[^>]*>/g, blank)
    .replace(/\{[^}]*\}/g, blank);
}

/** Checks one MDX body (frontmatter removed; `bodyLine` is the file line of its first line). */
export function typedFigures(file: string, body: string, bodyLine: number): Problem[] {
  const problems: Problem[] = [];
  let fenced = false;
  body.split('\n').forEach((line, i) => {
    if (/^\s*(```|~~~)/.test(line)) fenced = !fenced;
    if (fenced || FIGURES_OK.test(line) || /^\s*(import|export)\b/.test(line)) return;
    const text = prose(line);
    // Each typed figure once, left to right; a match inside an earlier one ("36 services" in
    // "22 of 36 services") is the same figure.
    const all = TYPED.flatMap(({ kind, re }) => [...text.matchAll(re)].map((m) => ({ index: m.index!, end: m.index! + m[0].length, kind, typed: m[0].trim() })));
    let end = 0;
    for (const { index, end: to, kind, typed } of all.sort((a, b) => a.index - b.index || b.end - a.end)) {
      if (index < end) continue;
      end = to;
      problems.push({
        file,
        line: bodyLine + i,
        column: index + 1,
        message: `this line types ${kind}, "${typed}", instead of taking it from the data`,
        expected:
          'figures in briefings and report commentary only through <Stat>, <Compare> and the other components: they print what disclosure control publishes (so a small number cannot slip out) and they always match the data',
        fix: `replace "${typed}" with a component such as <Stat metric="…" /> or <Compare metric="…" with="previous-term" /> (docs/publishing.md lists them); if the number is not a figure from the data, such as a quotation, add {/* figures-ok: why */} at the end of the line`,
      });
    }
  });
  return problems;
}
