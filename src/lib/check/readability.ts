/**
 * Reading age of every text written for families, measured on every pull request.
 *
 * Why the retext family (retext-english, retext-readability, retext-passive): it is kept up to
 * date by the unified collective, it works on a syntax tree of paragraphs, sentences and words
 * with the position of each (so a problem can point at the hardest sentence's line), and
 * retext-readability does not trust one formula: it asks seven (Dale–Chall, Automated
 * Readability, Coleman–Liau, Flesch, Gunning Fog, SMOG, Spache) and calls a sentence too hard
 * for an age when most of them agree. Reading age is US school grade + 5, as it uses.
 *
 * A sentence's reading age is the lowest age for which most formulas agree it is not too hard.
 * A text's reading age is the mean of its sentences' ages, weighted by their words; sentences
 * under five words are too short for the formulas and are left out.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { retext } from 'retext';
import retextEnglish from 'retext-english';
import retextPassive from 'retext-passive';
import retextReadability from 'retext-readability';
import type { Content, Entry } from '../content-check.ts';
import type { Problem } from '../problems.ts';
import type { Partnership } from '../schemas/partnership.ts';
import { localityList, numberWord, targetText, termLabel } from '../config-text.ts';

/** One text measured: where it is, how hard it reads and its hardest sentence. */
export interface ReadingAge {
  file: string;
  /** What the text is, e.g. "summary" or "What this means for your family". */
  part: string;
  /** Reading age of the whole text, one decimal place; undefined when it has no sentence long enough to measure. */
  age?: number;
  words: number;
  hardest?: { text: string; age: number; line: number; column: number };
}

/** A piece of family-facing text: its lines, as written, and the line the first one is on. */
export interface FamilyText {
  file: string;
  part: string;
  lines: string[];
  firstLine: number;
}

interface Sentence {
  text: string;
  words: number;
  line: number;
  offset: number;
  age?: number;
}

const MAX_AGE = 25;
const MIN_WORDS = 5;
/** Words this long are hard for many readers; a shorter word usually says the same. */
const LONG_WORD = 13;

// A minimal message sink: the plugins only call file.message(reason, { place, ancestors }).
interface Sink {
  message(reason: string, opts: { place?: unknown; ancestors?: unknown[] }): Record<string, unknown>;
}
type Node = { type: string; children?: Node[]; value?: string; position?: { start: { line: number; column: number; offset?: number } } };

const parser = retext().use(retextEnglish);

function toText(node: Node): string {
  return node.value ?? (node.children ?? []).map(toText).join('');
}

function sentencesOf(tree: Node): Node[] {
  const out: Node[] = [];
  const walk = (n: Node) => {
    if (n.type === 'SentenceNode') out.push(n);
    else n.children?.forEach(walk);
  };
  walk(tree);
  return out;
}

function wordCount(n: Node): number {
  if (n.type === 'WordNode') return 1;
  return (n.children ?? []).reduce((s, c) => s + wordCount(c), 0);
}

/** Sentences of a plain text with the reading age of each. */
export function measureSentences(plain: string): { sentences: Sentence[]; tree: Node } {
  const tree = parser.parse(plain) as unknown as Node;
  const nodes = sentencesOf(tree);
  const sentences = nodes.map((n) => ({
    text: toText(n).trim(),
    words: wordCount(n),
    line: n.position!.start.line,
    offset: n.position!.start.column - 1,
  })) as Sentence[];
  // Whether a sentence is too hard for an age only changes once as the age rises, so each
  // sentence's age is found by a binary search; all sentences asking about the same age share one run.
  const open = nodes.map((n, i) => ({ n, i, lo: 5, hi: MAX_AGE })).filter(({ i }) => sentences[i]!.words >= MIN_WORDS);
  while (open.some((o) => o.lo < o.hi)) {
    const byAge = new Map<number, typeof open>();
    for (const o of open) if (o.lo < o.hi) byAge.set((o.lo + o.hi) >> 1, [...(byAge.get((o.lo + o.hi) >> 1) ?? []), o]);
    for (const [age, group] of byAge) {
      const flagged = new Set<Node>();
      const sink: Sink = {
        message: (_r, o) => {
          flagged.add(o.ancestors!.at(-1) as Node);
          return {};
        },
      };
      const root: Node = { type: 'RootNode', children: [{ type: 'ParagraphNode', children: group.map((o) => o.n) }] };
      (retextReadability({ age, minWords: MIN_WORDS }) as unknown as (t: Node, f: Sink) => void)(root, sink);
      for (const o of group) {
        if (flagged.has(o.n)) o.lo = age + 1;
        else o.hi = age;
      }
    }
  }
  for (const o of open) sentences[o.i]!.age = o.lo;
  return { sentences, tree };
}

const CONFIG_TAGS: Record<string, (cfg: Partnership, attrs: string) => string> = {
  AreaName: (c, a) => (/\bfull\b/.test(a) ? c.area.name : c.area.shortName),
  Contact: (c, a) => c.contacts.find((x) => x.id === /id="([^"]*)"/.exec(a)?.[1])?.name ?? 'the team',
  TargetPercent: (c) => targetText(c),
  Localities: (c, a) => {
    const id = /id="([^"]*)"/.exec(a)?.[1];
    return id ? (c.localities.find((l) => l.id === id)?.name ?? id) : localityList(c);
  },
  LocalityCount: (c) => numberWord(c.localities.length),
  Term: (c, a) => termLabel(c, /id="([^"]*)"/.exec(a)?.[1] ?? '') ?? 'this term',
  Threshold: (c) => String(c.disclosure.threshold),
  // Figures in briefings read as a short number.
  Stat: () => '40%',
  Compare: () => 'above the target',
};

/**
 * Markdown and MDX lines as the plain sentences a reader meets, one output line per input line
 * so positions still point at the file. Headings, code, imports and table rules are left out;
 * a list item, table cell or line without an ending stop gets one, so it is measured as its
 * own sentence and not run into the next.
 */
export function plainLines(lines: readonly string[], cfg: Partnership): string[] {
  let fence = false;
  return lines.map((raw) => {
    if (/^\s*(```|~~~)/.test(raw)) {
      fence = !fence;
      return '';
    }
    if (fence || /^(import|export)\s/.test(raw) || /^\s*#/.test(raw) || /^\s*\|?[\s:|-]+\|[\s:|-]*$/.test(raw)) return '';
    let s = raw
      .replace(/\{\/\*.*?\*\/\}/g, '')
      .replace(/<([A-Z]\w*)\b((?:[^>"]|"[^"]*")*?)\/>/g, (_m, tag: string, attrs: string) => CONFIG_TAGS[tag]?.(cfg, attrs) ?? '')
      .replace(/<\/?[A-Za-z][^>]*>/g, '')
      .replace(/!\[[^\]]*\]\([^)]*\)/g, '')
      .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
      .replace(/`([^`]*)`/g, '$1')
      .replace(/(\*\*|__|\*|_)(?=\S)([^*_]*?\S)\1/g, '$2')
      .replace(/^\s*>\s?/, '')
      .replace(/^\s*(?:[-*+]|\d+[.)])\s+(?:\[[ xX]\]\s+)?/, '');
    if (s.includes('|')) s = s.split('|').map((c) => c.trim()).filter(Boolean).map((c) => (/[.!?]$/.test(c) ? c : `${c}.`)).join(' ');
    // Addresses are read as one word, not as sentences.
    s = s.replace(/\b[\w.+-]+@[\w.-]+\w/g, 'us').replace(/https?:\/\/\S+/g, 'the website');
    s = s.trim().replace(/[:;,]$/, '.');
    if (s && !/[.!?]["'”’)]?$/.test(s)) s += '.';
    // Each line starts a sentence: a list item in lower case is not the end of the one before.
    s = s.replace(/^[a-z]/, (c) => c.toUpperCase());
    return s;
  });
}

/** The reading age of one family text, and any warnings about it. */
export function measureText(t: FamilyText, cfg: Partnership, known: ReadonlySet<string>): { result: ReadingAge; warnings: Problem[] } {
  const plain = plainLines(t.lines, cfg);
  const { sentences, tree } = measureSentences(plain.join('\n'));
  const measured = sentences.filter((s) => s.age !== undefined);
  const words = measured.reduce((n, s) => n + s.words, 0);
  const at = (line: number, text: string) => {
    const source = t.lines[line - 1] ?? '';
    const col = source.indexOf(text.slice(0, 12));
    return { line: t.firstLine + line - 1, column: col === -1 ? 1 : col + 1 };
  };
  const result: ReadingAge = { file: t.file, part: t.part, words };
  if (words) {
    result.age = Math.round((measured.reduce((n, s) => n + s.age! * s.words, 0) / words) * 10) / 10;
    const h = measured.reduce((a, b) => (b.age! > a.age! ? b : a));
    result.hardest = { text: h.text, age: h.age!, ...at(h.line, h.text) };
  }

  const warnings: Problem[] = [];
  const warn = (kind: string, found: { word: string; line: number }[], expected: string, fix: string) => {
    if (!found.length) return;
    const list = [...new Set(found.map((f) => f.word))];
    const first = found[0]!;
    warnings.push({
      severity: 'warning',
      file: t.file,
      ...at(first.line, first.word),
      field: t.part,
      message: `${kind}: ${list.slice(0, 6).map((w) => `"${w}"`).join(', ')}${list.length > 6 ? ` and ${list.length - 6} more` : ''}`,
      expected,
      fix,
    });
  };

  const long: { word: string; line: number }[] = [];
  const abbreviations: { word: string; line: number }[] = [];
  plain.forEach((line, i) => {
    for (const m of line.matchAll(/[A-Za-z][A-Za-z'’-]*/g)) {
      const w = m[0];
      if (w.replace(/[^A-Za-z]/g, '').length >= LONG_WORD && !known.has(w.toLowerCase())) long.push({ word: w, line: i + 1 });
      // An abbreviation is explained when the glossary has it, or the text spells it out beside it: "(EHC)".
      if (/^[A-Z]{2,}[a-z]?s?$/.test(w) && !known.has(w.toLowerCase()) && !known.has(w.replace(/s$/, '').toLowerCase()) && !line.includes(`(${w})`)) {
        abbreviations.push({ word: w, line: i + 1 });
      }
    }
  });
  warn('long words, which many readers find hard', long, 'words of fewer than 13 letters', 'use a shorter word that means the same, or explain the word in the glossary');

  const passive: { word: string; line: number }[] = [];
  const sink: Sink = {
    message: (_r, o) => {
      const place = o.place as { start: { line: number; column: number } } | undefined;
      const line = place?.start.line ?? 1;
      const column = (place?.start.column ?? 1) - 1;
      const sentence = sentences.filter((s) => s.line === line && s.offset <= column).at(-1);
      if (sentence) passive.push({ word: sentence.text, line });
      return {};
    },
  };
  (retextPassive() as unknown as (t: Node, f: Sink) => void)(tree, sink);
  warn('passive voice, which hides who does what', passive, 'sentences that say who does what ("the council sends the plan")', 'name who does it, and put them first');
  warn('abbreviations not in the glossary', abbreviations, 'every abbreviation in the glossary (content/glossary.yaml), or written out in full', 'add the abbreviation to the glossary, or write it out');
  return { result, warnings };
}

function section(e: Entry<unknown>, heading: RegExp): FamilyText | undefined {
  const src = e.src as unknown as { body: string; bodyLine: number };
  const lines = src.body.split(/\r?\n/);
  const start = lines.findIndex((l) => heading.test(l));
  if (start === -1) return undefined;
  const end = lines.findIndex((l, i) => i > start && /^##\s/.test(l));
  return { file: e.file, part: lines[start]!.replace(/^#+\s*/, ''), lines: lines.slice(start + 1, end === -1 ? undefined : end), firstLine: src.bodyLine + start + 1 };
}

function whole(e: Entry<unknown>): FamilyText {
  const src = e.src as unknown as { body: string; bodyLine: number };
  return { file: e.file, part: 'page text', lines: src.body.split(/\r?\n/), firstLine: src.bodyLine };
}

function summary(e: Entry<{ summary: string }>): FamilyText {
  return { file: e.file, part: 'summary', lines: [e.data.summary], firstLine: e.src.locate(['summary']).line };
}

/** Text of the home page that families read: the static sentences of src/pages/index.astro. */
export function homePageText(root: string, cfg: Partnership): FamilyText {
  const file = 'src/pages/index.astro';
  const source = readFileSync(join(root, file), 'utf8').split(/\r?\n/);
  const fence = source.indexOf('---', 1);
  const lines = source.map((l, i) => {
    if (i <= fence) return '';
    const m = /<(p|h1|h2|li)\b[^>]*>(.*)<\/\1>/.exec(l);
    if (!m || /^\s*\{/.test(m[2]!)) return '';
    return m[2]!.replace(/\{cfg\.area\.description\}/, cfg.area.description).replace(/\{cfg\.area\.shortName\}/g, cfg.area.shortName).replace(/\{[^}]*\}/g, '10');
  });
  return { file, part: 'home page', lines, firstLine: 1 };
}

/** Every family-facing text: standards' summaries and family sections, guidance and briefings for families, the home page. */
export function familyTexts(root: string, content: Content): FamilyText[] {
  const out: FamilyText[] = [];
  for (const s of content.standards) {
    out.push(summary(s));
    const fam = section(s, /^##\s+What this means for (your )?famil/i);
    if (fam) out.push(fam);
  }
  for (const g of content.guidance.filter((g) => g.data.audience.includes('families'))) out.push(summary(g), whole(g));
  for (const b of content.briefings.filter((b) => b.data.audience.includes('families'))) out.push(summary(b), whole(b));
  if (content.partnership) out.push(homePageText(root, content.partnership));
  return out;
}

/** Words the glossary explains (its terms, short forms and other names), lower case. */
export function glossaryWords(content: Content): Set<string> {
  const out = new Set<string>();
  for (const g of content.glossary) {
    for (const w of [g.term, g.short, ...(g.aliases ?? [])]) {
      if (!w) continue;
      out.add(w.toLowerCase());
      for (const part of w.split(/\s+/)) out.add(part.toLowerCase());
    }
  }
  return out;
}

/**
 * Measure every family text. A text above the configured limit is a problem on its hardest
 * sentence; long words, passive voice and unexplained abbreviations are warnings.
 */
export function checkReadability(root: string, content: Content): { results: ReadingAge[]; problems: Problem[]; warnings: Problem[] } {
  const cfg = content.partnership;
  if (!cfg) return { results: [], problems: [], warnings: [] };
  const { maxReadingAge, aimReadingAge } = cfg.plainEnglish;
  const known = glossaryWords(content);
  const results: ReadingAge[] = [];
  const problems: Problem[] = [];
  const warnings: Problem[] = [];
  for (const t of familyTexts(root, content)) {
    const m = measureText(t, cfg, known);
    results.push(m.result);
    warnings.push(...m.warnings);
    const r = m.result;
    if (r.age !== undefined && r.age > maxReadingAge && r.hardest) {
      problems.push({
        file: r.file,
        line: r.hardest.line,
        column: r.hardest.column,
        field: r.part,
        message: `this text has a reading age of ${r.age}, above the limit of ${maxReadingAge}; its hardest sentence (reading age ${r.hardest.age}) is "${r.hardest.text}"`,
        expected: `a reading age of ${maxReadingAge} or less (aim for ${aimReadingAge}), set by plainEnglish in data/partnership.yaml`,
        fix: 'split long sentences, use short everyday words, and say who does what',
      });
    }
  }
  return { results, problems, warnings };
}

/** The reading ages as lines for a terminal, hardest first. */
export function formatReadingAges(results: readonly ReadingAge[], cfg: Pick<Partnership, 'plainEnglish'>): string {
  const { maxReadingAge, aimReadingAge } = cfg.plainEnglish;
  const rows = [...results].sort((a, b) => (b.age ?? 0) - (a.age ?? 0));
  const mark = (age?: number) => (age === undefined ? '  ' : age > maxReadingAge ? '✗ ' : age > aimReadingAge ? '~ ' : '✓ ');
  const out = [`Reading age of family-facing text (limit ${maxReadingAge}, aim ${aimReadingAge}; ✓ at or below the aim, ~ within the limit, ✗ above it):`];
  for (const r of rows) out.push(`  ${mark(r.age)}${(r.age === undefined ? '–' : r.age.toFixed(1)).padStart(4)}  ${r.file} (${r.part})`);
  return out.join('\n');
}
