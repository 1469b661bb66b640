import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { globSync } from 'tinyglobby';
import { z } from 'astro/zod';
import { checkLegal } from './check/legal.ts';
import { checkYamlFile } from './load-yaml.ts';
import { PATHS } from './paths.ts';
import type { Problem } from './problems.ts';
import { PartnershipSchema, type Partnership } from './schemas/partnership.ts';
import { allTerms, TERM_NAMES, type Term } from './data/terms.ts';
import {
  BriefingSchema,
  type Briefing,
  CommentarySchema,
  FrameworkPageSchema,
  GlossaryTermSchema,
  GuidanceSchema,
  StandalonePageSchema,
  TimetableRowSchema,
  type FrameworkPage,
  type GlossaryTerm,
  type Guidance,
  type StandalonePage,
  type TimetableRow,
} from './schemas/pages.ts';
import { SourceSchema, StandardSchema, StandardSetSchema, standardId, type Source, type Standard, type StandardSet } from './schemas/standard.ts';
import { checkReportUpdates } from './report-updates.ts';
import { parseFrontmatter, type YamlSource } from './yaml-source.ts';
import { contentLinks, type ContentLink } from './check/links.ts';
import { naturalCompare } from './sort.ts';
import { fieldsOf, zodProblems } from './zod-problems.ts';
import { checkMdx } from './mdx-check.ts';
import { didYouMean } from './suggest.ts';
import type { JsxElement } from './mdx-source.ts';
import { BRIEFING_COMPONENTS } from './schemas/briefing-components.ts';
import { checkConfigDrift } from './check/config-drift.ts';
import { checkActions } from './check/actions.ts';
import { typedFigures } from './check/typed-figures.ts';
import { today } from './data/load.ts';

export interface Entry<T> {
  /** Path relative to the project root. */
  file: string;
  /** The entry id: file name without extension, or for standards "<set>-<number>". */
  id: string;
  data: T;
  /** Locates a frontmatter field in the file; holds the MDX body after the frontmatter and the line it starts on. */
  src: YamlSource & { body: string; bodyLine: number };
  /** The JSX elements of the MDX body, read with the compiler the build uses. */
  elements: JsxElement[];
}

export interface Content {
  partnership?: Partnership;
  timetable: TimetableRow[];
  sets: StandardSet[];
  sources: Source[];
  glossary: GlossaryTerm[];
  standards: Entry<Standard>[];
  guidance: Entry<Guidance>[];
  framework: Entry<FrameworkPage>[];
  pages: Entry<StandalonePage>[];
  briefings: Entry<Briefing>[];
  /** Ids of every guidance file, valid or not. */
  guidanceFiles?: string[];
  /**
   * The components of every briefing, its frontmatter valid or not, so that a slip in the
   * frontmatter does not hide a slip in a figure until the next run.
   */
  briefingBodies?: MdxBody[];
  /** Every link in the content's pages to another page of the site, tested against the built site (src/lib/check/links.ts). */
  links?: ContentLink[];
}

/** The MDX body of a file as checked: its JSX elements, and the term its frontmatter names, if any. */
export interface MdxBody {
  file: string;
  term?: string;
  elements: JsxElement[];
  /** The MDX after the frontmatter, and the file line it starts on: read once, for the checks of its prose. */
  body: string;
  bodyLine: number;
}

function uniqueById<T extends { id: string }>(schema: z.ZodType<T>) {
  return z.array(schema).superRefine((items, ctx) => {
    const seen = new Map<string, number>();
    items.forEach((it, i) => {
      const first = seen.get(it.id);
      if (first !== undefined) {
        ctx.addIssue({ code: 'custom', path: [i, 'id'], message: `"${it.id}" is already used by item ${first + 1}; ids must be different` });
      } else seen.set(it.id, i);
    });
  });
}

/**
 * The components each collection's page provides to its MDX (src/pages/…): a tag naming any
 * other shows nothing or stops the build.
 */
/** Components every MDX page gets from mdxComponents (src/components/mdx/index.ts), besides HTML replacements. */
export const EVERY_PAGE_COMPONENTS = ['Cite', 'AreaName', 'Contact', 'Localities', 'LocalityCount', 'TargetPercent', 'Term', 'Threshold'] as const;

const PAGE_COMPONENTS: Record<string, readonly string[]> = {
  [PATHS.briefings.base]: [...Object.keys(BRIEFING_COMPONENTS), ...EVERY_PAGE_COMPONENTS],
  [PATHS.framework.base]: ['GradeScale', 'Target', 'Timetable', ...EVERY_PAGE_COMPONENTS],
};

/** Where the MDX folders are read from, and what reading them collects. */
interface MdxReading {
  root: string;
  /** Every problem found, in every folder. */
  problems: Problem[];
  /** Each file's text, by path, in the order read: the checks of whole files use it afterwards. */
  texts: Map<string, string>;
}

function readMdxDir<S extends z.ZodType>(
  { root, problems, texts }: MdxReading,
  loc: { base: string; pattern: string },
  schema: S,
  {
    bodies = [],
    accepted = {},
  }: {
    /** Collects each file's body and components (the briefings' and commentaries' are checked further). */
    bodies?: MdxBody[];
    /** For a top-level field whose accepted values are known (the configured terms), the values, for "Did you mean …?". */
    accepted?: Record<string, readonly string[]>;
  } = {},
): Entry<z.output<S>>[] {
  const files = globSync(loc.pattern, { cwd: join(root, loc.base) }).sort();
  const entries: Entry<z.output<S>>[] = [];
  for (const f of files) {
    const file = `${loc.base}/${f}`;
    const text = readFileSync(join(root, file), 'utf8');
    texts.set(file, text);
    const src = parseFrontmatter(text, file);
    problems.push(...src.problems);
    const result = src.problems.length ? undefined : schema.safeParse(src.data ?? {});
    const home = result && !result.success ? belongsIn(loc.base, src.data) : undefined;
    if (home) {
      // A whole file in the wrong folder: one problem that says where it goes, not one for
      // every field and component this folder's pages do not have.
      const folder = loc.base.split('/').pop()!;
      problems.push({
        file,
        line: 1,
        message: `this file is written as a ${home.what} (its frontmatter has the fields a ${home.what} has), but it is in the ${loc.base}/ folder, so it would not be published as one`,
        expected: `${home.what}s in ${home.base}/`,
        fix: `move the file to ${home.base}/. In GitHub: open the file, choose Edit, click at the start of the file name box, press Backspace once to leave the "${folder}" folder, type "${home.base.split('/').pop()}/" and commit`,
      });
      continue;
    }
    if (result && !result.success) {
      for (const p of zodProblems(result.error, src, [], fieldsOf(schema))) {
        const raw = p.field && accepted[p.field] ? (src.data as Record<string, unknown>)[p.field] : undefined;
        problems.push(typeof raw === 'string' && !p.didYouMean ? { ...p, didYouMean: didYouMean(raw, accepted[p.field!]!, plain) } : p);
      }
    }
    // The body is read even when the frontmatter has problems, so every mistake shows in one run.
    const fm = (result?.success ? result.data : src.data) as { term?: unknown; draft?: unknown } | undefined;
    const briefing = loc.base === PATHS.briefings.base ? { term: typeof fm?.term === 'string' ? fm.term : undefined, draft: fm?.draft === true } : undefined;
    const mdx = checkMdx(file, text, { components: PAGE_COMPONENTS[loc.base] ?? EVERY_PAGE_COMPONENTS, briefing });
    problems.push(...mdx.problems);
    bodies.push({ file, term: briefing?.term, elements: mdx.source.elements, body: src.body, bodyLine: src.bodyLine });
    if (!result?.success) continue;
    const id = f.replace(/\.mdx?$/, '').split('/').pop()!;
    entries.push({ file, id, data: result.data, src, elements: mdx.source.elements });
  }
  return entries;
}

/** A suggested frontmatter value as it would be written there: without quotation marks. */
const plain = (s: string) => s;

/** Frontmatter must not carry unknown fields: a misspelt field would otherwise be silently ignored. */
const strict = <T extends z.ZodRawShape>(s: z.ZodObject<T>) => s.strict();

/**
 * The folders of MDX pages with one page per file: where they are, the schema of their
 * frontmatter, and what their pages are called (standards, in set folders, are read apart).
 */
const FOLDERS = {
  guidance: { loc: PATHS.guidance, schema: strict(GuidanceSchema), what: 'guidance page' },
  briefings: { loc: PATHS.briefings, schema: strict(BriefingSchema), what: 'briefing' },
  framework: { loc: PATHS.framework, schema: strict(FrameworkPageSchema), what: 'framework page' },
  pages: { loc: PATHS.pages, schema: strict(StandalonePageSchema), what: 'page' },
  commentary: { loc: PATHS.commentary, schema: strict(CommentarySchema), what: 'report commentary' },
};

/** The folder whose kind of page this frontmatter is, when it is not the folder the file is in. */
function belongsIn(base: string, data: unknown): { base: string; what: string } | undefined {
  const home = Object.values(FOLDERS).find((f) => f.loc.base !== base && f.schema.safeParse(data ?? {}).success);
  return home && { base: home.loc.base, what: home.what };
}

/**
 * Read and validate every content and data file, then check references between them.
 * Returns every problem found, so an author can fix them all in one go.
 */
export function checkContent(root: string): { problems: Problem[]; content: Content } {
  const problems: Problem[] = [];
  const take = <T>(r: { value?: T; problems: Problem[] }, fallback: T): T => {
    problems.push(...r.problems);
    return r.value ?? fallback;
  };

  const partnership = take(checkYamlFile(root, PATHS.partnership, PartnershipSchema), undefined);
  const timetable = take(checkYamlFile(root, PATHS.timetable, z.array(TimetableRowSchema)), []);
  const sets = take(checkYamlFile(root, PATHS.standardSets, uniqueById(StandardSetSchema)), []);
  const sources = take(checkYamlFile(root, PATHS.sources, uniqueById(SourceSchema)), []);
  const glossary = take(checkYamlFile(root, PATHS.glossary, uniqueById(GlossaryTermSchema)), []);

  // Each content file is read once here; the checks of whole files below reuse its text.
  const reading: MdxReading = { root, problems, texts: new Map() };
  const standards = readMdxDir(reading, PATHS.standards, strict(StandardSchema)).map((e) => ({
    ...e,
    id: standardId(e.data),
  }));
  const guidance = readMdxDir(reading, FOLDERS.guidance.loc, FOLDERS.guidance.schema);
  const framework = readMdxDir(reading, FOLDERS.framework.loc, FOLDERS.framework.schema);
  const pages = readMdxDir(reading, FOLDERS.pages.loc, FOLDERS.pages.schema);
  const accepted = { term: partnership ? allTerms(partnership).map((t) => t.id) : [] };
  const commentaryBodies: MdxBody[] = [];
  const commentary = readMdxDir(reading, FOLDERS.commentary.loc, FOLDERS.commentary.schema, { bodies: commentaryBodies, accepted });
  const briefingBodies: MdxBody[] = [];
  const briefings = readMdxDir(reading, FOLDERS.briefings.loc, FOLDERS.briefings.schema, { bodies: briefingBodies, accepted });
  problems.push(...checkReportUpdates(root, partnership).problems);
  if (partnership) {
    const terms = allTerms(partnership).map((t) => t.id);
    for (const c of [...commentary, ...briefings]) {
      if (!terms.includes(c.data.term)) {
        problems.push({
          ...at(c, ['term'], 'term'),
          message: `found "${c.data.term}", which is not a term in data/partnership.yaml`,
          didYouMean: didYouMean(c.data.term, terms, plain),
          expected: `one of ${terms.join(', ')}`,
          fix: 'correct the term, or add its academic year to terms in data/partnership.yaml',
        });
      }
    }
  }

  problems.push(...checkConfigDrift(root, partnership, reading.texts));
  problems.push(...[...briefingBodies, ...commentaryBodies].flatMap((b) => typedFigures(b.file, b.body, b.bodyLine)));
  problems.push(...checkActions(root, { partnership, standardIds: new Set(standards.map((s) => s.id)), today: today() }));
  // Every guidance file, with or without problems of its own, by the id it would have.
  const guidanceFiles = [...reading.texts.keys()].filter((f) => f.startsWith(`${PATHS.guidance.base}/`)).map((f) => f.slice(PATHS.guidance.base.length + 1).replace(/\.mdx?$/, ''));
  problems.push(...checkLegal([...standards, ...guidance, ...framework, ...pages]));
  problems.push(...checkReferences({ partnership, timetable, sets, sources, glossary, standards, guidance, framework, pages, briefings, guidanceFiles }));
  problems.push(...checkBriefingFiles(root, briefings, briefingBodies, partnership));
  const links = [...standards, ...guidance, ...framework, ...pages, ...commentary, ...briefings].flatMap((e) => contentLinks(e.file, e.src.body, e.src.bodyLine));
  return { problems, content: { partnership, timetable, sets, sources, glossary, standards, guidance, framework, pages, briefings, briefingBodies, links } };
}

function at(e: Entry<unknown>, path: PropertyKey[], field: string): Pick<Problem, 'file' | 'line' | 'column' | 'field'> {
  return { file: e.file, ...e.src.locate(path), field };
}

function list(values: Iterable<string>): string {
  return [...values].join(', ');
}

/** Checks that need more than one file: references, duplicates across files. */
export function checkReferences(c: Content): Problem[] {
  const problems: Problem[] = [];
  const setById = new Map(c.sets.map((s) => [s.id, s]));
  const sourceIds = new Set(c.sources.map((s) => s.id));

  c.sets.forEach((s, i) => {
    if (!sourceIds.has(s.source)) {
      problems.push({
        file: PATHS.standardSets,
        field: `[${i}].source`,
        message: `set "${s.id}" names the source "${s.source}", which is not in ${PATHS.sources}`,
        expected: `one of: ${list(sourceIds)}`,
        fix: `add the source document to ${PATHS.sources} or correct the id`,
      });
    }
  });

  const byId = new Map<string, Entry<Standard>>();
  for (const st of c.standards) {
    const set = setById.get(st.data.set);
    if (!set) {
      problems.push({
        ...at(st, ['set'], 'set'),
        message: `found "${st.data.set}", which is not a standard set`,
        expected: `one of: ${list(setById.keys())}`,
        fix: `use an id from ${PATHS.standardSets}, or add the new set there`,
      });
    } else if (!set.sections.some((sec) => sec.id === st.data.section)) {
      problems.push({
        ...at(st, ['section'], 'section'),
        message: `found "${st.data.section}", which is not a section of the set "${set.id}"`,
        expected: `one of: ${list(set.sections.map((s) => s.id))}`,
        fix: `use one of those section ids, or add the section to "${set.id}" in ${PATHS.standardSets}`,
      });
    }
    if (!sourceIds.has(st.data.source.document)) {
      problems.push({
        ...at(st, ['source', 'document'], 'source.document'),
        message: `found "${st.data.source.document}", which is not a known source document`,
        expected: `one of: ${list(sourceIds)}`,
        fix: `use an id from ${PATHS.sources}, or add the document there`,
      });
    }
    const dup = byId.get(st.id);
    if (dup) {
      for (const [a, b] of [
        [st, dup],
        [dup, st],
      ] as const) {
        problems.push({
          ...at(a, ['number'], 'number'),
          message: `standard number ${a.data.number} is used twice in the set "${a.data.set}" (also in ${b.file})`,
          expected: 'each number to appear once in a set',
          fix: 'give one of the two standards the next unused number',
        });
      }
    } else byId.set(st.id, st);
  }

  // Every guidance file counts, even one with its own problems, so that a mistake in one file is
  // not reported again as a broken reference in every file that links to it.
  const guidanceIds = new Set([...c.guidance.map((g) => g.id), ...(c.guidanceFiles ?? [])]);
  for (const b of c.briefings) {
    b.data.standards.forEach((ref, i) => {
      if (!byId.has(ref)) {
        problems.push({
          ...at(b, ['standards', i], `standards[${i}]`),
          message: `found "${ref}", which is not a known standard`,
          didYouMean: didYouMean(ref, byId.keys(), plain),
          expected: `a standard id written "<set>-<number>", one of: ${list([...byId.keys()].sort(naturalCompare))}`,
          fix: 'check the set name and number on the standard’s page, or remove the reference',
        });
      }
    });
    b.data.guidance.forEach((ref, i) => {
      if (!guidanceIds.has(ref)) {
        problems.push({
          ...at(b, ['guidance', i], `guidance[${i}]`),
          message: `found "${ref}", which is not a guidance entry`,
          didYouMean: didYouMean(ref, guidanceIds, plain),
          expected: `the name of a file in content/guidance without ".mdx", one of: ${list([...guidanceIds].sort())}`,
          fix: 'check the spelling against the guidance page address, or remove the reference',
        });
      }
    });
  }

  // A briefing copied to a second file (GitHub's "(copy)", or saved twice under two names) would be
  // published twice at two addresses. Two briefings of the same term with the same title are taken
  // to be one briefing in two files. A file whose name says "copy" is the copy; otherwise both
  // files are named, as neither can be told to be the original.
  const byTitle = new Map<string, Entry<Briefing>[]>();
  for (const b of c.briefings) {
    if (b.data.draft) continue;
    const key = `${b.data.term}\u0000${normalTitle(b.data.title)}`;
    byTitle.set(key, [...(byTitle.get(key) ?? []), b]);
  }
  for (const same of byTitle.values()) {
    if (same.length < 2) continue;
    const copies = same.filter((b) => isCopyFile(b.file));
    const blamed = copies.length > 0 && copies.length < same.length ? copies : same;
    for (const b of blamed) {
      const others = same.filter((o) => o !== b).map((o) => o.file);
      problems.push({
        ...at(b, ['title'], 'title'),
        message: `this briefing has the same term (${b.data.term}) and title as ${others.join(' and ')}, so one briefing would be published twice at two addresses`,
        expected: 'each briefing of a term to have its own title',
        fix: 'if one file is a copy, delete it; if this is a new briefing, give it its own title (and check its term: line)',
      });
    }
  }

  for (const g of c.guidance) {
    g.data.standards.forEach((ref, i) => {
      if (!byId.has(ref)) {
        problems.push({
          ...at(g, ['standards', i], `standards[${i}]`),
          message: `found "${ref}", which is not a known standard`,
          didYouMean: didYouMean(ref, byId.keys(), plain),
          expected: `a standard id written "<set>-<number>", one of: ${list([...byId.keys()].sort(naturalCompare))}`,
          fix: 'check the set name and number on the standard’s page, or remove the reference',
        });
      }
    });
  }
  return problems;
}

/** A file whose name says it is a copy: GitHub's "(copy)", "copy of …". */
const isCopyFile = (file: string) => /copy/i.test(file.split('/').pop()!);

const normalTitle = (t: string) => t.trim().replace(/\s+/g, ' ').toLowerCase();
const sameTitle = (a: string, b: string) => normalTitle(a) === normalTitle(b);

const TERM_NAME = new RegExp(`\\b(${TERM_NAMES.join('|')})\\b`, 'gi');
/** A file name that starts with a term id ("2025-26-summer-…"). */
const TERM_ID_START = new RegExp(`^(\\d{4}-\\d{2}-(?:${TERM_NAMES.join('|')}))(?=-|$)`);
const YEAR = /\b(20\d\d)\/(\d\d)\b/g;

/**
 * What a title says about its term: the term names ("summer") and academic years ("2025/26") it
 * mentions. A briefing copied from last term and given a new title must not keep last term's
 * `term:` line, or the page would show last term's figures under this term's name.
 */
export function termsNamedIn(title: string): { names: string[]; years: string[] } {
  const names = [...new Set([...title.matchAll(TERM_NAME)].map((m) => m[1]!.toLowerCase()))];
  const years = [...new Set([...title.matchAll(YEAR)].map((m) => `${m[1]}/${m[2]}`))];
  return { names, years };
}

/**
 * Checks of each briefing against its term and against the other briefings: the title and the
 * file name name the same term as `term:`; a briefing is published only after its term has ended
 * and not in the future; no two briefings have the same text (a copy with a new title); and no
 * file in content/briefings is left out of the site without a word (saved as .md, or in a folder).
 */
export function checkBriefingFiles(root: string, briefings: readonly Entry<Briefing>[], briefingBodies: readonly MdxBody[], partnership: Partnership | undefined, asOf = today()): Problem[] {
  const problems: Problem[] = [];
  const bodyOf = new Map(briefingBodies.map((b) => [b.file, b.body]));
  const base = PATHS.briefings.base;
  for (const f of globSync('**/*', { cwd: join(root, base), dot: false })) {
    if (/^[^/]+\.mdx$/.test(f)) continue;
    const inFolder = f.includes('/');
    problems.push({
      file: `${base}/${f}`,
      message: inFolder
        ? 'this file is in a folder inside content/briefings, where the site does not look, so it would not be published'
        : `this file ends "${f.includes('.') ? f.slice(f.lastIndexOf('.')) : '(no ending)'}", not ".mdx", so it would not be published`,
      expected: 'each briefing as one file ending .mdx directly in content/briefings',
      fix: inFolder ? `move it to ${base}/${f.split('/').pop()!.replace(/\.[^.]*$/, '')}.mdx` : `rename it to ${f.replace(/\.[^./]*$/, '')}.mdx (or delete it if it is not a briefing)`,
    });
  }

  const terms = partnership ? allTerms(partnership) : [];
  const termById = new Map<string, Term>(terms.map((t) => [t.id, t]));
  const ids = new Map<string, Entry<Briefing>>();
  const bodies = new Map<string, Entry<Briefing>>();
  for (const b of briefings) {
    // Two file names that differ only in capital letters are one page: the site keeps one of them.
    const lower = b.id.toLowerCase();
    const clash = ids.get(lower);
    if (clash) {
      problems.push({
        file: b.file,
        line: 1,
        message: `the names of this file and ${clash.file} differ only in capital letters, so they would be one page and only one of the two would be published`,
        expected: 'each briefing file to have its own name',
        fix: 'keep one file: if one is a new version of the other, copy its text into the file you keep and delete the other; if they are two briefings, give one a different name',
      });
    } else ids.set(lower, b);

    const term = termById.get(b.data.term);
    if (!term) continue; // reported already: not a configured term
    const { names, years } = termsNamedIn(b.data.title);
    const otherName = names.find((n) => n !== term.name);
    const otherYear = years.find((y) => y !== term.year);
    if (otherName || otherYear) {
      problems.push({
        ...at(b, ['term'], 'term'),
        message: `the title names ${[otherName && `the ${otherName} term`, otherYear].filter(Boolean).join(' ')}, but term: says ${b.data.term} (${term.label.toLowerCase()}), so the page would show the figures of the ${term.label.toLowerCase()} under the title's term`,
        expected: 'the title and term: to name the same term',
        fix: `if the briefing is about the term in its title, change term: to that term (its figures then come from that term's report); otherwise correct the title`,
      });
    }
    const named = TERM_ID_START.exec(b.id)?.[1];
    if (named && named !== b.data.term && !otherName && !otherYear) {
      problems.push({
        ...at(b, ['term'], 'term'),
        message: `the file name starts ${named}, but term: says ${b.data.term}`,
        expected: 'the file name and term: to name the same term',
        fix: `if the briefing is about ${named}, change term: to ${named}; otherwise rename the file to start ${b.data.term}`,
      });
    }
    if (b.data.draft) continue;
    if (b.data.published <= term.end) {
      problems.push({
        ...at(b, ['published'], 'published'),
        message: `the date ${b.data.published} is not after the end of the ${term.label.toLowerCase()} (${term.end}), so the briefing would report a term's figures before the term was over`,
        expected: `a publication date after ${term.end}`,
        fix: 'check the date and the term: line; a briefing about this term can go out once the term has ended and its data are in',
      });
    } else if (b.data.published > asOf) {
      problems.push({
        ...at(b, ['published'], 'published'),
        message: `the date ${b.data.published} is in the future (today is ${asOf}), but the briefing would go live as soon as it is merged`,
        expected: `the date it goes live: ${asOf} or earlier`,
        fix: `write today's date (${asOf}), or keep draft: true until the day it should go out`,
      });
    }
    // The same text under two titles: a copy of another briefing with only its title changed.
    const key = (bodyOf.get(b.file) ?? '').replace(/\s+/g, ' ').trim();
    const same = key.length > 0 ? bodies.get(key) : undefined;
    // The same term and title as well is a plain copy, which the title check already reports.
    const plainCopy = same && same.data.term === b.data.term && sameTitle(same.data.title, b.data.title);
    if (same && !plainCopy) {
      // The file whose name says "copy" is the copy; otherwise the one read second.
      const [copy, first] = isCopyFile(same.file) && !isCopyFile(b.file) ? [same, b] : [b, same];
      problems.push({
        file: copy.file,
        line: 1,
        message: `the text of this briefing is the same as ${first.file} (only the frontmatter differs), so readers would be given the same briefing again`,
        expected: 'each briefing to have its own text',
        fix: 'if this file is a copy made to start a new briefing, write its own text (its figures come from its term: line); otherwise delete it',
      });
    } else if (key) bodies.set(key, b);
  }
  return problems;
}
