import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { glossaryLinker, searchNames, usesWords } from '../../src/lib/glossary-link';

const link = glossaryLinker([
  { id: 'ehc-plan', term: 'Education, health and care plan', short: 'EHC plan', aliases: ['EHCP'] },
  { id: 'send', term: 'Special educational needs and disabilities', short: 'SEND' },
  { id: 'locality', term: 'Locality', aliases: ['localities'] },
  { id: 'good-or-better', term: 'Good or better' },
  { id: 'audit', term: 'Audit' },
]);
const a = (id: string, text: string) => `<a class="sq-glossary-link" href="/glossary/#${id}">${text}</a>`;

describe('the glossary linker', () => {
  it('links the first use of each term only', () => {
    expect(link('<p>An EHC plan is a plan. Every EHC plan is checked.</p>')).toBe(`<p>An ${a('ehc-plan', 'EHC plan')} is a plan. Every EHC plan is checked.</p>`);
  });

  it('matches whole words, ignoring case except in abbreviations, and plurals', () => {
    expect(link('<p>Audits in each LOCALITY were good or Better.</p>')).toBe(`<p>${a('audit', 'Audits')} in each ${a('locality', 'LOCALITY')} were ${a('good-or-better', 'good or Better')}.</p>`);
    expect(link('<p>Please send it. Auditing auditors.</p>')).toBe('<p>Please send it. Auditing auditors.</p>');
    expect(link('<p>Children with SEND.</p>')).toBe(`<p>Children with ${a('send', 'SEND')}.</p>`);
  });

  it('changes nothing on the page but the links it adds, even a stray "<" that starts no tag', () => {
    expect(link('<!doctype html><p>x <3 and SEND</p><!-- SEND -->')).toBe(`<!doctype html><p>x <3 and ${a('send', 'SEND')}</p><!-- SEND -->`);
    expect(link('<p>a term-audit, an audit-term and #audit</p>')).toBe('<p>a term-audit, an audit-term and #audit</p>');
  });

  it('reads a tag that is never closed in one pass, leaving it as it is', () => {
    // Runs of attribute text read two ways at once would backtrack for ever on this.
    const html = `<p>SEND here</p><a title=${'x '.repeat(40)}`;
    const started = performance.now();
    expect(link(html)).toBe(`<p>${a('send', 'SEND')} here</p><a title=${'x '.repeat(40)}`);
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('does not link inside headings, links, code or abbreviations, and links the first use outside them', () => {
    const html = '<h2>EHC plan</h2><p><a href="/x/">an EHC plan</a> <code>EHCP</code> <abbr title="x">SEND</abbr> then the EHCP and SEND</p>';
    expect(link(html)).toBe(`<h2>EHC plan</h2><p><a href="/x/">an EHC plan</a> <code>EHCP</code> <abbr title="x">SEND</abbr> then the ${a('ehc-plan', 'EHCP')} and ${a('send', 'SEND')}</p>`);
  });

  it('does not link a term the page already links to the glossary, nor text inside tags', () => {
    const html = '<p><a href="/glossary/#locality">locality</a></p><p data-x="audit">Each locality. <img alt="Audit"></p>';
    expect(link(html)).toBe(`<p><a href="/glossary/#locality">locality</a></p><p data-x="audit">Each locality. <img alt="Audit"></p>`);
  });

  it('does not link hidden text, where a link would take focus to something invisible', () => {
    const html = '<p><span class="sq-visually-hidden">an audit</span> <span hidden>audit</span> <span aria-hidden="true">audit</span><br> then an audit</p>';
    expect(link(html)).toBe(`<p><span class="sq-visually-hidden">an audit</span> <span hidden>audit</span> <span aria-hidden="true">audit</span><br> then an ${a('audit', 'audit')}</p>`);
  });

  it('leaves scripts and styles alone', () => {
    const html = '<script>const audit = 1;</script><style>.audit{}</style><p>audit</p>';
    expect(link(html)).toBe(`<script>const audit = 1;</script><style>.audit{}</style><p>${a('audit', 'audit')}</p>`);
  });
});

describe('searchNames', () => {
  const ehc = { id: 'ehc-plan', term: 'Education, health and care plan', short: 'EHC plan', aliases: ['EHCP', 'EHC plans'] };
  const sen = { id: 'sen', term: 'Special educational needs', short: 'SEN' };
  it('names, beside the name the page uses, the short names it does not use, as whole words, in a sentence a search excerpt can show', () => {
    expect(searchNames([ehc], '<p>Your <a href="/glossary/#ehc-plan">EHC plan</a> says what help your child gets.</p>')).toBe('EHC plan, also written EHCP.');
    expect(searchNames([sen], '<p>Special educational needs are met at school.</p>')).toBe('Special educational needs, also written SEN.');
    // "present" does not use "SEN"; a full name of ordinary words is left out (search finds its words anyway).
    expect(searchNames([sen], '<p>Present your SEN support plan.</p>')).toBe('');
    expect(searchNames([sen], '<p>Present the plan.</p>')).toBe('');
    // A plural the page's singular gives adds nothing ("localities" beside "locality").
    expect(searchNames([{ id: 'locality', term: 'Locality', aliases: ['localities'] }], '<p>Each locality.</p>')).toBe('');
    expect(searchNames([ehc, sen], '<p>Special educational needs and an ehc plan.</p>')).toBe('EHC plan, also written EHCP. Special educational needs, also written SEN.');
    expect(searchNames([ehc], '<p>An EHCP, or Education, health and care plan: EHC plans.</p>')).toBe('');
    expect(searchNames([], '<p>Anything</p>')).toBe('');
  });
});

describe('usesWords', () => {
  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  it('finds a name as whole words, with a plural "s" or "es", exactly where the regular expression it replaces does', () => {
    expect(usesWords('the ehc plans are', 'ehc plan')).toBe(true);
    expect(usesWords('two senses', 'sen')).toBe(false);
    expect(usesWords('present', 'sen')).toBe(false);
    expect(usesWords('sen, sen support', 'sen')).toBe(true);
    expect(usesWords('boxes', 'box')).toBe(true);
    expect(usesWords('𝒜sen', 'sen')).toBe(false);
    // Short texts of a few letters, digits, spaces, punctuation and a letter outside the BMP, so
    // that matches, near misses and plural endings all occur often.
    const text = fc.string({ unit: fc.constantFrom('s', 'e', 'n', ' ', '-', ',', '1', 'é', '𝒜'), maxLength: 14 });
    const form = fc.string({ unit: fc.constantFrom('s', 'e', 'n', ' ', '-'), minLength: 1, maxLength: 4 });
    fc.assert(
      fc.property(text, form, (t, f) => usesWords(t, f) === new RegExp(`(?:^|[^\\p{L}\\p{N}])${escape(f)}(?:e?s)?(?![\\p{L}\\p{N}])`, 'u').test(t)),
      { numRuns: 5000 },
    );
  });
});
