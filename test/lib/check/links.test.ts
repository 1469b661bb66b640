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
});
