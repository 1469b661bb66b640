import { describe, expect, it } from 'vitest';
import { briefingSkeleton, titleSlug } from '../../src/lib/scaffold';

describe('the name of a new briefing file', () => {
  it('leaves out the words that name the term, which the file name and address already start with', () => {
    expect(titleSlug('Spring term: what we learned', '2025-26-spring')).toBe('what-we-learned');
    expect(titleSlug('Summer term 2025/26: what our audits found', '2025-26-summer')).toBe('what-our-audits-found');
    expect(titleSlug('What we learned in the spring term', '2025-26-spring')).toBe('what-we-learned');
    expect(titleSlug('Compliments and complaints', '2025-26-summer')).toBe('compliments-and-complaints');
    expect(titleSlug('Spring term 2025/26', '2025-26-spring')).toBe('briefing');
  });

  it('puts the term once at the start of the file name', () => {
    expect(briefingSkeleton({ term: '2025-26-spring', title: 'Spring term: what we learned', today: '2026-04-20' }).path).toBe('content/briefings/2025-26-spring-what-we-learned.mdx');
  });
});
