import { longDate } from './dates.ts';
import { citationNumbers } from './check/legal.ts';
import { LEGAL_SOURCES, type Citation, type LegalReview } from './schemas/pages.ts';

/** A citation as the page shows it: its number, the law it comes from and the address of the official text. */
export interface NumberedCitation extends Citation {
  /** Its note number on the page, from 1, in order of first use. */
  n: number;
  /** The title of the Act, regulation or guidance. */
  sourceTitle: string;
  /** The address of the official text: the citation's own, or the source's. */
  href: string;
}

/** What <Cite /> and the "Where this comes from" list need to know about the page being rendered. */
export interface CitePage {
  /** The page's citations that the body uses, in note order. */
  notes: NumberedCitation[];
  byId: Map<string, NumberedCitation>;
  /** How many times each id has been cited so far while rendering, to give each mark its own id. */
  uses: Map<string, number>;
}

/**
 * Number a page's citations by their first use in its MDX body. (`citations` may be missing from an
 * entry the content cache stored before the field existed; such a page cites nothing.)
 */
export function citePage(body: string | undefined, citations: Citation[] | undefined): CitePage {
  const numbers = citationNumbers(body ?? '');
  const notes = (citations ?? [])
    .filter((c) => numbers.has(c.id))
    .map((c) => ({ ...c, n: numbers.get(c.id)!, sourceTitle: LEGAL_SOURCES[c.source].title, href: c.url ?? LEGAL_SOURCES[c.source].url }))
    .sort((a, b) => a.n - b.n);
  return { notes, byId: new Map(notes.map((c) => [c.id, c])), uses: new Map() };
}

/** The id of a note in the "Where this comes from" list. */
export const noteId = (id: string) => `source-${id}`;
/** The id of the k-th mark (from 1) in the text citing a note. */
export const markId = (id: string, k: number) => `cite-${id}-${k}`;

/** "1 September 2026" from YYYY-MM-DD, in UTC: the one date formatter (src/lib/dates.ts). */
export { longDate };

export type { Citation, LegalReview };

/**
 * The Code of Practice references of a standard's evidence point, as the page shows them:
 * ["6.44"] → "paragraph 6.44", ["6.76", "6.77"] → "paragraphs 6.76, 6.77",
 * ["chapter 10"] → "chapter 10", ["6.1", "chapter 10"] → "paragraph 6.1 and chapter 10".
 */
export function codeReferences(refs: readonly string[]): string {
  const paragraphs = refs.filter((r) => !r.startsWith('chapter '));
  const chapters = refs.filter((r) => r.startsWith('chapter '));
  const parts = [...(paragraphs.length ? [`paragraph${paragraphs.length > 1 ? 's' : ''} ${paragraphs.join(', ')}`] : []), ...(chapters.length ? [chapters.join(', ')] : [])];
  return parts.join(' and ');
}
