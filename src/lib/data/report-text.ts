/**
 * Words and files made from a termly report's published figures: one-sentence summaries for
 * charts and the headline (the downloads are written by figures-table.ts). Only published
 * (suppressed) figures are used.
 */
import { formatFigure, isSuppressed, meetsTarget, type DisclosureRule, type Figure, type Percent } from './disclosure.ts';
import type { CrossTab, TermReport } from './report.ts';

const fmt = (f: Figure | Percent, rule: DisclosureRule) => formatFigure(f, rule);

/** "2 points below the 80% target" / "on the 80% target" / "3 points above the 80% target"; for a band, "met the 80% target". */
export function againstTarget(p: Percent, target: number): string | undefined {
  if (p.kind === 'band') {
    const met = meetsTarget(p, target);
    return met === undefined ? undefined : met ? `met the ${target}% target` : `below the ${target}% target`;
  }
  if (p.kind !== 'percent') return undefined;
  const d = p.value - target;
  if (d === 0) return p.meets === false ? `just below the ${target}% target` : `on the ${target}% target`;
  return `${Math.abs(d)} point${Math.abs(d) === 1 ? '' : 's'} ${d > 0 ? 'above' : 'below'} the ${target}% target`;
}

/** "78% of 36 EHC plan audits were Good or better, 2 points below the 80% target." */
export function headlineSentence(r: TermReport, what = 'audits'): string {
  if (isSuppressed(r.audits)) return `Fewer than ${r.rule.threshold + 1} ${what} were completed this term, so the figures are not published.`;
  const n = fmt(r.audits, r.rule);
  if (r.goodOrBetter.kind === 'band') return `${n} ${what} were completed; ${r.goodOrBetter.text} were Good or better (${againstTarget(r.goodOrBetter, r.target)}). The exact share is not published, to protect children's privacy.`;
  if (r.goodOrBetter.kind !== 'percent') return `${n} ${what} were completed; the share graded Good or better is not published, to protect children's privacy.`;
  return `${r.goodOrBetter.value}% of ${n} ${what} were Good or better, ${againstTarget(r.goodOrBetter, r.target)}.`;
}

/** Why a group's share is not shown exactly, in words that are true of the table. */
function hiddenWords(hidden: { p: Percent }[]): string {
  // One reason for every hidden share: saying which groups are small would itself be a figure.
  const n = hidden.length;
  return n ? ` ${n} ${n === 1 ? 'share is' : 'shares are'} hidden to protect small numbers in this table.` : '';
}

/**
 * A one-sentence summary of a cross-tab: for shares, how many groups met the target, the
 * highest and lowest exact shares, and how many are shown as a band or hidden, and why.
 */
export function crossTabSentence(t: CrossTab, r: TermReport): string {
  if (!t.share) {
    const total = t.table.total;
    if (isSuppressed(total)) return `Too few to publish this term.`;
    if (total.value === 0) return `There were none this term.`;
    const cols = t.cols.map((c, i) => ({ label: c.label, f: t.table.colTotals[i]! })).filter((c) => !isSuppressed(c.f) && c.f.value > 0);
    const top = cols.sort((a, b) => (b.f as { value: number }).value - (a.f as { value: number }).value)[0];
    const hidden = t.table.colTotals.filter(isSuppressed).length;
    const note = hidden ? ` ${hidden} ${hidden === 1 ? 'figure is' : 'figures are'} hidden (${r.rule.symbol}) to protect small numbers.` : '';
    return top ? `${fmt(total, r.rule)} in all; the most common was ${top.label.toLowerCase()} (${fmt(top.f, r.rule)}).${note}` : `${fmt(total, r.rule)} in all.${note}`;
  }
  const label = t.share.label;
  const gob = label === 'Good or better';
  if (t.rows.length === 1) {
    const p = t.share.rows[0]!;
    if (p.kind === 'band') return `${p.text} of ${fmt(t.table.total, r.rule)} were ${gob ? 'Good or better' : label.toLowerCase()}${gob ? ` (${againstTarget(p, r.target)})` : ''}; the exact share is not published, to protect children's privacy.`;
    if (p.kind !== 'percent') return `The share ${label.toLowerCase()} is not published this term, to protect children's privacy.`;
    const vsTarget = gob ? `, ${againstTarget(p, r.target)}` : '';
    return `${p.value}% of ${fmt(t.table.total, r.rule)} ${gob ? 'were Good or better' : `were ${label.toLowerCase()}`}${vsTarget}.`;
  }
  const items = t.rows.map((row, i) => ({ label: row.label, p: t.share!.rows[i]! }));
  const exact = items.filter((x): x is { label: string; p: Extract<Percent, { kind: 'percent' }> } => x.p.kind === 'percent');
  const banded = items.filter((x) => x.p.kind === 'band');
  const hidden = items.filter((x) => x.p.kind === 'suppressed');
  const parts: string[] = [];
  if (gob) {
    const met = items.filter((x) => meetsTarget(x.p, r.target) === true).length;
    const notMet = items.filter((x) => meetsTarget(x.p, r.target) === false).length;
    parts.push(`${met} of ${items.length} groups met the ${r.target}% target${notMet ? ` and ${notMet} did not` : ''}`);
  }
  if (exact.length > 1) {
    const sorted = [...exact].sort((a, b) => b.p.value - a.p.value);
    const best = sorted[0]!;
    const worst = sorted.at(-1)!;
    parts.push(best.p.value === worst.p.value ? `every exact share shown was ${best.p.value}%` : `of the exact shares, ${best.label} was highest (${best.p.value}%) and ${worst.label} lowest (${worst.p.value}%)`);
  } else if (exact.length === 1) parts.push(`${exact[0]!.label}: ${exact[0]!.p.value}% ${gob ? 'Good or better' : label.toLowerCase()}`);
  else if (!gob) parts.push(`no group's exact share ${label.toLowerCase()} can be published this term`);
  let text = `${parts.join('; ')}.`;
  text = text[0]!.toUpperCase() + text.slice(1);
  if (banded.length) text += ` ${banded.length} ${banded.length === 1 ? 'share is' : 'shares are'} shown as a band (such as "${(banded[0]!.p as { text: string }).text}"), because the exact figure would reveal a small number.`;
  return text + hiddenWords(hidden) + mostlyHiddenWords(t, r.rule);
}

/**
 * When most of a table's counts are hidden, what is left to say: that they are hidden, and that
 * the totals are there when they are ("the All row").
 */
function mostlyHiddenWords(t: CrossTab, rule: DisclosureRule): string {
  const cells = t.table.cells.flat();
  const hidden = cells.filter(isSuppressed).length;
  if (cells.length < 2 || hidden * 2 <= cells.length) return '';
  const totals = t.rows.length > 1 && t.table.colTotals.some((f) => !isSuppressed(f));
  return ` Most of the numbers for each ${t.rowHeading.toLowerCase()} are hidden (${rule.symbol}) to protect children's privacy${totals ? `; the row "All" gives the totals` : ''}.`;
}

/** Change in points, as words: "up 4 points", "down 2 points", "no change". */
export function changeWords(points: number | null | undefined): string | undefined {
  if (points === null || points === undefined) return undefined;
  if (points === 0) return 'no change';
  return `${points > 0 ? 'up' : 'down'} ${Math.abs(points)} point${Math.abs(points) === 1 ? '' : 's'}`;
}
