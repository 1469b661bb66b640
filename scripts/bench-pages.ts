/**
 * Seeded guidance pages for the build benchmark (scripts/bench-build.ts): about 480 words each,
 * with headings, paragraphs, a list and a GFM table, and frontmatter valid for this project's
 * GuidanceSchema. The same seed and count always give the same files.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { globSync } from 'tinyglobby';
import { seeded } from '../src/lib/data/synthetic';
import { loadPartnership } from '../src/lib/partnership';
import { AUDIENCES, STAGES } from '../src/lib/schemas/common';

/**
 * The words of the generated text, with how often each is used: counted from this project's own
 * example content (every .md and .mdx file under content/, without frontmatter, imports, components
 * and link addresses), so the generated pages have the vocabulary and the word frequencies of real
 * guidance and the search index is shaped like a real one. A fixed list of a few hundred equally
 * likely words (this generator until 2026-12-07) gave every word thousands of occurrences at 4,000
 * pages, so each of Pagefind's index chunks held only two or three words; in real text a chunk
 * holds hundreds. The files are read in name order, so the same content always gives the same words.
 */
function vocabulary(): { words: string[]; cumulative: number[] } {
  const counts = new Map<string, number>();
  const files = globSync('**/*.{md,mdx}', { cwd: CONTENT }).sort();
  for (const f of files) {
    const text = readFileSync(join(CONTENT, f), 'utf8')
      .replace(/^---\r?\n[\s\S]*?\r?\n---\r?\n/, '')
      .replace(/^(import|export)\s.*$/gm, '')
      .replace(/\{\/\*[\s\S]*?\*\/\}/g, ' ')
      .replace(/<[^>]*>/g, ' ')
      .replace(/\{[^}]*\}/g, ' ')
      .replace(/\]\([^)]*\)/g, ' ')
      .replace(/https?:\/\/\S+/g, ' ');
    for (const w of text.match(/[A-Za-z][A-Za-z'’-]*[A-Za-z]|[A-Za-z]/g) ?? []) counts.set(w, (counts.get(w) ?? 0) + 1);
  }
  // Names the configuration knows are written with components in real content, never typed (the
  // content check refuses them typed), so they are left out: the area's names and the localities, in
  // any capitals, since a word that starts a generated sentence is given one.
  const config = loadPartnership(fileURLToPath(new URL('..', import.meta.url)));
  const names = new Set([config.area.name, config.area.shortName, ...config.localities.map((l) => l.name)].flatMap((n) => n.toLowerCase().split(/\s+/)));
  for (const w of [...counts.keys()]) if (names.has(w.toLowerCase())) counts.delete(w);
  if (counts.size < 500) throw new Error(`bench-pages: only ${counts.size} different words found under ${CONTENT}; the generated pages need the example content's vocabulary`);
  const words = [...counts.keys()].sort((a, b) => counts.get(b)! - counts.get(a)! || (a < b ? -1 : a > b ? 1 : 0));
  let total = 0;
  const cumulative = words.map((w) => (total += counts.get(w)!));
  return { words, cumulative: cumulative.map((c) => c / total) };
}

let vocab: ReturnType<typeof vocabulary> | undefined;
/** One word, as likely as it is in the example content. */
function word(rand: () => number): string {
  vocab ??= vocabulary();
  const r = rand();
  let lo = 0;
  let hi = vocab.cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (vocab.cumulative[mid]! < r) lo = mid + 1;
    else hi = mid;
  }
  return vocab.words[lo]!;
}

const TITLE_WORDS = (
  'Planning Reviewing Recording Agreeing Writing Sharing Hearing Checking Improving Preparing Supporting Involving ' +
  'Explaining Measuring Gathering Coordinating Funding Arranging Monitoring Understanding'
).split(' ');
const TITLE_TOPICS = [
  'outcomes with families', 'the annual review', 'advice from health', 'transitions between settings', 'for adulthood',
  'the child\'s voice', 'provision in the plan', 'personal budgets', 'a good complaint response', 'SEN support plans',
  'the needs assessment', 'attendance and wellbeing', 'speech and language therapy', 'social care advice', 'joint working',
];

const CONTENT = fileURLToPath(new URL('../content/', import.meta.url));

const pick = <T>(rand: () => number, xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
const cap = (s: string) => s[0]!.toUpperCase() + s.slice(1);

function sentence(rand: () => number, words: number): string {
  const out: string[] = [];
  for (let i = 0; i < words; i++) out.push(word(rand));
  return `${cap(out.join(' '))}.`;
}
function paragraph(rand: () => number, words: number): { text: string; words: number } {
  const parts: string[] = [];
  let n = 0;
  while (n < words) {
    const len = 8 + Math.floor(rand() * 12);
    parts.push(sentence(rand, len));
    n += len;
  }
  return { text: parts.join(' '), words: n };
}

export interface BenchPage {
  slug: string;
  title: string;
  /** The MDX file, frontmatter and body. */
  mdx: string;
  /** The body alone (the floor project uses the same). */
  body: string;
}

/** About 480 words: two sections of prose, a list and a GFM table of four rows. */
function body(rand: () => number): string {
  const out: string[] = [];
  let words = 0;
  const para = (w: number) => {
    const p = paragraph(rand, w);
    words += p.words;
    out.push(p.text, '');
  };
  out.push(`## ${cap(word(rand))} and ${word(rand)}`, '');
  para(90);
  para(70);
  out.push('| What | Who | When |', '| --- | --- | --- |');
  for (let r = 0; r < 4; r++) {
    out.push(`| ${sentence(rand, 5).slice(0, -1)} | ${cap(word(rand))} | within ${2 + Math.floor(rand() * 18)} weeks |`);
    words += 9;
  }
  out.push('');
  out.push(`## ${cap(pick(rand, TITLE_WORDS).toLowerCase())} ${pick(rand, TITLE_TOPICS)}`, '');
  for (let i = 0; i < 4; i++) {
    const s = sentence(rand, 10);
    words += 10;
    out.push(`- ${s}`);
  }
  out.push('');
  while (words < 470) para(Math.min(90, 480 - words));
  return out.join('\n');
}

/**
 * n guidance pages. standardIds are the standards a page may name (each page names up to three,
 * as the real ones do).
 */
export function benchPages(n: number, standardIds: readonly string[], seed = 16): BenchPage[] {
  const rand = seeded(seed);
  const pages: BenchPage[] = [];
  for (let i = 1; i <= n; i++) {
    const title = `${pick(rand, TITLE_WORDS)} ${pick(rand, TITLE_TOPICS)} ${i}`;
    const slug = `bench-${String(i).padStart(5, '0')}`;
    const audience = rand() < 0.3 ? [...AUDIENCES] : [pick(rand, AUDIENCES)];
    const stage = rand() < 0.2 ? ['all'] : [...new Set([pick(rand, STAGES.filter((s) => s !== 'all')), pick(rand, STAGES.filter((s) => s !== 'all'))])];
    const standards = standardIds.length ? [...new Set(Array.from({ length: Math.floor(rand() * 4) }, () => pick(rand, standardIds)))] : [];
    const month = String(1 + Math.floor(rand() * 12)).padStart(2, '0');
    const day = String(1 + Math.floor(rand() * 28)).padStart(2, '0');
    const summary = `${sentence(rand, 18).slice(0, -1)}.`;
    const b = body(rand);
    const fm = [
      '---',
      `title: ${JSON.stringify(title)}`,
      `summary: ${JSON.stringify(summary)}`,
      `audience: [${audience.join(', ')}]`,
      `stage: [${stage.join(', ')}]`,
      `standards: [${standards.join(', ')}]`,
      `updated: 2025-${month}-${day}`,
      '---',
      '',
    ].join('\n');
    pages.push({ slug, title, mdx: `${fm}${b}\n`, body: b });
  }
  return pages;
}
