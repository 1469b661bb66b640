// Checks the citations of pages that state the law (frontmatter `legal: true`): every time limit,
// date and "must" in the body needs a <Cite id="..." /> in its sentence or paragraph; every cited id
// must be in the page's `citations`; every citation must be used; the page must say when it was
// last reviewed against the law and by whom.
import type { Problem } from '../problems.ts';
import type { Citation, LegalReview } from '../schemas/pages.ts';
import type { YamlSource } from '../yaml-source.ts';
import { blank } from './blank.ts';

/** The frontmatter fields this check reads; every kind of page that may state the law has them. */
export interface LegalData {
  legal: boolean;
  citations: Citation[];
  legalReview?: LegalReview;
}

/** A content entry as checkContent reads it: its file, its frontmatter and where each field is. */
export interface LegalEntry {
  file: string;
  data: LegalData;
  /** The frontmatter's positions, and the body as the content check read it. */
  src: YamlSource & { body: string; bodyLine: number };
}

/** One use of <Cite id="..." /> in a body, with its 0-based offset in the body. */
export interface CiteUse {
  id: string;
  offset: number;
}

const CITE = /<Cite\s+id\s*=\s*(?:"([^"]*)"|'([^']*)'|\{\s*["']([^"']*)["']\s*\})\s*\/?>/g;

/** Every <Cite id="..." /> in an MDX body, in order. */
export function citeUses(body: string): CiteUse[] {
  if (!body.includes('<Cite')) return [];
  return [...body.matchAll(CITE)].map((m) => ({ id: (m[1] ?? m[2] ?? m[3] ?? '').trim(), offset: m.index! }));
}

/**
 * The number of each citation on the page: citations are numbered by their first use in the body,
 * from 1, so the notes read 1, 2, 3 down the page. Citations never used get no number.
 */
export function citationNumbers(body: string): Map<string, number> {
  const numbers = new Map<string, number>();
  for (const { id } of citeUses(body)) if (!numbers.has(id)) numbers.set(id, numbers.size + 1);
  return numbers;
}

const NUMBER = String.raw`(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|sixteen|eighteen|twenty)`;
const MONTH = '(?:January|February|March|April|May|June|July|August|September|October|November|December)';
/** What makes a sentence a legal claim that needs a source. */
const TRIGGERS: { kind: string; re: RegExp }[] = [
  { kind: 'a time limit', re: new RegExp(String.raw`\b${NUMBER}(?:[\s-]+(?:working|school|calendar))?[\s-]+(?:weeks?|days?|months?)\b`, 'gi') },
  { kind: 'a date', re: new RegExp(String.raw`\b(?:\d{1,2}(?:st|nd|rd|th)?\s+${MONTH}|${MONTH}\s+\d{1,2}(?:st|nd|rd|th)?)\b`, 'g') },
  { kind: 'a duty', re: /\b(?:must|ha(?:ve|s) to)\b/gi },
];


/**
 * The text in which triggers are looked for: quoted example wording (what a weak or strong plan
 * says is not the page's own claim), link addresses, inline code and JSX tags are blanked out.
 */
function claimText(body: string): string {
  return body
    .replace(/`[^`\n]*`/g, blank)
    .replace(/\]\([^)\n]*\)/g, blank)
    .replace(/<[A-Za-z/][^>\n]*>/g, blank)
    .replace(/\{\/\*[\s\S]*?\*\/\}/g, blank)
    .replace(/"[^"\n]*"|“[^”\n]*”/g, blank);
}

interface Unit {
  start: number;
  end: number;
}

/**
 * Split a body into the units a citation covers: paragraphs, list items and table rows. Headings,
 * code blocks, imports and blank lines belong to none.
 */
function units(body: string): Unit[] {
  const out: Unit[] = [];
  let cur: Unit | undefined;
  let fence = false;
  let offset = 0;
  for (const line of body.split('\n')) {
    const start = offset;
    const end = offset + line.length;
    offset = end + 1;
    const t = line.trim();
    if (/^(```|~~~)/.test(t)) {
      fence = !fence;
      cur = undefined;
      continue;
    }
    if (fence || t === '' || /^#{1,6}\s/.test(t) || /^(import|export)\s/.test(t) || /^\|?[\s:|-]+\|[\s:|-]*$/.test(t)) {
      cur = undefined;
      continue;
    }
    const startsUnit = /^([-*+]|\d+[.)])\s/.test(t) || t.startsWith('|');
    if (!cur || startsUnit || cur && body.slice(cur.start, cur.end).trimStart().startsWith('|')) {
      cur = { start, end };
      out.push(cur);
    } else cur.end = end;
  }
  return out;
}

/** Sentence boundaries inside a unit: after . ! or ? followed by a space, or at a table cell edge. */
function sentenceAround(text: string, from: number, to: number, at: number): [number, number] {
  let s = from;
  for (let i = at - 1; i >= from; i--) {
    if (text[i] === '|' || (/[.!?]/.test(text[i]!) && /\s/.test(text[i + 1] ?? ''))) {
      s = i + 1;
      break;
    }
  }
  let e = to;
  for (let i = at; i < to; i++) {
    if (text[i] === '|') {
      e = i;
      break;
    }
    if (/[.!?]/.test(text[i]!) && (i + 1 >= to || /\s/.test(text[i + 1]!))) {
      e = i + 1;
      break;
    }
  }
  return [s, e];
}

function lineCol(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}

const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();

/**
 * Check one MDX file's body against its frontmatter. `bodyLine` is the file line the body starts on.
 * Returns every problem, each with file, line and column.
 */
export function checkLegalBody(file: string, body: string, bodyLine: number, data: LegalData, src?: YamlSource): Problem[] {
  const problems: Problem[] = [];
  const at = (offset: number) => {
    const { line, column } = lineCol(body, offset);
    return { file, line: bodyLine + line - 1, column };
  };
  const lineText = (offset: number) => {
    const s = body.lastIndexOf('\n', offset - 1) + 1;
    const e = body.indexOf('\n', offset);
    return body.slice(s, e < 0 ? undefined : e).trim();
  };
  const field = (path: PropertyKey[], name: string) => ({ file, ...(src?.locate(path) ?? { line: 1, column: 1 }), field: name });

  const ids = new Map(data.citations.map((c, i) => [c.id, i]));
  const uses = citeUses(body);
  data.citations.forEach((c, i) => {
    const first = data.citations.findIndex((d) => d.id === c.id);
    if (first !== i) {
      problems.push({
        ...field(['citations', i, 'id'], `citations[${i}].id`),
        message: `the citation id "${c.id}" is used twice (also citations[${first}])`,
        expected: 'each citation on a page to have its own id',
        fix: 'give one of them a different id, and use that id in its <Cite id="..." />',
      });
    }
  });
  for (const u of uses) {
    if (!ids.has(u.id)) {
      problems.push({
        ...at(u.offset),
        message: `<Cite id="${u.id}" /> names a citation that is not in this page's citations (line: ${lineText(u.offset)})`,
        expected: ids.size ? `one of: ${[...ids.keys()].join(', ')}` : 'a citation listed in the frontmatter under citations',
        fix: `add { id: ${u.id}, source: ..., ref: ..., url: ... } to citations in the frontmatter, or correct the id`,
      });
    }
  }
  const used = new Set(uses.map((u) => u.id));
  data.citations.forEach((c, i) => {
    if (!used.has(c.id)) {
      problems.push({
        ...field(['citations', i], `citations[${i}]`),
        message: `the citation "${c.id}" (${c.ref}) is never used in the page`,
        expected: `a <Cite id="${c.id}" /> after the claim it supports`,
        fix: `put <Cite id="${c.id}" /> at the end of the sentence it supports, or remove the citation`,
      });
    }
  });

  if (!data.legal) return problems;
  if (!data.legalReview) {
    problems.push({
      ...field(['legal'], 'legalReview'),
      message: 'the page says legal: true but does not say when it was last checked against the law, or by whom',
      expected: 'legalReview: { date: YYYY-MM-DD, by: a role such as "SEND legal adviser" }',
      fix: 'add legalReview with the date of the last check and the role of the person who checks it',
    });
  }

  const text = claimText(body);
  for (const u of units(body)) {
    if (/<Cite\b/.test(body.slice(u.start, u.end))) continue;
    const seen = new Map<number, { start: number; end: number; found: string[] }>();
    for (const { kind, re } of TRIGGERS) {
      for (const m of text.slice(u.start, u.end).matchAll(re)) {
        const offset = u.start + m.index!;
        const [s, e] = sentenceAround(body, u.start, u.end, offset);
        const hit = seen.get(s) ?? { start: offset, end: e, found: [] };
        hit.start = Math.min(hit.start, offset);
        hit.found.push(`${kind} ("${oneLine(m[0])}")`);
        seen.set(s, hit);
      }
    }
    for (const [s, hit] of [...seen].sort((a, b) => a[0] - b[0])) {
      const sentence = oneLine(body.slice(s, hit.end).replace(/^[\s|>*+-]+/, ''));
      problems.push({
        ...at(hit.start),
        field: 'body',
        message: `the sentence "${sentence}" states ${hit.found.join(' and ')} with no source in the sentence or its paragraph (line: ${lineText(hit.start)})`,
        expected: 'every time limit, date and "must" on a legal page to be followed by <Cite id="..." /> naming the Act, regulation or Code paragraph it comes from',
        fix: 'add <Cite id="..." /> at the end of the sentence, with a matching entry in citations; or, if it is not a legal requirement, say so plainly (for example "we aim to" or "should")',
      });
    }
  }
  return problems;
}

/** Check the body of every entry that states the law, cites a source or is marked legal. */
export function checkLegal(entries: readonly LegalEntry[]): Problem[] {
  const problems: Problem[] = [];
  for (const e of entries) {
    if (!e.data.legal && !e.data.citations.length && !/<Cite\b/.test(e.src.body)) continue;
    problems.push(...checkLegalBody(e.file, e.src.body, e.src.bodyLine, e.data, e.src));
  }
  return problems;
}
