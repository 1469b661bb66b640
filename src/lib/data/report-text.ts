/**
 * Words and files made from a termly report's published figures: one-sentence summaries for
 * charts, the headline, and the CSV download. Only published (suppressed) figures are used.
 */
import { formatFigure, isSuppressed, type DisclosureRule, type Figure, type Percent } from './disclosure';
import type { CrossTab, TermReport } from './report';

const fmt = (f: Figure | Percent, rule: DisclosureRule) => formatFigure(f, rule);

/** "2 points below the 80% target" / "on the 80% target" / "3 points above the 80% target". */
export function againstTarget(p: Percent, target: number): string | undefined {
  if (p.kind !== 'percent') return undefined;
  const d = p.value - target;
  if (d === 0) return `on the ${target}% target`;
  return `${Math.abs(d)} point${Math.abs(d) === 1 ? '' : 's'} ${d > 0 ? 'above' : 'below'} the ${target}% target`;
}

/** "78% of 36 EHC plan audits were Good or better, 2 points below the 80% target." */
export function headlineSentence(r: TermReport, what = 'audits'): string {
  if (isSuppressed(r.audits)) return `Fewer than ${r.rule.threshold + 1} ${what} were completed this term, so the figures are not published.`;
  const n = fmt(r.audits, r.rule);
  if (r.goodOrBetter.kind !== 'percent') return `${n} ${what} were completed; the share graded Good or better is not published, to protect children's privacy.`;
  return `${r.goodOrBetter.value}% of ${n} ${what} were Good or better, ${againstTarget(r.goodOrBetter, r.target)}.`;
}

/** A one-sentence summary of a grade cross-tab: the highest and lowest published shares. */
export function crossTabSentence(t: CrossTab, r: TermReport): string {
  if (!t.share) {
    const total = t.table.total;
    if (isSuppressed(total)) return `Too few to publish this term.`;
    if (total.value === 0) return `There were none this term.`;
    const cols = t.cols.map((c, i) => ({ label: c.label, f: t.table.colTotals[i]! })).filter((c) => !isSuppressed(c.f) && c.f.value > 0);
    const top = cols.sort((a, b) => (b.f as { value: number }).value - (a.f as { value: number }).value)[0];
    return top ? `${fmt(total, r.rule)} in all; the most common was ${top.label.toLowerCase()} (${fmt(top.f, r.rule)}).` : `${fmt(total, r.rule)} in all.`;
  }
  const shown = t.rows
    .map((row, i) => ({ label: row.label, p: t.share!.rows[i]! }))
    .filter((x): x is { label: string; p: Extract<Percent, { kind: 'percent' }> } => x.p.kind === 'percent');
  const hidden = t.rows.length - shown.length;
  const hiddenNote = hidden ? ` ${hidden} group${hidden === 1 ? ' is' : 's are'} too small to publish.` : '';
  if (t.rows.length === 1) {
    const p = t.share.rows[0]!;
    if (p.kind !== 'percent') return `The share ${t.share.label.toLowerCase()} is not published this term, to protect children's privacy.`;
    const vsTarget = t.share.label === 'Good or better' ? `, ${againstTarget(p, r.target)}` : '';
    return `${p.value}% of ${fmt(t.table.total, r.rule)} ${t.share.label === 'Good or better' ? 'were Good or better' : `were ${t.share.label.toLowerCase()}`}${vsTarget}.`;
  }
  if (shown.length === 0) return `No group is large enough to publish its share ${t.share.label.toLowerCase()} this term.`;
  const sorted = [...shown].sort((a, b) => b.p.value - a.p.value);
  const best = sorted[0]!;
  const worst = sorted.at(-1)!;
  const meeting = shown.filter((x) => x.p.value >= r.target).length;
  if (best === worst) return `${best.label}: ${best.p.value}% ${t.share.label.toLowerCase()}.${hiddenNote}`;
  if (best.p.value === worst.p.value) return `Every group shown had the same share ${t.share.label.toLowerCase()} (${best.p.value}%); ${meeting} of ${shown.length} met the ${r.target}% target.${hiddenNote}`;
  return `${best.label} had the highest share ${t.share.label.toLowerCase()} (${best.p.value}%) and ${worst.label} the lowest (${worst.p.value}%); ${meeting} of ${shown.length} met the ${r.target}% target.${hiddenNote}`;
}

/** Change in points, as words: "up 4 points", "down 2 points", "no change". */
export function changeWords(points: number | null | undefined): string | undefined {
  if (points === null || points === undefined) return undefined;
  if (points === 0) return 'no change';
  return `${points > 0 ? 'up' : 'down'} ${Math.abs(points)} point${Math.abs(points) === 1 ? '' : 's'}`;
}

function csvCell(s: string): string {
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * The published figures of a report as CSV: one row per figure (section, group, measure,
 * value), suppressed figures written as the symbol. Never row-level data.
 */
export function reportCsv(r: TermReport, standardTitle: (id: string) => string): string {
  const rows: string[][] = [['term', 'section', 'group', 'measure', 'value']];
  const add = (section: string, group: string, measure: string, f: Figure | Percent | { kind: 'average'; value: number } | { kind: 'suppressed'; reason: 'small' | 'secondary' }) =>
    rows.push([r.term.label, section, group, measure, formatFigure(f, r.rule)]);
  add('Headline', 'All audits', 'Audits completed', r.audits);
  add('Headline', 'All audits', '% Good or better', r.goodOrBetter);
  const tab = (t: CrossTab) => {
    t.rows.forEach((row, i) => {
      t.cols.forEach((c, j) => add(t.title, row.label, c.label, t.table.cells[i]![j]!));
      add(t.title, row.label, 'Total', t.table.rowTotals[i]!);
      if (t.share) add(t.title, row.label, `% ${t.share.label}`, t.share.rows[i]!);
    });
    if (t.rows.length > 1) {
      t.cols.forEach((c, j) => add(t.title, 'All', c.label, t.table.colTotals[j]!));
      add(t.title, 'All', 'Total', t.table.total);
      if (t.share) add(t.title, 'All', `% ${t.share.label}`, t.share.total);
    }
  };
  [r.grades, r.byType, r.byLocality, r.byLevel, r.timeliness, r.moderation].forEach(tab);
  for (const s of r.standardsNotMet) {
    add('Practice standards most often not met', `${s.id} ${standardTitle(s.id)}`, 'Audits not meeting it', s.count);
    add('Practice standards most often not met', `${s.id} ${standardTitle(s.id)}`, '% of audits', s.percent);
  }
  add('What families told us', 'All responses', 'Responses', r.feedback.responses);
  add('What families told us', 'All responses', 'Average rating (1 to 5)', r.feedback.averageRating);
  tab(r.feedback.ratings);
  tab(r.feedback.themes);
  tab(r.complaints.byTheme);
  tab(r.complaints.upheld);
  return `${rows.map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`;
}
