import type { HTMLElement } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import { loadPartnership } from '../../src/lib/partnership';
import { htmlPages, page } from '../helpers/dist';
import { ROOT } from '../helpers/project-copy';

const symbol = loadPartnership(ROOT).disclosure.symbol;

/** Where a table's key must be: its figure, else its section, else the block the table sits in. */
function scopeOf(table: HTMLElement): HTMLElement {
  let el: HTMLElement | null = table.parentNode;
  while (el && el.tagName !== 'FIGURE' && el.tagName !== 'SECTION' && el.tagName !== 'MAIN') el = el.parentNode;
  if (el && el.tagName !== 'MAIN') return el;
  const wrap = table.closest('.sq-table-wrap') ?? table;
  return wrap.parentNode ?? wrap;
}

/** What a cell shows on screen: its text without the words only screen readers hear. */
function shown(cell: HTMLElement): string {
  const hidden = cell.querySelectorAll('.sq-visually-hidden').map((h) => h.text);
  return hidden.reduce((t, h) => t.replace(h, ''), cell.text).trim();
}

/** Every table on every built page that shows the suppression symbol as a whole cell. */
const withSymbol = htmlPages().flatMap((rel) =>
  page(rel)
    .querySelectorAll('main table')
    .filter((t) => t.querySelectorAll('td, th').some((cell) => shown(cell) === symbol))
    .map((table) => ({ rel, table, caption: table.querySelector('caption')?.text.trim() ?? '(no caption)' })),
);

describe(`the "${symbol}" key`, () => {
  it('finds tables that show the symbol on report pages and briefings', () => {
    expect(withSymbol.some((t) => t.rel.startsWith('reports/'))).toBe(true);
    expect(withSymbol.some((t) => t.rel.startsWith('briefings/'))).toBe(true);
  });

  it(`has a key beside every table that shows "${symbol}", in the same figure or section`, () => {
    const missing = withSymbol
      .filter(({ table }) => !scopeOf(table).querySelectorAll('.sq-key').some((k) => k.querySelector('.sq-c')?.text.trim() === symbol))
      .map(({ rel, caption }) => `${rel}: ${caption}`);
    expect(missing).toEqual([]);
  });

  it(`says in words what can be said before any table whose numbers are mostly "${symbol}"`, () => {
    const mostly = withSymbol.filter(({ table }) => {
      const nums = table.querySelectorAll('td.sq-num').map(shown);
      return nums.length > 1 && nums.filter((n) => n === symbol).length * 2 > nums.length;
    });
    console.log(`symbol key: ${withSymbol.length} tables show "${symbol}" on ${new Set(withSymbol.map((t) => t.rel)).size} pages; ${mostly.length} are mostly "${symbol}"`);
    const silent = mostly
      .filter(({ table }) => {
        const said = table.closest('figure')?.querySelector('.sq-figure__summary') ?? table.closest('.sq-table-wrap')?.previousElementSibling;
        // What can be said: that the numbers are hidden, or a figure the table does publish.
        const published = table.querySelectorAll('td.sq-num').map(shown).filter((n) => n !== symbol && /\d/.test(n));
        return !said || !(/hidden|not publish|too few|too small/i.test(said.text) || published.some((n) => new RegExp(`(^|[^\\d])${n}([^\\d]|$)`).test(said.text)));
      })
      .map(({ rel, caption }) => `${rel}: ${caption}`);
    expect(silent).toEqual([]);
  });
});

describe('what the key says hiding protects', () => {
  it("says children's privacy beside audit figures, and that no one service can be picked out beside services' own ratings", () => {
    const keys = htmlPages().flatMap((rel) => page(rel).querySelectorAll('.sq-key').filter((k) => k.querySelector('.sq-c')).map((k) => ({ rel, k })));
    const services = keys.filter(({ k }) => k.closest('section')?.querySelector('h2')?.text.includes('rate themselves'));
    const audits = keys.filter(({ rel }) => rel.startsWith('reports/'));
    expect(services.length).toBeGreaterThan(0);
    expect(audits.length).toBeGreaterThan(0);
    for (const { rel, k } of services) expect(k.text, rel).toContain("so that no one service's rating can be picked out");
    for (const { rel, k } of services) expect(k.text, rel).not.toContain('children');
    for (const { rel, k } of audits) expect(k.text, rel).toContain("to protect children's privacy");
  });
});
