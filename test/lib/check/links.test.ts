import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { brokenLinks, contentLinks } from '../../../src/lib/check/links';

describe('contentLinks', () => {
  const body = [
    'Read [our guide](/guidance/smart-outcomes/) and [the target](/framework/target/#aim "Our aim").', // line 10
    'Not [another site](https://example.org/guidance/) nor [protocol-relative](//cdn.example/x).',
    'In code: `[x](/guidance/in-code/)` is not a link.',
    '```md',
    '[y](/guidance/in-a-block/)',
    '```',
    '<a href="/reports/">Reports</a> and <a href={"/glossary/#sen"}>SEN</a>',
    '{/* [hidden](/guidance/in-a-comment/) */}',
    '[ref]: /sources/',
    'See [below](#what-happens-next).',
  ].join('\n');
  const links = contentLinks('content/guidance/x.mdx', body, 10);

  it('finds Markdown links, link definitions and href attributes to this site, with their line and column', () => {
    expect(links.map((l) => [l.line, l.column, l.href])).toEqual([
      [10, 18, '/guidance/smart-outcomes/'],
      [10, 62, '/framework/target/#aim'],
      [16, 10, '/reports/'],
      [16, 47, '/glossary/#sen'],
      [18, 8, '/sources/'],
      [19, 13, '#what-happens-next'],
    ]);
    expect(links.every((l) => l.file === 'content/guidance/x.mdx')).toBe(true);
  });

  it('leaves out other sites, code and comments', () => {
    expect(links.map((l) => l.href).join(' ')).not.toMatch(/example|in-code|in-a-block|in-a-comment/);
  });
});

describe('brokenLinks', () => {
  const dist = mkdtempSync(join(tmpdir(), 'sq-links-'));
  afterAll(() => rmSync(dist, { recursive: true, force: true }));
  const page = (rel: string, html: string) => {
    mkdirSync(join(dist, rel), { recursive: true });
    writeFileSync(join(dist, rel, 'index.html'), html);
  };
  page('guidance/smart-outcomes', '<main><h1>SMART</h1><h2 id="who-writes-them">Who</h2></main>');
  page('framework/target', '<main><h2 id="aim">Aim</h2></main>');
  page('', '<main>Home</main>');
  mkdirSync(join(dist, 'reports'), { recursive: true });
  writeFileSync(join(dist, 'reports/figures.csv'), 'a,b\n');
  const at = (href: string, line = 1) => ({ file: 'content/briefings/b.mdx', line, column: 5, href });

  it('accepts pages, files and parts of pages that exist, with or without the closing slash', () => {
    expect(brokenLinks(dist, [at('/'), at('/guidance/smart-outcomes/'), at('/guidance/smart-outcomes'), at('/guidance/smart-outcomes/#who-writes-them'), at('/reports/figures.csv'), at('/framework/target/?x=1#aim')])).toEqual([]);
  });

  it('refuses a link to no page, naming the nearest page', () => {
    const [p, ...rest] = brokenLinks(dist, [at('/guidance/smart-outcome/', 7)]);
    expect(rest).toEqual([]);
    expect(p).toMatchObject({ file: 'content/briefings/b.mdx', line: 7, column: 5, didYouMean: '/guidance/smart-outcomes/' });
    expect(p!.message).toBe('the link to "/guidance/smart-outcome/" goes to no page of this site, so readers would get "page not found"');
    expect(p!.fix).toContain('correct the address to /guidance/smart-outcomes/');
    expect(brokenLinks(dist, [at('/nothing/like/any/page/')])[0]!.didYouMean).toBeUndefined();
  });

  it('tests a link to a part of the same page against the page its file became, and skips a file that became no page', () => {
    const sources = new Map([['content/guidance/smart-outcomes.mdx', '/guidance/smart-outcomes/']]);
    const own = (href: string, file = 'content/guidance/smart-outcomes.mdx') => ({ file, line: 3, column: 1, href });
    expect(brokenLinks(dist, [own('#who-writes-them')], sources)).toEqual([]);
    const [p, ...rest] = brokenLinks(dist, [own('#who-write-them'), own('#anything', 'content/briefings/draft.mdx')], sources);
    expect(rest).toEqual([]);
    expect(p).toMatchObject({ line: 3, didYouMean: '#who-writes-them' });
    expect(p!.message).toBe('the link to "#who-write-them" points to a part of this page (/guidance/smart-outcomes/) that it does not have, so it would do nothing');
  });

  it('refuses a link to a part of a page that the page does not have, naming the nearest part', () => {
    const [p] = brokenLinks(dist, [at('/guidance/smart-outcomes/#who-write-them')]);
    expect(p).toMatchObject({ didYouMean: '/guidance/smart-outcomes/#who-writes-them' });
    expect(p!.message).toContain('which has no part called "#who-write-them"');
  });

  it('in a preview, refuses a link from a published page to a draft briefing (it would go nowhere once merged), and lets drafts link to each other', () => {
    page('briefings/2026-27/autumn/new-draft', '<main><h1>Draft</h1><h2 id="key">Key</h2></main>');
    const sources = new Map([['content/briefings/new-draft.mdx', '/briefings/2026-27/autumn/new-draft/']]);
    const drafts = new Set(['content/briefings/new-draft.mdx', 'content/briefings/other-draft.mdx']);
    const [p, ...rest] = brokenLinks(dist, [at('/briefings/2026-27/autumn/new-draft/#key', 9)], sources, drafts);
    expect(rest).toEqual([]);
    expect(p).toMatchObject({ file: 'content/briefings/b.mdx', line: 9, column: 5 });
    expect(p!.message).toContain('goes to a briefing that is still a draft (content/briefings/new-draft.mdx has draft: true)');
    expect(p!.fix).toContain('change draft: true to draft: false in content/briefings/new-draft.mdx');
    const fromDraft = { file: 'content/briefings/other-draft.mdx', line: 2, column: 1, href: '/briefings/2026-27/autumn/new-draft' };
    expect(brokenLinks(dist, [fromDraft], sources, drafts)).toEqual([]);
    // A published build has no page for the draft: the link is named as one to a draft all the same.
    const [gone, ...none] = brokenLinks(dist, [at('/briefings/2026-27/autumn/unbuilt-draft/')], new Map(), new Set(['content/briefings/unbuilt-draft.mdx']));
    expect(none).toEqual([]);
    expect(gone!.message).toContain('goes to a briefing that is still a draft (content/briefings/unbuilt-draft.mdx has draft: true)');
    expect(brokenLinks(dist, [at('/briefings/2026-27/autumn/not-a-draft/')], new Map(), drafts)[0]!.message).toContain('goes to no page of this site');
    // Once published (no longer a draft), the same link is fine.
    expect(brokenLinks(dist, [at('/briefings/2026-27/autumn/new-draft/')], sources, new Set())).toEqual([]);
  });
});
