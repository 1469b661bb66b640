import { describe, expect, it } from 'vitest';
import { checkContent } from '../../src/lib/content-check';
import { DIST, fileFor, page } from '../helpers/dist';
import { ROOT } from '../helpers/project-copy';

// Every page that states the law (frontmatter legal: true) shows numbered notes after its claims,
// a "Where this comes from" list whose links work, and when and by whom it was checked against the law.
const { content } = checkContent(ROOT);
const legalPages = [
  ...content.guidance.filter((g) => g.data.legal).map((g) => ({ url: `/guidance/${g.id}/`, data: g.data })),
  ...content.standards.filter((s) => s.data.legal).map((s) => ({ url: `/standards/${s.data.set}/${s.data.number}/`, data: s.data })),
];

describe(`legal pages in ${DIST}`, () => {
  it('include the feedback and complaints guidance and at least seven others', () => {
    expect(legalPages.map((p) => p.url)).toContain('/guidance/feedback-and-complaints/');
    expect(legalPages.length).toBeGreaterThanOrEqual(8);
  });

  it.each(legalPages)('$url numbers its notes 1, 2, 3… and each links to a source in "Where this comes from" and back', ({ url, data }) => {
    const rel = fileFor(url)!;
    expect(rel, url).toBeTruthy();
    const doc = page(rel);
    const section = doc.querySelector('section.sq-sources');
    expect(section?.querySelector('h2')?.text).toBe('Where this comes from');
    expect(section?.getAttribute('aria-labelledby')).toBe(section?.querySelector('h2')?.id);

    const marks = doc.querySelectorAll('.sq-prose sup.sq-cite > a');
    expect(marks.length, url).toBeGreaterThan(0);
    const firstUse: string[] = [];
    for (const a of marks) {
      const target = a.getAttribute('href')!;
      expect(target, url).toMatch(/^#source-/);
      // The target is an empty element at the start of its note (search skips it).
      const note = doc.getElementById(target.slice(1))?.closest('li');
      expect(note?.querySelector('span.sq-sources__target')?.id, `${url}: ${target}`).toBe(target.slice(1));
      expect(note?.closest('section.sq-sources'), `${url}: ${target}`).toBeTruthy();
      // The mark's accessible name says what it is and contains its visible number.
      const n = a.text.replace(/[[\]]/g, '');
      expect(a.getAttribute('aria-label'), url).toMatch(new RegExp(`^Source ${n}: .+`));
      expect(note!.getAttribute('value')).toBe(n);
      if (!firstUse.includes(target)) firstUse.push(target);
    }
    // Numbered in order of first use, and every mark id on the page is unique.
    expect(firstUse.map((t) => doc.getElementById(t.slice(1))!.closest('li')!.getAttribute('value'))).toEqual(firstUse.map((_, i) => String(i + 1)));
    const ids = marks.map((a) => a.id);
    expect(new Set(ids).size).toBe(ids.length);

    const notes = section!.querySelectorAll('ol > li');
    expect(notes).toHaveLength(data.citations.length);
    for (const li of notes) {
      const official = li.querySelector('a[href^="https://"]')!;
      expect(official.getAttribute('href'), url).toMatch(/^https:\/\/(www\.)?(legislation\.gov\.uk|gov\.uk)\//);
      expect(li.querySelector('cite')?.text, url).toBeTruthy();
      const back = li.querySelector('a.sq-sources__back')!;
      expect(doc.getElementById(back.getAttribute('href')!.slice(1))?.closest('sup'), `${url}: ${back.getAttribute('href')}`).toBeTruthy();
    }
    const checked = section!.querySelector('p.sq-meta');
    expect(checked?.text, url).toContain(`Last checked against the law on`);
    expect(checked?.text, url).toContain(data.legalReview!.by);
    expect(checked?.querySelector('time')?.getAttribute('datetime')).toBe(data.legalReview!.date);
  });

  it('shows the appeal time limit on the complaints guidance with its source, rule 20 of the tribunal rules', () => {
    const doc = page(fileFor('/guidance/feedback-and-complaints/')!);
    const para = doc.querySelectorAll('.sq-prose p').find((p) => p.text.includes('two months'))!;
    const note = doc.getElementById(para.querySelector('sup a')!.getAttribute('href')!.slice(1))!.closest('li')!;
    expect(note.text).toContain('rule 20(1)(c)');
    // The source's own link (a glossary link may come first in the note's words).
    expect(note.querySelectorAll('a').find((a) => a.getAttribute('href')!.startsWith('https://'))!.getAttribute('href')).toBe('https://www.legislation.gov.uk/uksi/2008/2699/article/20');
  });
});
