// Search enhancement for /search/: runs Pagefind in the browser. The form is a plain GET form,
// so a search is a shareable link (/search/?q=...&audience=...); this script reads it,
// searches, and updates the results and the address as the reader types or filters.

import { base as configBase } from 'astro:config/client';

interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: { title?: string };
  filters: Record<string, string[]>;
}
interface Pagefind {
  options(o: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  search(q: string | null, o?: { filters?: Record<string, string> }): Promise<{ results: { data(): Promise<PagefindResultData> }[] } | null>;
  debouncedSearch(q: string | null, o?: { filters?: Record<string, string> }, ms?: number): Promise<{ results: { data(): Promise<PagefindResultData> }[] } | null>;
}

const FILTERS = ['type', 'audience', 'stage'] as const;
/**
 * Results are loaded a few at a time: each one fetches its page's excerpt (2 to 4 KB). Four keep
 * one search for a word within its 100 KB budget on every word tried on the example site; with
 * five, "complaint" and "mediation" were just over (100.7 and 101.2 KB).
 */
const PAGE_SIZE = 4;

const form = document.querySelector<HTMLFormElement>('#search-form')!;
const input = form.querySelector<HTMLInputElement>('input[name="q"]')!;
const status = document.querySelector<HTMLElement>('#search-status')!;
const list = document.querySelector<HTMLOListElement>('#search-results')!;
const nojs = document.querySelector<HTMLElement>('#search-nojs')!;
const more = document.querySelector<HTMLButtonElement>('#search-more')!;
const none = document.querySelector<HTMLElement>('#search-none')!;

function currentFilters(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of FILTERS) {
    const el = form.elements.namedItem(name) as HTMLSelectElement | null;
    if (el?.value) out[name] = el.value;
  }
  return out;
}

function syncAddress(q: string, filters: Record<string, string>) {
  const params = new URLSearchParams();
  if (q) params.set('q', q);
  for (const [k, v] of Object.entries(filters)) params.set(k, v);
  const qs = params.toString();
  history.replaceState(null, '', qs ? `?${qs}` : location.pathname);
}

function item(r: PagefindResultData): HTMLLIElement {
  const li = document.createElement('li');
  const h = document.createElement('h2');
  const a = document.createElement('a');
  a.href = r.url; // Pagefind adds the base path (options.baseUrl)
  a.textContent = r.meta.title ?? r.url;
  h.append(a);
  const p = document.createElement('p');
  p.innerHTML = r.excerpt; // Pagefind's excerpt: our own page text, escaped, with <mark> around matches
  const meta = document.createElement('p');
  meta.className = 'sq-meta';
  meta.textContent = [r.filters.type?.[0], r.filters.audience?.join(' and ')].filter(Boolean).join(' · ');
  li.append(h, p, meta);
  return li;
}

function describe(total: number, shown: number, q: string) {
  const showing = total > shown ? ` (showing ${shown})` : '';
  status.textContent = q
    ? `${total} result${total === 1 ? '' : 's'} for “${q}”${showing}`
    : `${total} page${total === 1 ? '' : 's'} match the filters${showing}`;
}

async function main() {
  const base = configBase.replace(/\/?$/, '/');
  const url = `${base}pagefind/pagefind.js`;
  const pagefind = (await import(/* @vite-ignore */ url)) as Pagefind;
  // noWorker: on a site this size the search runs quickly in the page, and the worker script is
  // 12 KB more to download before the first result.
  await pagefind.options({ baseUrl: base, excerptLength: 24, noWorker: true });
  await pagefind.init();
  nojs.hidden = true;

  let run = 0;
  const search = async (debounce: boolean) => {
    const q = input.value.trim();
    const filters = currentFilters();
    syncAddress(q, filters);
    if (!q && Object.keys(filters).length === 0) {
      list.replaceChildren();
      status.textContent = '';
      more.hidden = true;
      none.hidden = true;
      return;
    }
    const mine = ++run;
    const res = debounce ? await pagefind.debouncedSearch(q || null, { filters }, 250) : await pagefind.search(q || null, { filters });
    if (!res || mine !== run) return; // superseded by a newer search
    // With no results, what to try next instead of an empty list.
    none.hidden = res.results.length > 0;
    let shown = 0;
    const showMore = async (first: boolean) => {
      const data = await Promise.all(res.results.slice(shown, shown + PAGE_SIZE).map((r) => r.data()));
      if (mine !== run) return;
      const items = data.map(item);
      if (first) list.replaceChildren(...items);
      else list.append(...items);
      shown += data.length;
      describe(res.results.length, shown, q);
      more.hidden = shown >= res.results.length;
      // After "Show more", move focus to the first new result so keyboard users carry on from there.
      if (!first) items[0]?.querySelector('a')?.focus();
    };
    more.onclick = () => void showMore(false);
    await showMore(true);
  };

  form.addEventListener('submit', (e) => {
    e.preventDefault();
    void search(false);
  });
  input.addEventListener('input', () => void search(true));
  for (const name of FILTERS) (form.elements.namedItem(name) as HTMLSelectElement | null)?.addEventListener('change', () => void search(false));

  const params = new URLSearchParams(location.search);
  input.value = params.get('q') ?? '';
  for (const name of FILTERS) {
    const el = form.elements.namedItem(name) as HTMLSelectElement | null;
    const v = params.get(name);
    if (el && v && [...el.options].some((o) => o.value === v)) el.value = v;
  }
  await search(false);
}

main().catch(() => {
  status.textContent = 'Search could not start. You can still browse the standards and the guidance using the links on this page.';
});
