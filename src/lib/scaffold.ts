/** The skeleton of a new briefing (npm run new:briefing): valid frontmatter and live figures. */
import { BRIEFING_KINDS } from './schemas/pages.ts';

export function slugify(s: string): string {
  return s
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
}

/**
 * The skeleton's placeholder sentences. Validation refuses a briefing set to be published
 * (draft: false) that still has any of them.
 */
export const PLACEHOLDERS = [
  'Replace this with one sentence saying what this briefing is about.',
  'Describe good practice here, with a short anonymised example.',
  'Replace these points with the actions for practitioners.',
] as const;

/** Words left at the end of a title once the term is taken out ("what we learned in the"). */
const DANGLING = new Set(['in', 'the', 'of', 'for', 'this', 'during', 'and', 'from']);

/**
 * The title as the last part of a file name, without the words that name the term: the file
 * name and the address already start with it ("2025-26-spring-what-we-learned", not
 * "2025-26-spring-spring-term-2025-26-what-we-learned").
 */
export function titleSlug(title: string, term: string): string {
  const [y1, y2, name] = term.split('-');
  const termWords = new Set([y1, y2, name, `20${y2}`, 'term'].filter(Boolean));
  const words = slugify(title)
    .split('-')
    .filter((w) => w && !termWords.has(w));
  while (words.length && DANGLING.has(words[words.length - 1]!)) words.pop();
  while (words.length && DANGLING.has(words[0]!) && words[0] !== 'the') words.shift();
  return words.join('-') || 'briefing';
}

export interface SkeletonOptions {
  term: string;
  title: string;
  today: string;
  kind?: keyof typeof BRIEFING_KINDS;
  draft?: boolean;
}

export function briefingSkeleton(o: SkeletonOptions): { path: string; text: string } {
  const slug = `${o.term}-${titleSlug(o.title, o.term)}`;
  const quote = (s: string) => `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
  // No component names a term: every figure follows term: above, so a copy for another term moves with it.
  const text = `---
title: ${quote(o.title)}
term: ${o.term}
published: ${o.today}
audience: [practitioners]
kind: ${o.kind ?? 'termly-quality-briefing'}
summary: "${PLACEHOLDERS[0]}"
standards: [ehc-plan-2]
guidance: [smart-outcomes]
draft: ${o.draft === false ? 'false' : 'true'}
---

## What our audits found

This term <Stat metric="good-or-better" /> of the <Stat metric="audits" /> audits we completed were Good or better: <Compare metric="good-or-better" with="target" />.

<ReportChart section="by-type" />

## What good looks like

${PLACEHOLDERS[1]} See <StandardLink id="ehc-plan-2" />.

<Callout title="What to do next">

- ${PLACEHOLDERS[2]}
- Read <GuidanceLink id="smart-outcomes" />.

</Callout>
`;
  return { path: `content/briefings/${slug}.mdx`, text };
}
