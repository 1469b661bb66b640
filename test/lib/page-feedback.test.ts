import { describe, expect, it } from 'vitest';
import { feedbackHref } from '../../src/lib/page-feedback';

const page = { email: 'quality@example.org', title: 'Your child’s annual review: what to expect', url: 'https://example.org/guidance/annual-review-what-to-expect/' };

describe('page feedback links', () => {
  it('fall back to an email with the page’s title and address filled in', () => {
    const href = feedbackHref({ ...page, kind: 'problem' });
    expect(href.startsWith('mailto:quality@example.org?')).toBe(true);
    const params = new URLSearchParams(href.slice(href.indexOf('?') + 1));
    expect(params.get('subject')).toBe(`Problem with this page: ${page.title}`);
    expect(params.get('body')).toContain(page.url);
    expect(params.get('body')).toContain(page.title);
  });

  it('fill in {url}, {title} and {feedback} in a form address', () => {
    const href = feedbackHref({ ...page, form: 'https://forms.example.org/f?p={url}&t={title}&a={feedback}', kind: 'not-useful' });
    const u = new URL(href);
    expect(u.origin).toBe('https://forms.example.org');
    expect(u.searchParams.get('p')).toBe(page.url);
    expect(u.searchParams.get('t')).toBe(page.title);
    expect(u.searchParams.get('a')).toBe('not-useful');
  });

  it('add page, title and feedback to a form address without placeholders', () => {
    const u = new URL(feedbackHref({ ...page, form: 'https://forms.example.org/feedback?ref=site', kind: 'useful' }));
    expect(u.searchParams.get('ref')).toBe('site');
    expect(u.searchParams.get('page')).toBe(page.url);
    expect(u.searchParams.get('title')).toBe(page.title);
    expect(u.searchParams.get('feedback')).toBe('useful');
  });
});
