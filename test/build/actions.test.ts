import { describe, expect, it } from 'vitest';
import { isOverdue, loadActions, statusOn, themesWithActions } from '../../src/lib/actions';
import { loadPartnership } from '../../src/lib/partnership';
import { fileFor, page } from '../helpers/dist';
import { ROOT } from '../helpers/project-copy';

const actions = loadActions(ROOT);
const cfg = loadPartnership(ROOT);
const items = (rel: string) => page(rel).querySelectorAll('main li.sq-action');
const agreedTexts = (rel: string) => items(rel).map((li) => li.querySelectorAll('p')[1]!.text.replace('What we agreed:', '').replace(/\s+/g, ' ').trim());
const plain = (s: string) => s.replace(/\s+/g, ' ').trim();

describe('the "You said, we did" page', () => {
  const rel = 'you-said-we-did/index.html';

  it('lists every action, newest first, in plain words', () => {
    expect(agreedTexts(rel)).toEqual(actions.map((a) => plain(a.agreed)));
    const text = page(rel).querySelector('main')!.text;
    expect(text).toContain('What we agreed');
    expect(text).toContain('What happened');
  });

  it('offers filters by stage and theme as plain links to pages that are built, without JavaScript', () => {
    const links = page(rel).querySelectorAll('nav.sq-filters a').map((a) => a.getAttribute('href')!);
    expect(links).toContain('/you-said-we-did/stage/ehc-plan/');
    for (const t of themesWithActions(actions, cfg)) expect(links).toContain(`/you-said-we-did/theme/${t.id}/`);
    for (const href of links) expect(fileFor(href), href).toBeDefined();
    expect(page(rel).querySelectorAll('script')).toHaveLength(0);
  });

  it('narrows to one theme on its filter page, marking the filter as the current page', () => {
    const r = 'you-said-we-did/theme/transport/index.html';
    expect(agreedTexts(r)).toEqual(actions.filter((a) => a.from.complaintTheme === 'transport' || a.from.feedbackTheme === 'transport').map((a) => plain(a.agreed)));
    expect(page(r).querySelector('nav.sq-filters a[aria-current="page"]')?.getAttribute('href')).toBe('/you-said-we-did/theme/transport/');
  });

  it('includes actions for every stage on each stage page', () => {
    const r = 'you-said-we-did/stage/sen-support/index.html';
    expect(agreedTexts(r)).toEqual(actions.filter((a) => a.stage === 'sen-support' || a.stage === 'all').map((a) => plain(a.agreed)));
  });

  it('is linked from the footer of every page and from the framework', () => {
    expect(page('index.html').querySelector('footer a[href="/you-said-we-did/"]')).toBeTruthy();
    expect(page('framework/index.html').querySelector('main a[href="/actions/"]')).toBeTruthy();
  });
});

describe('the actions page', () => {
  const rel = 'actions/index.html';
  const asOf = page(rel).querySelector('[data-as-of]')!.getAttribute('data-as-of')!;

  it('counts actions by their status on the build date', () => {
    const rows = Object.fromEntries(page(rel).querySelectorAll('main table')[0]!.querySelectorAll('tbody tr').map((tr) => [tr.querySelector('th')!.text.trim(), Number(tr.querySelector('td')!.text)]));
    expect(rows['Done']).toBe(actions.filter((a) => statusOn(a, asOf)?.status === 'done').length);
    expect(rows['Dropped']).toBe(actions.filter((a) => statusOn(a, asOf)?.status === 'dropped').length);
    expect(rows['Total']).toBe(actions.length);
  });

  it('shows the overdue actions first, marked as overdue', () => {
    const overdue = actions.filter((a) => isOverdue(a, asOf));
    expect(overdue.length).toBeGreaterThan(0);
    const section = page(rel).querySelectorAll('main ul.sq-list')[0]!;
    expect(section.querySelectorAll('li.sq-action')).toHaveLength(overdue.length);
    expect(section.querySelectorAll('.sq-status--late')).toHaveLength(overdue.length);
    for (const a of overdue) expect(page(rel).querySelector(`tr#${a.id}`)?.text).toContain('Overdue');
  });

  it('shows each dropped action with its reason', () => {
    for (const a of actions.filter((x) => statusOn(x, asOf)?.status === 'dropped')) expect(plain(page(rel).querySelector(`tr#${a.id}`)!.text)).toContain(plain(statusOn(a, asOf)!.reason!));
  });

  it("links to a page of each report's actions, which lists the actions raised from that report", () => {
    const r = 'actions/term/2024-25-autumn/index.html';
    expect(page(rel).querySelector('a[href="/actions/term/2024-25-autumn/"]')).toBeTruthy();
    const raised = page(r).querySelectorAll('section.sq-actions-report > ul')[0]!;
    expect(raised.querySelectorAll('li.sq-action').map((li) => plain(li.querySelectorAll('p')[1]!.text.replace('What we agreed:', '')))).toEqual(actions.filter((a) => a.from.term === '2024-25-autumn').map((a) => plain(a.agreed)));
    expect(page(r).querySelector('h3#actions-earlier-2024-25-autumn')).toBeTruthy();
  });
});

describe('<ActionList> in a briefing', () => {
  it('lists the actions from the log in the "You said, we did" briefing, with what happened, no status typed by hand', () => {
    const rel = 'briefings/2025-26/summer/2025-26-summer-you-said-we-did/index.html';
    const lists = page(rel).querySelectorAll('main ul.sq-action-list');
    expect(lists.map((ul) => ul.querySelectorAll('li').map((li) => li.getAttribute('data-action')))).toEqual(
      ['2024-25-summer', '2025-26-summer'].map((term) => actions.filter((a) => a.from.term === term).map((a) => a.id)),
    );
    for (const li of lists[0]!.querySelectorAll('li')) {
      const a = actions.find((x) => x.id === li.getAttribute('data-action'))!;
      expect(plain(li.text)).toContain(plain(a.agreed));
      expect(li.text).toMatch(/Done on|Started on|Planned on|Dropped on/);
    }
  });
});
