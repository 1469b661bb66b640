import { afterEach, describe, expect, it } from 'vitest';
import { goodOrBetterIds, goodOrBetterLabel, loadPartnership } from '../../src/lib/partnership';
import { siteOptions } from '../../src/lib/site-options';
import { ValidationError } from '../../src/lib/problems';
import { ROOT, projectCopy } from '../helpers/project-copy';

describe('the partnership configuration', () => {
  let p: ReturnType<typeof projectCopy> | undefined;
  afterEach(() => p?.remove());

  it('loads the shipped example with defaults applied', () => {
    const cfg = loadPartnership(ROOT);
    expect(cfg.area.example).toBe(true);
    expect(cfg.target.goodOrBetterPercent).toBe(80);
    expect(cfg.disclosure).toEqual({ threshold: 5, symbol: 'c' });
    expect(goodOrBetterIds(cfg)).toEqual(['outstanding', 'good']);
    expect(goodOrBetterLabel(cfg)).toBe('Outstanding or Good');
  });

  it('lists the contacts families are pointed to, each with an email or web address, and refuses one with neither', async () => {
    const { ContactSchema } = await import('../../src/lib/schemas/partnership');
    const cfg = loadPartnership(ROOT);
    expect(cfg.contacts.map((c) => c.id)).toEqual(['send-team', 'sendiass', 'local-offer', 'parent-carer-forum']);
    for (const c of cfg.contacts) expect(c.email ?? c.url, c.id).toBeTruthy();
    expect(ContactSchema.safeParse({ id: 'x', name: 'X team' }).success).toBe(false);
    expect(ContactSchema.safeParse({ id: 'x', name: 'X team', email: 'not an email' }).success).toBe(false);
    expect(ContactSchema.safeParse({ id: 'x', name: 'X team', url: 'https://example.org/x' }).success).toBe(true);
  });

  it('throws one error listing every problem in the file', () => {
    p = projectCopy();
    p.edit('data/partnership.yaml', 'threshold: 5', 'threshold: 0');
    p.edit('data/partnership.yaml', '- { id: coast, name: Coast }', '- { id: north, name: Coast }');
    let error: unknown;
    try {
      loadPartnership(p.dir);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ValidationError);
    const problems = (error as ValidationError).problems;
    expect(problems.map((x) => x.field).sort()).toEqual(['disclosure.threshold', 'localities[5].id']);
    expect((error as Error).message).toContain('"north" is used twice (also at item 1)');
  });

  it('rejects grades that are not listed best first', () => {
    p = projectCopy();
    p.edit('data/partnership.yaml', '  - { id: outstanding, name: Outstanding, goodOrBetter: true }\n', '');
    p.edit('data/partnership.yaml', '- { id: inadequate, name: Inadequate, goodOrBetter: false }', '- { id: inadequate, name: Inadequate, goodOrBetter: false }\n  - { id: outstanding, name: Outstanding, goodOrBetter: true }');
    expect(() => loadPartnership(p!.dir)).toThrow(/"Outstanding" counts as Good or better but comes after "Requires improvement"/);
  });
});

describe('siteOptions', () => {
  it('reads the address from the configuration', () => {
    expect(siteOptions(ROOT, {})).toEqual({ site: 'https://northvale.example', base: '/' });
  });

  it('lets the deploy workflow override the address', () => {
    expect(siteOptions(ROOT, { SITE_URL: 'https://org.github.io', BASE_PATH: '/send/' })).toEqual({ site: 'https://org.github.io', base: '/send/' });
  });
});
