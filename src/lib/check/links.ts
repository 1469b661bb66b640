/**
 * Links typed into content that lead nowhere. An author who writes [our guide](/guidance/smart-outcome/)
 * for /guidance/smart-outcomes/ would otherwise publish a link to a "page not found", and nothing
 * in the build would notice.
 *
 * The links are found while the content is checked (contentLinks: Markdown links, link
 * definitions and href attributes whose address starts with "/" or "#"), and tested against the
 * built site at the end of the build (brokenLinks): the page must exist and, for an address with
 * "#part", the page must have an element with that id; "#part" alone is looked for on the page
 * the file itself became (pageSources). The built site is the only complete list
 * of its pages, so nothing here repeats the site's routes.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Problem } from '../problems.ts';
import { lineStarts, locate } from '../source-lines.ts';
import { nearest } from '../suggest.ts';
import { blank } from './blank.ts';

/** A link to another page of the site, where it is written. */
export interface ContentLink {
  file: string;
  line: number;
  column: number;
  /** The address as written, such as "/guidance/smart-outcomes/#who-writes-them". */
  href: string;
}

// An address on this site: a path ("/…", not "//…", which is another site) or a part of the same page ("#…").
const MARKDOWN = /\]\(\s*<?(\/(?!\/)[^)\s>]*|#[^)\s>]+)>?(?:\s+(?:"[^"]*"|'[^']*'))?\s*\)/g;
const DEFINITION = /^ {0,3}\[[^\]\n]+\]:\s*<?(\/(?!\/)[^\s>]*|#[^\s>]+)>?/gm;
const HREF = /\bhref=(?:"|'|\{\s*["'`])(\/(?!\/)[^"'`]*|#[^"'`]+)["'`]/g;

/** The text with code (fenced blocks, `spans`) and MDX comments blanked, keeping every line and column. */
function withoutCode(text: string): string {
  return text.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, blank).replace(/`[^`\n]+`/g, blank).replace(/\{\/\*[\s\S]*?\*\/\}/g, blank);
}

/** Every link in an MDX body to an address on this site ("/…"), with its line and column in the file. */
export function contentLinks(file: string, body: string, bodyLine: number): ContentLink[] {
  if (!body.includes('/')) return [];
  const text = withoutCode(body);
  const starts = lineStarts(text);
  const where = (at: number) => {
    const { line, column } = locate(starts, at);
    return { line: bodyLine + line - 1, column };
  };
  const out: ContentLink[] = [];
  for (const re of [MARKDOWN, DEFINITION, HREF]) {
    for (const m of text.matchAll(re)) out.push({ file, ...where(m.index + m[0].indexOf(m[1]!)), href: m[1]! });
  }
  return out.sort((a, b) => a.line - b.line || a.column - b.column);
}

const SOURCES = Symbol.for('send-quality:page-sources');

/**
 * The page each content file became (file -> the page's address), recorded by the pages as they
 * render, so that a link to "#part" can be tested against the page its file became. Kept on
 * globalThis: the pages and the integrations are two module graphs in one build process.
 */
export function pageSources(): Map<string, string> {
  const store = globalThis as unknown as Record<symbol, Map<string, string> | undefined>;
  return (store[SOURCES] ??= new Map());
}

/** Called by a page as it renders: the content file `file` (when it has one) became the page at `url`. */
export function recordPageSource(file: string | undefined, url: URL): void {
  if (file) pageSources().set(file, url.pathname);
}

/** Every page of a built site, as the address a link would use ("/guidance/smart-outcomes/"). */
function sitePages(dist: string): string[] {
  const out: string[] = [];
  const walk = (dir: string, url: string) => {
    for (const name of readdirSync(join(dist, dir))) {
      if (dir === '' && (name === 'pagefind' || name === '_astro')) continue;
      const rel = dir ? `${dir}/${name}` : name;
      if (statSync(join(dist, rel)).isDirectory()) walk(rel, `${url}${name}/`);
      else if (name === 'index.html') out.push(url);
    }
  };
  walk('', '/');
  return out;
}

/**
 * The links among `links` that lead to no page of the built site in `dist`, or to a part of a page
 * ("#…") that it does not have, as problems to fix in the file that has the link. A link from a
 * published page to a briefing among `drafts` (files still marked draft: true) is one too, in a
 * preview build as in a published one: the published site leaves drafts out.
 */
export function brokenLinks(
  dist: string,
  links: readonly ContentLink[],
  sources: ReadonlyMap<string, string> = new Map(),
  drafts: ReadonlySet<string> = new Set(),
): Problem[] {
  const problems: Problem[] = [];
  // Pages made from drafts: only a preview build has them, so a published page's link to one
  // works in the preview and goes nowhere once merged.
  const draftPages = new Map([...sources].filter(([file]) => drafts.has(file)).map(([file, path]) => [path, file]));
  // A published build has no page for a draft; its address ends with the draft's file name.
  const draftNames = new Map([...drafts].map((file) => [file.replace(/^.*\//, '').replace(/\.mdx?$/, ''), file]));
  const pages = new Map<string, string | undefined>();
  let all: string[] | undefined;
  /** The built file for an address, or undefined. */
  const fileFor = (path: string): string | undefined => {
    let p: string;
    try {
      p = decodeURIComponent(path);
    } catch {
      return undefined;
    }
    for (const f of [p.endsWith('/') ? `${p}index.html` : p, `${p}/index.html`]) {
      const full = join(dist, f);
      if (full.startsWith(dist) && existsSync(full) && statSync(full).isFile()) return f;
    }
    return undefined;
  };
  const html = (f: string) => {
    if (!pages.has(f)) pages.set(f, f.endsWith('.html') ? readFileSync(join(dist, f), 'utf8') : undefined);
    return pages.get(f);
  };
  for (const link of links) {
    // A part of the same page: tested against the page the file became, when it became one (a
    // draft briefing is not built for the published site).
    const own = link.href.startsWith('#') ? sources.get(link.file) : undefined;
    if (link.href.startsWith('#') && !own) continue;
    const [pathAndQuery, hash] = (own ? `${own}${link.href}` : link.href).split('#', 2) as [string, string | undefined];
    const path = pathAndQuery.split('?')[0]!;
    const at = { file: link.file, line: link.line, column: link.column };
    const target = fileFor(path);
    const address = path.endsWith('/') ? path : `${path}/`;
    const draft = draftPages.get(address) ?? (target ? undefined : draftNames.get(address.slice(0, -1).replace(/^.*\//, '')));
    if (draft && path.startsWith('/briefings/') && !drafts.has(link.file)) {
      problems.push({
        ...at,
        message: `the link to "${link.href}" goes to a briefing that is still a draft (${draft} has draft: true): a preview shows drafts, but the published site leaves them out, so on the published site this link would go to "page not found"`,
        expected: 'links only to pages that are published, or will be when this is merged',
        fix: `publish that briefing first (change draft: true to draft: false in ${draft}, in this pull request or an earlier one), or remove the link until it is published`,
      });
      continue;
    }
    if (!target) {
      all ??= sitePages(dist);
      const near = nearest(address, all);
      problems.push({
        ...at,
        message: `the link to "${link.href}" goes to no page of this site, so readers would get "page not found"`,
        expected: 'the address of a page on this site, as it shows in the browser after the site name (such as /guidance/smart-outcomes/)',
        fix: near ? `correct the address to ${near}${hash ? `#${hash}` : ''} if that is the page meant; otherwise open the page in the browser, copy its address, or remove the link` : 'open the page meant in the browser and copy its address, or remove the link',
        ...(near ? { didYouMean: `${near}${hash ? `#${hash}` : ''}` } : {}),
      });
      continue;
    }
    if (!hash) continue;
    const page = html(target);
    if (page === undefined) continue;
    let id: string;
    try {
      id = decodeURIComponent(hash);
    } catch {
      id = hash;
    }
    if (page.includes(` id="${id}"`)) continue;
    const ids = [...page.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]!);
    const near = nearest(id, ids);
    problems.push({
      ...at,
      message: own
        ? `the link to "${link.href}" points to a part of this page (${path}) that it does not have, so it would do nothing`
        : `the link to "${link.href}" goes to ${path}, which has no part called "#${hash}", so readers would land at the top of the page`,
      expected: 'after "#", the id of a heading or part of that page: a heading "What happens next" has the id what-happens-next (small letters, a hyphen for each space, no punctuation)',
      fix: near ? `correct it to ${own ? '' : path}#${near} if that is the part meant, or remove ${own ? 'the link' : `"#${hash}"`}` : `${own ? 'remove the link' : `remove "#${hash}"`}, or find the id of the heading meant`,
      ...(near ? { didYouMean: `${own ? '' : path}#${near}` } : {}),
    });
  }
  return problems;
}
