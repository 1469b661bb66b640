import { describe, expect, it } from 'vitest';
import { pageFiles, pagefindGlob } from '../../src/lib/search-pages';

describe('the pages the search index reads', () => {
  it('turns page addresses into built files, without the base path', () => {
    expect(pageFiles(['/guidance/smart-outcomes/', '/', '/glossary/'])).toEqual(['glossary/index.html', 'guidance/smart-outcomes/index.html', 'index.html']);
    expect(pageFiles(['/send/', '/send/reports/2025-26/summer/'], '/send/')).toEqual(['index.html', 'reports/2025-26/summer/index.html']);
    expect(pageFiles(['/send/reports/'], '/send')).toEqual(['reports/index.html']);
  });

  it('makes one glob matching exactly those files, and none for a name holding glob syntax', () => {
    expect(pagefindGlob(['a/index.html', 'b/index.html'])).toBe('{a/index.html,b/index.html}');
    expect(pagefindGlob(['a/index.html', 'a,b/index.html'])).toBeUndefined();
    expect(pagefindGlob(['c*/index.html'])).toBeUndefined();
    expect(pagefindGlob([])).toBeUndefined();
  });
});
