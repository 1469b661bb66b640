/**
 * Text follows the figures: report commentary and briefings may not describe a group whose
 * share is not published exactly that term ("Coast was weakest" while Coast's share is hidden,
 * or only "80% or more"). A sentence that names such a locality, or a type or level of audit in
 * words that compare or judge it, fails validation with its file, line and column, unless it
 * quotes the figure with <Stat>/<Compare> (which always print what is published) or carries a
 * reviewed marker saying the sentence does not describe the figure: {/* figures-ok: why *\/}.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { globSync } from 'tinyglobby';
import type { Problem } from '../problems.ts';
import type { Partnership } from '../schemas/partnership.ts';
import type { CrossTab, TermReport } from '../data/report.ts';
import { PATHS } from '../paths.ts';

/** Words that describe how a group did. */
const JUDGING = /\b(weakest|strongest|best|worst|lowest|highest|below|above|fell|rose|improved|declined|dropped|behind|ahead|better|worse|met|missed|struggl\w*|excellent|poor)\b/i;
/** The reviewed marker that a line's words or numbers do not describe a figure (also read by typed-figures.ts). */
export const FIGURES_OK = /\{\/\*\s*figures-ok\b[^*]*\*\/\}/;

interface Group {
  dimension: string;
  id: string;
  name: string;
  /** How the share is published this term: exact, band or hidden. */
  published: 'exact' | 'band' | 'hidden';
}

function groups(r: TermReport, tabs: [string, CrossTab][]): Group[] {
  return tabs.flatMap(([dimension, t]) =>
    t.rows.map((row, i) => {
      const p = t.share!.rows[i]!;
      return { dimension, id: row.id, name: row.label, published: p.kind === 'percent' ? 'exact' : p.kind === 'band' ? 'band' : 'hidden' } as Group;
    }),
  );
}

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Checks one MDX body (frontmatter already removed) against its term's report. */
export function checkTextFollowsFigures(file: string, body: string, bodyLine: number, report: TermReport): Problem[] {
  const problems: Problem[] = [];
  const all = groups(report, [['locality', report.byLocality], ['auditType', report.byType], ['level', report.byLevel]]);
  const notExact = all.filter((g) => g.published !== 'exact');
  if (!notExact.length) return problems;
  const lines = body.split('\n');
  lines.forEach((line, li) => {
    if (FIGURES_OK.test(line) || /^\s*(import|export)\b/.test(line)) return;
    // Sentences of the line, keeping their offsets.
    for (const m of line.matchAll(/[^.!?]+[.!?]?/g)) {
      const sentence = m[0];
      for (const g of notExact) {
        const byComponent = new RegExp(`<Localities\\s+id="${esc(g.id)}"`).test(sentence) && g.dimension === 'locality';
        const byName = new RegExp(`(^|[^\\w-])${esc(g.name)}(?![\\w-])`).test(sentence.replace(/<[^>]*>/g, ' '));
        if (!byComponent && !byName) continue;
        // Localities are judged by being named at all; types and levels (common words) when judged.
        if (g.dimension !== 'locality' && !JUDGING.test(sentence)) continue;
        // A figure quoted with a component prints what is published.
        if (new RegExp(`<(Stat|Compare)\\b[^>]*\\b${g.dimension}="${esc(g.id)}"`).test(sentence)) continue;
        const col = m.index! + 1;
        problems.push({
          file,
          line: bodyLine + li,
          column: col,
          field: 'text',
          message: `this sentence describes ${g.name}, whose share Good or better is ${g.published === 'hidden' ? 'hidden' : 'shown only as a range'} in the ${report.term.label.toLowerCase()} report, to protect small numbers: "${sentence.trim().slice(0, 160)}"`,
          expected: `words that say no more than the report publishes for ${g.name}`,
          fix: `quote the figure with <Stat metric="good-or-better" ${g.dimension}="${g.id}" /> or <Compare … ${g.dimension}="${g.id}" with="target" />, or remove the judgement; if the sentence does not describe the figure, add {/* figures-ok: why */} at the end of the line for a reviewer to see`,
        });
        break;
      }
    }
  });
  return problems;
}

/** Every commentary and briefing of a term with a report. */
export function checkAllText(root: string, cfg: Partnership, reports: readonly TermReport[], briefings: { file: string; term: string }[]): Problem[] {
  void cfg;
  const byTerm = new Map(reports.map((r) => [r.term.id, r]));
  const files = [
    ...globSync(PATHS.commentary.pattern, { cwd: join(root, PATHS.commentary.base) }).map((f) => ({ file: `${PATHS.commentary.base}/${f}`, term: f.replace(/\.mdx?$/, '') })),
    ...briefings,
  ];
  const problems: Problem[] = [];
  for (const { file, term } of files) {
    const report = byTerm.get(term);
    if (!report) continue;
    const text = readFileSync(join(root, file), 'utf8');
    const fm = /^---\r?\n[\s\S]*?\r?\n---\r?\n/.exec(text);
    const body = fm ? text.slice(fm[0].length) : text;
    const bodyLine = fm ? fm[0].split('\n').length : 1;
    problems.push(...checkTextFollowsFigures(file, body, bodyLine, report));
  }
  return problems;
}
