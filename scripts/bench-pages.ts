/**
 * Seeded guidance pages for the build benchmark (scripts/bench-build.ts): about 480 words each,
 * with headings, paragraphs, a list and a GFM table, and frontmatter valid for this project's
 * GuidanceSchema. The same seed and count always give the same files.
 */
import { seeded } from '../src/lib/data/synthetic';
import { AUDIENCES, STAGES } from '../src/lib/schemas/common';

// A vocabulary in the register of the real guidance, so the search index is sized like a real one.
const COMMON = (
  'the a and of to in for with that is are be it on as by at this from or an can will their they we you your should ' +
  'when what how who which each every all more most some any other about into before after during where there ' +
  'have has had do does make sure help support work check need needs plan plans review reviews'
).split(' ');
const TOPIC = (
  'child children young person people family families parent parents carer carers school college setting settings ' +
  'practitioner practitioners SENCo teacher teachers health care social service services partnership local authority ' +
  'assessment outcome outcomes provision advice evidence record records meeting meetings decision decisions views ' +
  'wishes feelings aspirations strengths difficulties communication interaction learning cognition emotional mental ' +
  'sensory physical therapy therapist speech language occupational educational psychologist nurse paediatrician ' +
  'transition transitions adulthood employment independence housing friendships community travel training ' +
  'annual statutory timescale deadline weeks draft final amendment tribunal mediation appeal complaint complaints ' +
  'compliment feedback quality standard standards audit audits grade good outstanding improvement action actions ' +
  'target targets progress monitoring data report reports term termly year budget personal direct payment ' +
  'funding resources specialist mainstream placement attendance exclusion wellbeing safeguarding consent ' +
  'information transparency participation co-production listening respect trust clear specific measurable ' +
  'achievable relevant timed agreed shared joint multi-agency panel caseworker coordinator keyworker'
).split(' ');
const TITLE_WORDS = (
  'Planning Reviewing Recording Agreeing Writing Sharing Hearing Checking Improving Preparing Supporting Involving ' +
  'Explaining Measuring Gathering Coordinating Funding Arranging Monitoring Understanding'
).split(' ');
const TITLE_TOPICS = [
  'outcomes with families', 'the annual review', 'advice from health', 'transitions between settings', 'for adulthood',
  'the child\'s voice', 'provision in the plan', 'personal budgets', 'a good complaint response', 'SEN support plans',
  'the needs assessment', 'attendance and wellbeing', 'speech and language therapy', 'social care advice', 'joint working',
];

const pick = <T>(rand: () => number, xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
const cap = (s: string) => s[0]!.toUpperCase() + s.slice(1);

function sentence(rand: () => number, words: number): string {
  const out: string[] = [];
  for (let i = 0; i < words; i++) out.push(rand() < 0.5 ? pick(rand, COMMON) : pick(rand, TOPIC));
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
  out.push(`## ${cap(pick(rand, TOPIC))} and ${pick(rand, TOPIC)}`, '');
  para(90);
  para(70);
  out.push('| What | Who | When |', '| --- | --- | --- |');
  for (let r = 0; r < 4; r++) {
    out.push(`| ${sentence(rand, 5).slice(0, -1)} | ${cap(pick(rand, TOPIC))} | within ${2 + Math.floor(rand() * 18)} weeks |`);
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
