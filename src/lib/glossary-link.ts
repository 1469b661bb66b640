/**
 * Links the first use of each glossary term on a page to its entry (/glossary/#id), so every word
 * of art is explained where it is used, by one mechanism rather than by hand.
 *
 * It works on a page's rendered HTML (see src/components/GlossaryLinks.astro) with ONE regular
 * expression for the whole glossary, compiled once per glossary, and one pass over the page: the
 * cost does not grow with the number of terms times the number of pages.
 *
 * Rules: whole words only; case does not matter, except in abbreviations ("SEND" is linked,
 * "send" is not); a plural "s"/"es" counts; never inside headings, table headings and captions,
 * links, buttons, code, abbreviations, scripts or styles, nor in hidden text; a term the page already links to the
 * glossary by hand is not linked again.
 */

/** What the linker needs from a glossary entry. */
export interface LinkableTerm {
  id: string;
  term: string;
  short?: string;
  aliases?: readonly string[];
}

/** Links a page; when `found` is given, adds to it the id of every entry the page links to (by hand or by this). */
export type GlossaryLinker = (html: string, found?: Set<string>) => string;

/** Elements whose text is never linked: headings and labels read on their own, and text that is already a link or code. */
const SKIP = new Set(['a', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'th', 'caption', 'dt', 'legend', 'summary', 'code', 'pre', 'kbd', 'samp', 'abbr', 'button', 'label', 'option', 'select', 'textarea', 'script', 'style', 'svg', 'title', 'template']);
/** Elements with no content or closing tag. */
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);
/** Text no one sees: a link there would take keyboard focus to something invisible. */
const HIDDEN = /\shidden(?=[\s=>/]|$)|aria-hidden="true"|class="[^"]*\b(?:sq-visually-hidden|sq-skip)\b/;
// Attributes are read as runs of plain characters between quoted values, never two ways at once,
// so a tag that is never closed fails in one pass instead of backtracking.
const TOKEN = /<!--[\s\S]*?-->|<(\/?)([A-Za-z][\w:-]*)((?:[^>"']*(?:"[^"]*"|'[^']*'))*[^>"']*)>|[^<]+/g;
const HAND_LINK = /href="[^"]*\/glossary\/#([\w-]+)"/g;

/** The character (code point) that ends just before `at`, or "" at the start of the text. */
function charBefore(text: string, at: number): string {
  if (at <= 0) return '';
  const code = text.charCodeAt(at - 1);
  // A letter outside the Basic Multilingual Plane is two UTF-16 units: take the pair.
  return code >= 0xdc00 && code <= 0xdfff && at >= 2 ? text.slice(at - 2, at) : text[at - 1]!;
}

/** Whether the character before `at` continues a word (a letter, digit, "&", "#" or "-"). */
const WORD_BEFORE = /[\p{L}\p{N}&#-]/u;
const wordBefore = (text: string, at: number) => WORD_BEFORE.test(charBefore(text, at));

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A word written in capitals (an abbreviation) must match exactly: "SEND", not "send". */
const isAbbreviation = (word: string) => /[A-Z].*[A-Z]/.test(word);

/** Compile a linker for a glossary: call once per build and reuse it for every page. */
export function glossaryLinker(terms: readonly LinkableTerm[], href = (id: string) => `/glossary/#${id}`): GlossaryLinker {
  const byForm = new Map<string, { id: string; form: string }>();
  for (const t of terms) {
    for (const form of [t.term, t.short, ...(t.aliases ?? [])]) {
      if (form && !byForm.has(form.toLowerCase())) byForm.set(form.toLowerCase(), { id: t.id, form });
    }
  }
  if (!byForm.size) return (html) => html;
  const forms = [...byForm.values()].map((f) => f.form).sort((a, b) => b.length - a.length);
  // The word boundary before a term is checked by hand (wordBefore), not with a lookbehind: a
  // lookbehind at the front is tried at every character of the page before any term is.
  const pattern = new RegExp(`(?:${forms.map((f) => escapeRe(f).replace(/\\? /g, '\\s+')).join('|')})(?:s|es)?(?![\\p{L}\\p{N}-])`, 'giu');
  const lookup = (found: string) => {
    const text = found.replace(/\s+/g, ' ');
    const lower = text.toLowerCase();
    for (const key of [lower, lower.replace(/es$/, ''), lower.replace(/s$/, '')]) {
      const hit = byForm.get(key);
      if (!hit) continue;
      const want = hit.form.split(' ');
      const got = text.slice(0, hit.form.length).split(' ');
      if (want.every((w, i) => !isAbbreviation(w) || w === got[i])) return hit;
    }
    return undefined;
  };

  /** Links (as edits to the page) the first use in this text of each term not yet linked on the page. */
  const linkText = (text: string, offset: number, done: Set<string>, edits: [number, number, string][]) => {
    pattern.lastIndex = 0;
    for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
      if (wordBefore(text, m.index)) {
        // Inside a longer word: look again from the next character (a term may start there).
        pattern.lastIndex = m.index + 1;
        continue;
      }
      const hit = lookup(m[0]);
      if (!hit || done.has(hit.id)) continue;
      done.add(hit.id);
      edits.push([offset + m.index, offset + m.index + m[0].length, `<a class="sq-glossary-link" href="${href(hit.id)}">${m[0]}</a>`]);
    }
  };

  return (html, found) => {
    const done = new Set<string>();
    for (const m of html.matchAll(HAND_LINK)) done.add(m[1]!);
    // Open elements, each marked when no link may go inside it; `skip` counts the marked ones.
    const names: string[] = [];
    const skips: boolean[] = [];
    let skip = 0;
    // The page is only read here; the few links found are put in once at the end.
    const edits: [number, number, string][] = [];
    TOKEN.lastIndex = 0;
    for (let tok = TOKEN.exec(html); tok; tok = TOKEN.exec(html)) {
      const tag = tok[2];
      if (tag !== undefined) {
        const name = tag.toLowerCase();
        if (tok[1]) {
          const at = names.lastIndexOf(name);
          if (at !== -1) {
            for (let k = at; k < skips.length; k++) if (skips[k]) skip--;
            names.length = skips.length = at;
          }
        } else if (!VOID.has(name) && !tok[0].endsWith('/>')) {
          const hidden = SKIP.has(name) || HIDDEN.test(tok[3] ?? '');
          names.push(name);
          skips.push(hidden);
          if (hidden) skip++;
        }
      } else if (!skip && !tok[0].startsWith('<!--')) {
        linkText(tok[0], tok.index, done, edits);
      }
    }
    if (found) for (const id of done) found.add(id);
    if (!edits.length) return html;
    let out = '';
    let from = 0;
    for (const [start, end, link] of edits) {
      out += html.slice(from, start) + link;
      from = end;
    }
    return out + html.slice(from);
  };
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
/** Whether the character (code point) ending just before `at` is a letter or digit. */
const letterBefore = (text: string, at: number) => LETTER_OR_DIGIT.test(charBefore(text, at));
/** Whether the character (code point) starting at `at` is a letter or digit. */
function letterAt(text: string, at: number): boolean {
  const code = text.codePointAt(at);
  return code !== undefined && LETTER_OR_DIGIT.test(String.fromCodePoint(code));
}
/**
 * Whether `text` has `form` as whole words, alone or with a plural "s" or "es" (what
 * /(?:^|[^\p{L}\p{N}])form(?:e?s)?(?![\p{L}\p{N}])/u matches). Found with indexOf: most names
 * are not on a given page, and a plain search rules them out at once where a regular expression
 * with Unicode classes would try every character of every page (about 0.3 s at 1,000 pages).
 */
export function usesWords(text: string, form: string): boolean {
  for (let at = text.indexOf(form); at !== -1; at = text.indexOf(form, at + 1)) {
    if (letterBefore(text, at)) continue;
    const end = at + form.length;
    if (!letterAt(text, end)) return true;
    if (text[end] === 's' && !letterAt(text, end + 1)) return true;
    if (text.startsWith('es', end) && !letterAt(text, end + 2)) return true;
  }
  return false;
}

/**
 * For each of these entries whose other names the page does not use, one short sentence naming
 * them beside the name it does use, for the search index: "EHC plan, also written EHCP." for a
 * page that says only "EHC plan". Written as a sentence
 * because search shows the words around a match: a reader who searched "EHCP" sees why the page
 * was found. Empty when the page uses every name.
 */
export function searchNames(terms: readonly LinkableTerm[], html: string): string {
  const text = html.replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ').toLowerCase();
  // A name the page uses in the singular or the plural counts as used: search matches the start
  // of words, so "EHC plans" and "EHC plan" find the same pages.
  const has = (form: string) => usesWords(text, form);
  const used = (n: string) => {
    const lower = n.toLowerCase();
    return has(lower) || has(lower.replace(/e?s$/, '')) || has(lower.replace(/ies$/, 'y'));
  };
  const sentences: string[] = [];
  for (const t of terms) {
    const names = [...new Set([t.short, t.term, ...(t.aliases ?? [])].filter((n): n is string => !!n))];
    // A name of several ordinary words ("Education, health and care plan") is left out: search
    // finds a page by its words wherever they are, and the list costs every search index space.
    const missing = names.filter((n) => !used(n) && !(n === t.term && /\s/.test(n) && t.short));
    if (!missing.length) continue;
    // The name the page uses; a page that only links to the entry by hand is given its short form.
    const shown = names.find(used) ?? missing.shift()!;
    if (missing.length) sentences.push(`${shown[0]!.toUpperCase()}${shown.slice(1)}, also written ${missing.join(' or ')}.`);
  }
  return sentences.join(' ');
}
