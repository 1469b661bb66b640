import { CORE_SCHEMA, load } from 'js-yaml';
import { LineCounter, isMap, isSeq, parseDocument, type Node as YamlNode } from 'yaml';
import { INVISIBLE, type Problem } from './problems.ts';

export type FieldPath = readonly PropertyKey[];

/** Parsed YAML that can say where any field sits in the original file. */
export interface YamlSource {
  file: string;
  data: unknown;
  /** Problems found while parsing the YAML itself. */
  problems: Problem[];
  /** Line and column of the value at `path`, or of the nearest parent that exists. */
  locate(path: FieldPath): { line: number; column: number };
}

/**
 * The two parsers read every scalar alike (YAML 1.2 core schema) except a binary number ("0b101"),
 * a float written with "+." ("+.5") and minus zero: text that may hold one is read by the full
 * parser only.
 */
const READ_DIFFERENTLY = /0b[01]|\+\.|-0\b/;

/**
 * Parse YAML keeping positions. `lineOffset` is added to every line, for YAML that sits
 * inside another file (frontmatter starts on line 2 of an MDX file).
 *
 * Most files are read correctly, and positions are only needed to report a problem: such a file
 * is read with js-yaml (the parser Astro reads frontmatter with, here with the YAML 1.2 core
 * schema, so dates stay text), several times faster than building a document that keeps
 * positions. The positioned document is built the first time a field is located. YAML js-yaml
 * cannot read, or may read differently, goes to the full parser, which reports each problem with
 * its line.
 */
export function parseYamlSource(text: string, file: string, lineOffset = 0): YamlSource {
  if (!READ_DIFFERENTLY.test(text)) {
    let data: unknown;
    try {
      data = load(text, { schema: CORE_SCHEMA, filename: file });
    } catch {
      return parseYamlDocument(text, file, lineOffset);
    }
    let located: YamlSource | undefined;
    return { file, data: data ?? null, problems: [], locate: (path) => (located ??= parseYamlDocument(text, file, lineOffset)).locate(path) };
  }
  return parseYamlDocument(text, file, lineOffset);
}

/** The full parse: a document that keeps every node's position, and every problem with its line. */
function parseYamlDocument(text: string, file: string, lineOffset: number): YamlSource {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const pos = (offset: number) => {
    const { line, col } = lineCounter.linePos(offset);
    return { line: line + lineOffset, column: col };
  };
  const lines = text.split('\n');
  const problems: Problem[] = [...doc.errors, ...doc.warnings].map((e) => {
    const { line, column } = pos(e.pos[0]);
    const duplicate = e.code === 'DUPLICATE_KEY';
    const hint = duplicate ? undefined : yamlHint(lines[lineCounter.linePos(e.pos[0]).line - 1] ?? '');
    return {
      file,
      line,
      column,
      message: duplicate ? 'the same field name appears twice' : hint ? `${hint.message} (the YAML cannot be read: ${e.message.split('\n')[0]})` : `the YAML cannot be read (${e.message.split('\n')[0]})`,
      expected: duplicate ? 'each field once' : 'valid YAML: "field: value" on each line, lists with "- ", text containing a colon in double quotes',
      fix: duplicate ? 'delete one of the two lines or merge them' : hint?.fix ?? 'check the line shown and the one before it for a missing quote, colon or indentation',
    };
  });
  const data = problems.length ? undefined : doc.toJS();
  return {
    file,
    data,
    problems,
    locate(path) {
      let node: unknown = doc.contents;
      let last = node;
      for (const key of path) {
        if (isMap(node)) {
          const pair = node.items.find((it) => (it.key as { value?: unknown } | null)?.value === key);
          if (!pair) break;
          node = pair.value ?? pair.key;
        } else if (isSeq(node) && typeof key === 'number') {
          if (!node.items[key]) break;
          node = node.items[key];
        } else break;
        last = node;
      }
      const range = (last as YamlNode | null)?.range;
      return range ? pos(range[0]) : { line: 1 + lineOffset, column: 1 };
    },
  };
}

/** Split an MDX/Markdown file into its YAML frontmatter (with positions) and body. */
export function parseFrontmatter(text: string, file: string): YamlSource & { body: string; bodyLine: number } {
  const src = text.replace(/^\uFEFF/, '');
  const m = /^---\r?\n([\s\S]*?)\r?\n---\s*(?:\r?\n|$)/.exec(src);
  if (!m) {
    return {
      file,
      data: undefined,
      body: src,
      bodyLine: 1,
      problems: [
        {
          file,
          line: 1,
          column: 1,
          message: 'the file has no frontmatter',
          expected: 'the file to start with a line "---", then fields such as "title: ...", then another line "---"',
          fix: 'copy the first lines of a similar file and change the values',
        },
      ],
      locate: () => ({ line: 1, column: 1 }),
    };
  }
  const yaml = parseYamlSource(m[1]!, file, 1);
  const bodyLine = m[0].split('\n').length;
  return { ...yaml, body: src.slice(m[0].length), bodyLine };
}

/**
 * What is wrong with a frontmatter line, in words, for the slips people make in a web editor:
 * a colon inside an unquoted value, a tab, or a character that cannot be seen (a non-breaking
 * space from Word, a zero-width space from a web page).
 */
export function yamlHint(line: string): { message: string; fix: string } | undefined {
  const hidden = INVISIBLE.exec(line);
  if (hidden) {
    const name = hidden[0] === '\u00a0' ? 'a non-breaking space (often pasted from Word)' : 'an invisible character (often pasted from a web page)';
    return { message: `this line has ${name} at column ${hidden.index + 1}, which looks like a space or nothing but is not`, fix: 'delete the space or gap around that place and type it again, or retype the whole line' };
  }
  if (/^\s*\t/.test(line) || /^\s*[\w-]+:\t/.test(line)) return { message: 'this line has a tab, which YAML does not accept', fix: 'replace the tab with spaces' };
  const m = /^(\s*)([\w-]+):\s+([^"'\s[{][^#]*?:\s.*)$/.exec(line);
  // Quotation marks a word processor typed are not YAML's quotes: the colon inside is then read as
  // another field. Straight ones, typed again, are the fix.
  const curly = m && /^[“‘„](.*?)[”’“]?\s*$/.exec(m[3]!);
  if (m && curly) return { message: `the value after "${m[2]}:" is in curly quotation marks (“…”), which YAML does not read as quotes, so the colon inside it is read as the start of another field`, fix: `type the quotation marks again as straight ones: ${m[2]}: "${curly[1]!.replace(/"/g, '\\"')}"` };
  if (m) return { message: `the value after "${m[2]}:" has a colon in it, which YAML reads as the start of another field`, fix: `put the whole value in double quotes: ${m[2]}: "${m[3]!.trim().replace(/"/g, '\\"')}"` };
  return undefined;
}
