import { describe, expect, it } from 'vitest';
import { codeReferences } from '../../src/lib/citations';
import { EvidenceSchema } from '../../src/lib/schemas/standard';

describe('Code of Practice references on a standard', () => {
  it('names paragraphs and whole chapters as the Code numbers them', () => {
    expect(codeReferences(['6.44'])).toBe('paragraph 6.44');
    expect(codeReferences(['6.76', '6.77'])).toBe('paragraphs 6.76, 6.77');
    expect(codeReferences(['chapter 10'])).toBe('chapter 10');
    expect(codeReferences(['6.1', 'chapter 10'])).toBe('paragraph 6.1 and chapter 10');
  });

  it('accepts a paragraph or a chapter, and refuses a number that is neither (such as "10.0" meaning a chapter)', () => {
    expect(EvidenceSchema.safeParse({ text: 'x', codeOfPractice: ['6.44', 'chapter 10'] }).success).toBe(true);
    for (const bad of ['10', 'para 6.44', 'Chapter10', '6.44a']) {
      const r = EvidenceSchema.safeParse({ text: 'x', codeOfPractice: [bad] });
      expect(r.success, bad).toBe(false);
    }
  });
});

describe('the README lists the sources a citation may name', () => {
  it('names every id in LEGAL_SOURCES, so a writer can find the one they need', async () => {
    const { readFileSync } = await import('node:fs');
    const { LEGAL_SOURCES } = await import('../../src/lib/schemas/pages');
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const ids = Object.keys(LEGAL_SOURCES);
    expect(ids.length).toBeGreaterThan(10);
    expect(ids.filter((id) => !readme.includes(`\`${id}\``))).toEqual([]);
  });
});
