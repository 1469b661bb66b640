/**
 * Content that types a value the configuration knows (the area's name, the target, a locality,
 * a term) goes stale when data/partnership.yaml changes, and nothing else would notice. This
 * check finds those values in MDX bodies and frontmatter, the glossary and the timetable, and
 * says which component or placeholder to use instead.
 *
 * What counts, to keep false alarms rare:
 * - names are matched as whole words and with their capitals: "Northvale" but not "northvale.example",
 *   "North" but not "Northern" or "north of the river". A locality name used as an ordinary
 *   capitalised word ("Central to this…") can be kept with the escape below.
 * - a percentage counts as the target only in a sentence about the target (target, aim, goal,
 *   Good or better, chose): "80% of plans had outcomes" is a finding, not the target.
 * - nothing inside an MDX comment, a code span, a link address, a component's attributes, an
 *   import or export line, or a YAML comment.
 * Escape: a line holding `{/* config-ok *\/}` (MDX) or `# config-ok` (YAML) is not checked, for a
 * reviewed exception such as quoting another area's document.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PATHS } from '../paths.ts';
import type { Problem } from '../problems.ts';
import type { Partnership } from '../schemas/partnership.ts';
import { allTerms } from '../data/terms.ts';
import { PLACEHOLDERS, unknownPlaceholders } from '../config-text.ts';
import { didYouMean } from '../suggest.ts';
import { blank } from './blank.ts';

type Where = 'body' | 'frontmatter' | 'yaml';

interface Rule {
  /** Not checked in frontmatter, where the words may stand (a briefing's title names its term, tied by its term field). */
  bodyOnly?: boolean;
  /** Finds candidate values on a (masked) line. */
  pattern: RegExp;
  /** Whether a match is a typed configured value, and what to say about it. */
  judge(match: RegExpExecArray, sentence: string): { what: string; use: Record<Where, string> } | undefined;
}

const ESCAPE = /\{\/\*\s*config-ok\s*\*\/\}|#\s*config-ok\b/;
const TARGET_WORDS = /\b(target|aim|goal|good or better|chose|choose)\b/i;
const FRONTMATTER_FIX = 'frontmatter cannot hold components: leave the value out or say it in general words, such as "our area", "each locality" or "our target"';

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A whole word or phrase, with its capitals, not part of a longer word, address or file name. */
const wholeWords = (names: string[]) =>
  new RegExp(`(?<![\\p{L}\\p{N}_@/.-])(?:${[...names].sort((a, b) => b.length - a.length).map(escapeRe).join('|')})(?![\\p{L}\\p{N}_@/-]|\\.[\\p{L}])`, 'gu');

function rules(cfg: Partnership): Rule[] {
  const out: Rule[] = [];
  const area = { [cfg.area.name]: 'the full name of the partnership', [cfg.area.shortName]: "the area's short name" };
  out.push({
    pattern: wholeWords(Object.keys(area)),
    judge: (m) => {
      const full = m[0] === cfg.area.name;
      return {
        what: `${area[m[0]]} (area.${full ? 'name' : 'shortName'} in data/partnership.yaml)`,
        use: {
          body: `write ${full ? '<AreaName full />' : '<AreaName />'} instead`,
          frontmatter: FRONTMATTER_FIX,
          yaml: `write ${full ? '{areaName}' : '{area}'} instead`,
        },
      };
    },
  });
  const byName = new Map(cfg.localities.map((l) => [l.name, l]));
  out.push({
    pattern: wholeWords([...byName.keys()]),
    judge: (m) => {
      const l = byName.get(m[0])!;
      return {
        what: `the name of the locality "${l.id}" (localities in data/partnership.yaml)`,
        use: {
          body: `write <Localities id="${l.id}" /> instead, or <Localities /> for the whole list`,
          frontmatter: FRONTMATTER_FIX,
          yaml: 'write {localities} for the whole list, or leave the name out',
        },
      };
    },
  });
  const terms = new Map(allTerms(cfg).map((t) => [t.label.toLowerCase(), t]));
  out.push({
    bodyOnly: true,
    pattern: new RegExp(`(?<![\\p{L}\\p{N}])(?:${[...terms.keys()].map(escapeRe).join('|')})(?![\\p{N}])`, 'giu'),
    judge: (m) => {
      const t = terms.get(m[0].toLowerCase())!;
      return {
        what: `the label of the term "${t.id}" (worked out from terms in data/partnership.yaml)`,
        use: { body: `write <Term id="${t.id}" /> instead`, frontmatter: FRONTMATTER_FIX, yaml: 'leave the term out' },
      };
    },
  });
  const target = cfg.target.goodOrBetterPercent;
  out.push({
    pattern: /(?<![\p{N}.])(\d{1,3})(?:\s?%|\s?per\s?cent\b)/gu,
    judge: (m, sentence) => {
      const n = Number(m[1]);
      const aboutTarget = TARGET_WORDS.test(sentence);
      // A different figure right after "target" is a target that has gone stale.
      const staleTarget = n !== target && /\b(?:our|the)\s+target\b[^.%]{0,30}$/i.test(sentence.slice(0, sentence.indexOf(m[0])));
      if (!(n === target && aboutTarget) && !staleTarget) return undefined;
      return {
        what: n === target ? 'the target (target.goodOrBetterPercent in data/partnership.yaml)' : `a target of ${n}%, but the configured target is ${target}%`,
        use: { body: 'write <TargetPercent /> instead', frontmatter: FRONTMATTER_FIX, yaml: 'write {target} instead' },
      };
    },
  });
  return out;
}

interface Compiled {
  rules: Rule[];
  /**
   * Matches somewhere in any text where a rule, a component id check or a placeholder check could
   * find something: every configured name and label, any "%" or "per cent", the components and
   * "{", ignoring case and word boundaries. Masking only blanks text out, so a file or line it
   * does not match has nothing to report: such a file is not read line by line, and such a line
   * is not masked or checked.
   */
  anything: RegExp;
}
const compiled = new WeakMap<Partnership, Compiled>();
/** The rules for a configuration, made once (each holds regular expressions), not once per file. */
function rulesFor(cfg: Partnership): Compiled {
  let c = compiled.get(cfg);
  if (!c) {
    const words = [cfg.area.name, cfg.area.shortName, ...cfg.localities.map((l) => l.name), ...allTerms(cfg).map((t) => t.label)].filter(Boolean).map(escapeRe);
    const anything = new RegExp([...words, '%', 'per\\s?cent', '<(?:Localities|Term|Contact)\\b', '\\{'].join('|'), 'iu');
    compiled.set(cfg, (c = { rules: rules(cfg), anything }));
  }
  return c;
}

/** The line with everything that is not reader-facing text blanked out, keeping columns. */
function mask(line: string, where: Where): string {
  if (where === 'yaml') {
    // A comment starts at "#" at the line start or after a space, outside quotes (good enough for these files).
    const c = line.search(/(^|\s)#/);
    const kept = c === -1 ? line : line.slice(0, c) + blank(line.slice(c));
    return kept.replace(/^(\s*(?:-\s+)?[\w-]+:)/, blank);
  }
  let out = line
    .replace(/\{\/\*.*?\*\/\}/g, blank)
    .replace(/`[^`]*`/g, blank)
    .replace(/\]\([^)]*\)/g, (s) => ']' + blank(s.slice(1)))
    .replace(/<\/?[A-Za-z][^<>]*>/g, blank)
    .replace(/https?:\/\/\S+/g, blank);
  if (where === 'frontmatter') out = out.replace(/^(\s*(?:-\s+)?[\w-]+:)/, blank);
  return out;
}

/** The sentence of `line` around `index`. */
function sentenceAt(line: string, index: number): string {
  const before = line.slice(0, index);
  const start = Math.max(before.lastIndexOf('. '), before.lastIndexOf('? '), before.lastIndexOf('! ')) + 1;
  const endRel = line.slice(index).search(/[.!?](\s|$)/);
  return line.slice(start, endRel === -1 ? undefined : index + endRel + 1).trim();
}

function quote(line: string): string {
  const t = line.trim();
  return t.length > 140 ? `${t.slice(0, 137)}…` : t;
}

const COMPONENT_ID = /<(Localities|Term|Contact)\b[^>]*?\bid="([^"]*)"/g;
/** What each of those components' ids names, and the ids the configuration has for it. */
const COMPONENT_IDS: Record<string, { kind: string; ids: (cfg: Partnership) => string[] }> = {
  Localities: { kind: 'locality', ids: (cfg) => cfg.localities.map((l) => l.id) },
  Term: { kind: 'term', ids: (cfg) => allTerms(cfg).map((t) => t.id) },
  Contact: { kind: 'contact', ids: (cfg) => cfg.contacts.map((c) => c.id) },
};

/** A <Localities id>, <Term id> or <Contact id> that the configuration does not know, found before the build fails on it. */
function checkComponentIds(file: string, line: number, text: string, cfg: Partnership): Problem[] {
  const out: Problem[] = [];
  for (const m of text.matchAll(COMPONENT_ID)) {
    const named = COMPONENT_IDS[m[1]!]!;
    const ids = named.ids(cfg);
    if (ids.includes(m[2]!)) continue;
    out.push({
      file,
      line,
      column: m.index + 1,
      message: `found <${m[1]} id="${m[2]}" />, but there is no such ${named.kind} in data/partnership.yaml: "${quote(text)}"`,
      didYouMean: didYouMean(m[2]!, ids),
      expected: `one of ${ids.join(', ')}`,
      fix: 'correct the id, or add it to data/partnership.yaml',
    });
  }
  return out;
}

/** Problems for every configured value typed in one file's text. */
export function checkTextForDrift(file: string, text: string, cfg: Partnership, kind: 'mdx' | 'yaml'): Problem[] {
  const problems: Problem[] = [];
  const { rules: all, anything } = rulesFor(cfg);
  if (!anything.test(text)) return problems;
  const lines = text.split(/\r?\n/);
  let where: Where = kind === 'yaml' ? 'yaml' : 'body';
  let fence = false;
  lines.forEach((line, i) => {
    if (kind === 'mdx') {
      if (i === 0 && line.trim() === '---') return void (where = 'frontmatter');
      if (where === 'frontmatter' && line.trim() === '---') return void (where = 'body');
      if (where === 'body' && /^\s*(```|~~~)/.test(line)) return void (fence = !fence);
      if (fence || (where === 'body' && /^(import|export)\s/.test(line))) return;
    }
    // Most lines hold nothing any check could find: the same quick test as for the whole file.
    if (!anything.test(line) || ESCAPE.test(line)) return;
    const masked = mask(line, where);
    if (kind === 'yaml') {
      for (const u of unknownPlaceholders(masked)) {
        problems.push({
          file,
          line: i + 1,
          column: u.index + 1,
          message: `found the placeholder {${u.name}}, which is not known, in "${quote(line)}"`,
          expected: `one of ${Object.entries(PLACEHOLDERS).map(([k, v]) => `{${k}} (${v.meaning})`).join(', ')}`,
          fix: 'correct the spelling of the placeholder, or write the words out',
        });
      }
    }
    if (where === 'body') problems.push(...checkComponentIds(file, i + 1, line, cfg));
    for (const rule of all) {
      if (rule.bodyOnly && where !== 'body') continue;
      rule.pattern.lastIndex = 0;
      for (let m = rule.pattern.exec(masked); m; m = rule.pattern.exec(masked)) {
        const verdict = rule.judge(m, sentenceAt(masked, m.index));
        if (!verdict) continue;
        problems.push({
          file,
          line: i + 1,
          column: m.index + 1,
          message: `found "${m[0]}", ${verdict.what}, typed into the text, so it would go stale if the configuration changes: "${quote(line)}"`,
          expected: kind === 'yaml' ? 'a placeholder, filled in from data/partnership.yaml' : 'the value to come from data/partnership.yaml',
          fix: `${verdict.use[where]}${where === 'body' ? ' (or, for a reviewed exception, add {/* config-ok */} to the line)' : where === 'yaml' ? ' (or, for a reviewed exception, end the line with "# config-ok")' : ''}`,
        });
      }
    }
  });
  return problems;
}

/**
 * Every content file that readers see, checked for typed configuration values: the MDX pages, as
 * the content check read them (`mdx`: each file's text by path), then the glossary and timetable.
 */
export function checkConfigDrift(root: string, cfg: Partnership | undefined, mdx: ReadonlyMap<string, string>): Problem[] {
  if (!cfg) return [];
  const problems: Problem[] = [];
  for (const [file, text] of mdx) problems.push(...checkTextForDrift(file, text, cfg, 'mdx'));
  for (const file of [PATHS.glossary, PATHS.timetable]) {
    let text: string;
    try {
      text = readFileSync(join(root, file), 'utf8');
    } catch {
      continue; // a missing file is reported by the check that reads it
    }
    problems.push(...checkTextForDrift(file, text, cfg, 'yaml'));
  }
  return problems;
}
