// What a pull request changes on the site, written as the comment on the pull request:
//   tsx scripts/preview-diff.ts --base <main's dist> --head <this dist> --url <preview address> [--out comment.md]
// Both folders are built the same way (drafts included, the same base path), so that only the
// pull request's changes differ. A page counts as changed when the text of its main content
// changes: scripts, styles and attributes (hashed file names, CSP hashes, the data behind
// charts) are build-time noise and are left out. The figures every added or changed briefing
// quotes are listed from the built HTML (`.sq-statnum` and `.sq-compare`), so a reviewer can
// check each one against its report without reading the MDX.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { parse, type HTMLElement } from 'node-html-parser';
import { globSync } from 'tinyglobby';

/** One page of a built site. */
export interface Page {
  /** The address below the site's base: "briefings/2025-26/summer/quality-briefing/". */
  path: string;
  title: string;
}

/** A figure a briefing quotes, as it was built. */
export interface QuotedFigure {
  /** "figure" for <Stat>, "comparison" for <Compare>. */
  kind: 'figure' | 'comparison';
  /** What the reader sees: "72%", "c", "up 4 points on the spring term". */
  text: string;
  metric: string;
  term: string;
  /** "auditType=ehc-plan", or empty for the whole term. */
  filter: string;
  /** For a comparison: what it compares with ("previous", "last-year") and that term. */
  with?: string;
  otherTerm?: string;
}

export interface SiteDiff {
  /** False when there was no base site to compare with (main's build failed or was missing). */
  compared: boolean;
  added: Page[];
  changed: Page[];
  removed: Page[];
  /** The figures of each added or changed briefing, in page order. */
  briefings: { page: Page; figures: QuotedFigure[] }[];
}

interface Built {
  title: string;
  text: string;
  doc: HTMLElement;
}

/** Every HTML page of a built site by its address; search's own files are not pages. */
function readSite(dir: string): Map<string, Built> {
  const out = new Map<string, Built>();
  if (!existsSync(dir)) return out;
  for (const file of globSync('**/*.html', { cwd: dir, ignore: ['pagefind/**', '_astro/**'] }).sort()) {
    const doc = parse(readFileSync(join(dir, file), 'utf8'), { comment: false });
    for (const el of doc.querySelectorAll('script, style, template')) el.remove();
    const main = doc.querySelector('main') ?? doc.querySelector('body') ?? doc;
    const title = (doc.querySelector('h1')?.text ?? doc.querySelector('title')?.text ?? file).replace(/\s+/g, ' ').trim();
    out.set(file.replace(/(^|\/)index\.html$/, '$1'), { title, text: main.structuredText.replace(/\s+/g, ' ').trim(), doc: main });
  }
  return out;
}

/** A briefing's own page (not the list of briefings): briefings/<year>/<term>/<slug>/. */
const isBriefing = (path: string) => /^briefings\/[^/]+\/[^/]+\/[^/]+\/$/.test(path);

function figuresOf(doc: HTMLElement): QuotedFigure[] {
  return doc.querySelectorAll('.sq-statnum, .sq-compare').map((el) => {
    const comparison = el.classList.contains('sq-compare');
    const a = (name: string) => el.getAttribute(`data-${name}`) ?? '';
    return {
      kind: comparison ? 'comparison' : 'figure',
      text: el.text.replace(/\s+/g, ' ').trim(),
      metric: a('metric'),
      term: a('term'),
      filter: a('filter'),
      ...(comparison ? { with: a('with'), otherTerm: a('other-term') } : {}),
    } satisfies QuotedFigure;
  });
}

/** The pages added, changed and removed from `baseDir` to `headDir`, and the figures of the briefings among them. */
export function diffSites(baseDir: string, headDir: string): SiteDiff {
  const base = readSite(baseDir);
  const head = readSite(headDir);
  const page = (path: string, b: Built): Page => ({ path, title: b.title });
  const added: Page[] = [];
  const changed: Page[] = [];
  for (const [path, built] of head) {
    const before = base.get(path);
    if (!before) added.push(page(path, built));
    else if (before.text !== built.text) changed.push(page(path, built));
  }
  const removed = [...base].filter(([path]) => !head.has(path)).map(([path, b]) => page(path, b));
  const briefings = [...added, ...changed]
    .filter((p) => isBriefing(p.path))
    .sort((a, b) => a.path.localeCompare(b.path))
    .map((p) => ({ page: p, figures: figuresOf(head.get(p.path)!.doc) }));
  return { compared: existsSync(baseDir), added, changed, removed, briefings };
}

/** Text safe inside a Markdown table cell or link label. */
const md = (s: string) => s.replace(/[\\|[\]<>*_`]/g, (c) => `\\${c}`);

/** How many pages a list shows before "and N more": a comment stays readable, the rest is in the preview. */
const LIST_LIMIT = 40;

function pageList(pages: Page[], url: string | undefined): string[] {
  if (!pages.length) return ['None.'];
  const lines = pages
    .slice(0, LIST_LIMIT)
    .map((p) => `- ${url ? `[${md(p.title)}](${url}${p.path})` : md(p.title)} — \`/${p.path}\``);
  if (pages.length > LIST_LIMIT) lines.push(`- …and ${pages.length - LIST_LIMIT} more.`);
  return lines;
}

const FILTER_WORDS: Record<string, string> = { auditType: 'type of audit', locality: 'locality', level: 'level' };
function filterText(filter: string): string {
  if (!filter) return 'all';
  const [key, value] = filter.split('=');
  return `${FILTER_WORDS[key!] ?? key}: ${value}`;
}

/** The pull-request comment: the preview's address, the pages that change, and the figures quoted. */
export function previewComment(diff: SiteDiff, url: string | undefined): string {
  const out: string[] = ['## Preview of this pull request', ''];
  out.push(
    url
      ? `**[Open the preview](${url})**: the whole site as it will look once this pull request is merged, with draft briefings included. It is rebuilt each time a change is saved to this pull request, a few minutes later.`
      : 'The preview is not published for this pull request (see the **Check and preview** workflow run for why).',
    '',
  );
  out.push('### Pages that change', '');
  if (!diff.compared) out.push("The site on `main` could not be built, so nothing could be compared: every page is listed as added.", '');
  else out.push('Compared with the site built from `main` (drafts included in both).', '');
  const sections: [string, Page[], boolean][] = [
    ['Added', diff.added, true],
    ['Changed', diff.changed, true],
    ['Removed', diff.removed, false],
  ];
  for (const [label, pages, link] of sections) out.push(`**${label} (${pages.length})**`, '', ...pageList(pages, link ? url : undefined), '');
  out.push('### Figures quoted by the added or changed briefings', '');
  if (!diff.briefings.length) out.push('No briefing is added or changed.', '');
  else out.push('Every figure comes from its term\'s report. Check that each is the one the sentence around it means, and that the term is right. `c` means the figure is not published to protect children\'s privacy.', '');
  for (const { page, figures } of diff.briefings) {
    out.push(`#### ${url ? `[${md(page.title)}](${url}${page.path})` : md(page.title)}`, '');
    if (!figures.length) {
      out.push('This briefing quotes no figures.', '');
      continue;
    }
    out.push('| Shows | Measure | Term | Filter | Compared with |', '| --- | --- | --- | --- | --- |');
    for (const f of figures) {
      const compared = f.kind === 'comparison' ? `${md(f.with ?? '')}${f.otherTerm ? ` (${md(f.otherTerm)})` : ''}` : '';
      out.push(`| ${md(f.text) || '(empty)'} | \`${f.metric}\` | \`${f.term}\` | ${md(filterText(f.filter))} | ${compared} |`);
    }
    out.push('');
  }
  return out.join('\n');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { values } = parseArgs({ options: { base: { type: 'string' }, head: { type: 'string' }, url: { type: 'string' }, out: { type: 'string' } } });
  if (!values.base || !values.head) {
    console.error('Usage: tsx scripts/preview-diff.ts --base <main dist> --head <pull request dist> [--url <preview address>] [--out comment.md]');
    process.exit(2);
  }
  if (!existsSync(values.head)) {
    console.error(`There is no built site at ${values.head}: build it first (npm run build:preview).`);
    process.exit(1);
  }
  const url = values.url ? values.url.replace(/\/?$/, '/') : undefined;
  const comment = previewComment(diffSites(values.base, values.head), url);
  if (values.out) writeFileSync(values.out, `${comment}\n`);
  else console.log(comment);
}
