import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { diffSites, previewComment } from '../../scripts/preview-diff';

/** A small made-up built site: file path → the HTML of its <main>, wrapped as the layout would. */
function site(root: string, name: string, pages: Record<string, string>, extra = '') {
  const dir = join(root, name);
  for (const [file, main] of Object.entries(pages)) {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    writeFileSync(
      join(dir, file),
      `<!doctype html><html><head><title>${file}</title><meta http-equiv="content-security-policy" content="script-src 'sha256-${extra}'"><style>.a{}</style></head>` +
        `<body><header>Site</header><main id="main-content">${main}<script>var built="${extra}"</script></main></body></html>`,
    );
  }
  return dir;
}

const stat = (text: string, metric: string, term: string, filter = '') => `<strong class="sq-statnum" data-metric="${metric}" data-term="${term}" data-filter="${filter}" data-csv="[]">${text}</strong>`;
const compare = (text: string) => `<span class="sq-compare" data-metric="good-or-better" data-term="2025-26-summer" data-filter="" data-with="previous-term" data-other-term="2025-26-spring" data-csv="[]" data-points="7">${text}</span>`;

describe('what a pull request changes on the site', () => {
  const root = mkdtempSync(join(tmpdir(), 'preview-diff-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const base = site(
    root,
    'base',
    {
      'index.html': '<h1>Home</h1><p>Welcome.</p>',
      'guidance/old/index.html': '<h1>Old guidance</h1>',
      'standards/index.html': '<h1>Standards</h1><p>Five   standards.</p>',
      'briefings/2025-26/spring/brief/index.html': `<h1>Spring brief</h1><p>${stat('80%', 'good-or-better', '2025-26-spring')}</p>`,
      'pagefind/fragment.html': 'search data',
    },
    'aaa',
  );
  const head = site(
    root,
    'head',
    {
      'index.html': '<h1>Home</h1><p>Welcome.</p>',
      // Only whitespace, a script, the CSP hash and attributes differ: not a change.
      'standards/index.html': '<h1 class="new">Standards</h1>\n<p>Five standards.</p>',
      'briefings/2025-26/spring/brief/index.html': `<h1>Spring brief</h1><p>${stat('81%', 'good-or-better', '2025-26-spring')}</p>`,
      'briefings/2025-26/summer/new-brief/index.html': `<h1>Summer | brief</h1><p>${stat('87%', 'good-or-better', '2025-26-summer', 'auditType=ehc-plan')}, ${compare('up 7 points on the spring term 2025/26')}, ${stat('c<span class="sq-visually-hidden"> (not published)</span>', 'audits', '2025-26-summer', 'locality=coast')}</p>`,
      'pagefind/fragment.html': 'other search data',
    },
    'bbb',
  );

  it('lists pages added, changed and removed by the text of their main content, ignoring build-time noise and search files', () => {
    const diff = diffSites(base, head);
    expect(diff.compared).toBe(true);
    expect(diff.added).toEqual([{ path: 'briefings/2025-26/summer/new-brief/', title: 'Summer | brief' }]);
    expect(diff.changed).toEqual([{ path: 'briefings/2025-26/spring/brief/', title: 'Spring brief' }]);
    expect(diff.removed).toEqual([{ path: 'guidance/old/', title: 'Old guidance' }]);
  });

  it('lists every figure the added or changed briefings quote, with what it measures, its term and filter', () => {
    const { briefings } = diffSites(base, head);
    expect(briefings.map((b) => b.page.path)).toEqual(['briefings/2025-26/spring/brief/', 'briefings/2025-26/summer/new-brief/']);
    expect(briefings[1]!.figures).toEqual([
      { kind: 'figure', text: '87%', metric: 'good-or-better', term: '2025-26-summer', filter: 'auditType=ehc-plan' },
      { kind: 'comparison', text: 'up 7 points on the spring term 2025/26', metric: 'good-or-better', term: '2025-26-summer', filter: '', with: 'previous-term', otherTerm: '2025-26-spring' },
      { kind: 'figure', text: 'c (not published)', metric: 'audits', term: '2025-26-summer', filter: 'locality=coast' },
    ]);
  });

  it('writes a comment that links the preview and each page, and tables the figures', () => {
    const comment = previewComment(diffSites(base, head), 'https://example.github.io/site/pr-preview/pr-7/');
    expect(comment).toContain('**[Open the preview](https://example.github.io/site/pr-preview/pr-7/)**');
    expect(comment).toContain('**Added (1)**\n\n- [Summer \\| brief](https://example.github.io/site/pr-preview/pr-7/briefings/2025-26/summer/new-brief/) — `/briefings/2025-26/summer/new-brief/`');
    expect(comment).toContain('**Removed (1)**\n\n- Old guidance — `/guidance/old/`');
    expect(comment).toContain('| 87% | `good-or-better` | `2025-26-summer` | type of audit: ehc-plan |  |');
    expect(comment).toContain('| up 7 points on the spring term 2025/26 | `good-or-better` | `2025-26-summer` | all | previous-term (2025-26-spring) |');
    expect(comment).toContain('| c (not published) | `audits` | `2025-26-summer` | locality: coast |  |');
  });

  it('says so when main could not be built, rather than comparing with nothing in silence', () => {
    const diff = diffSites(join(root, 'missing'), head);
    expect(diff.compared).toBe(false);
    expect(diff.added).toHaveLength(4);
    expect(previewComment(diff, undefined)).toContain('could not be built, so nothing could be compared');
  });

  it('finds nothing changed between a built site and itself', () => {
    const diff = diffSites(head, head);
    expect([diff.added, diff.changed, diff.removed, diff.briefings]).toEqual([[], [], [], []]);
    expect(previewComment(diff, 'https://x.test/')).toContain('No briefing is added or changed.');
  });
});
