/** The skeleton of a new briefing (npm run new:briefing): valid frontmatter and live figures. */
import { BRIEFING_KINDS } from './schemas/pages';

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

export interface SkeletonOptions {
  term: string;
  title: string;
  today: string;
  kind?: keyof typeof BRIEFING_KINDS;
  draft?: boolean;
}

export function briefingSkeleton(o: SkeletonOptions): { path: string; text: string } {
  const slug = `${o.term}-${slugify(o.title)}`;
  const quote = (s: string) => `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
  const text = `---
title: ${quote(o.title)}
term: ${o.term}
published: ${o.today}
audience: [practitioners]
kind: ${o.kind ?? 'termly-quality-briefing'}
summary: "Replace this with one sentence saying what this briefing is about."
standards: [ehc-plan-2]
guidance: [smart-outcomes]
draft: ${o.draft === false ? 'false' : 'true'}
---

## What our audits found

This term <Stat metric="good-or-better" term="${o.term}" /> of the <Stat metric="audits" term="${o.term}" /> audits we completed were Good or better: <Compare metric="good-or-better" term="${o.term}" with="target" />.

<ReportChart term="${o.term}" section="by-type" />

## What good looks like

Describe good practice here, with a short anonymised example. See <StandardLink id="ehc-plan-2" />.

<Callout title="What to do next">

- Replace these points with the actions for practitioners.
- Read <GuidanceLink id="smart-outcomes" />.

</Callout>
`;
  return { path: `content/briefings/${slug}.mdx`, text };
}
