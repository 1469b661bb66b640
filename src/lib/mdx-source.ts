/**
 * Reads an MDX file with the compiler the build uses (satteri, behind @astrojs/mdx), so a file
 * that would stop the build is reported here with its line, in plain English, instead. Gives
 * every JSX element in the file with its attributes and where each one is.
 */
import { mdxToMdast, type MdastNode } from 'satteri';
import type { Problem } from './problems.ts';
import { lineStarts, locate } from './source-lines.ts';

export interface JsxAttribute {
  name: string;
  /**
   * The value as text: metric="audits", metric={"audits"} and rank={2} all give text. Undefined
   * for an attribute with no value (`flag`) or a value that is code (`metric={name}`).
   */
  value: string | undefined;
  /** How it was written. */
  form: 'text' | 'code' | 'none' | 'spread';
  line: number;
  column: number;
}

export interface JsxElement {
  /** As written: "Stat", "stat", "br"; "" for a fragment <>…</>. */
  name: string;
  line: number;
  column: number;
  attributes: JsxAttribute[];
}

/** A `{…}` in the text: code in MDX, which a briefing should not need. */
export interface MdxExpression {
  code: string;
  line: number;
  column: number;
}

export interface MdxSource {
  /** Every JSX element, in the order they appear. */
  elements: JsxElement[];
  expressions: MdxExpression[];
  /** Syntax problems; when one cannot be worked around, elements holds nothing. */
  problems: Problem[];
}

/**
 * Whether text is plain Markdown to MDX: tags and code in braces need a < or a {, and a line the
 * compiler reads as code starts with "import" or "export". Such text always parses and holds
 * nothing to report (most guidance pages).
 */
export const isPlainMarkdown = (text: string) => !/[<{]/.test(text) && !/^[ \t]*(?:import|export)\b/m.test(text);

/** Quotation marks that word processors put in place of straight quotes. */
const CURLY = '“”„‟‘’‚‛';

interface TagScan {
  /** Element name as written. */
  name: string;
  /** Offset just after the closing `>`, or undefined when the tag never ends. */
  end?: number;
  /** Each attribute's name and the offset where it starts, in order. */
  attributes: { name: string; offset: number }[];
  /** Offsets of curly quotation marks around attribute values. */
  curly: { attribute: string; open: number; close?: number }[];
}

/** Skips a `{…}` starting at `i`, minding strings inside; returns the offset after it, or -1. */
function skipBraces(text: string, i: number): number {
  let depth = 0;
  let quote = '';
  for (; i < text.length; i++) {
    const c = text[i]!;
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = '';
    } else if (c === '"' || c === "'" || c === '`') quote = c;
    else if (c === '{') depth++;
    else if (c === '}' && --depth === 0) return i + 1;
  }
  return -1;
}

/**
 * Reads the opening tag that starts at `start` (a `<`) far enough to place its attributes, and
 * to tell a tag that never ends (no `>` before a blank line, another tag or the end of the file)
 * from one with curly quotes. The parser has already found the tag; this only measures it.
 */
function scanTag(text: string, start: number): TagScan {
  let i = start + 1;
  const nameMatch = /^\/?[A-Za-z_$][\w$.:-]*/.exec(text.slice(i, i + 200));
  const name = nameMatch?.[0] ?? '';
  i += name.length;
  const out: TagScan = { name, attributes: [], curly: [] };
  const blankLine = /\n[ \t]*\n/y;
  while (i < text.length) {
    const c = text[i]!;
    blankLine.lastIndex = i;
    if (c === '\n' && blankLine.test(text)) return out;
    if (/\s/.test(c) || c === '/') {
      i++;
      continue;
    }
    if (c === '>') {
      out.end = i + 1;
      return out;
    }
    if (c === '<') return out;
    if (c === '{') {
      const after = skipBraces(text, i);
      if (after === -1) return out;
      i = after;
      continue;
    }
    const attr = /^[^\s=/>{<"'“”„‟‘’‚‛]+/.exec(text.slice(i, i + 200));
    if (!attr) {
      i++;
      continue;
    }
    out.attributes.push({ name: attr[0], offset: i });
    i += attr[0].length;
    while (/[ \t\r\n]/.test(text[i] ?? '')) i++;
    if (text[i] !== '=') continue;
    i++;
    while (/[ \t\r\n]/.test(text[i] ?? '')) i++;
    const q = text[i];
    if (q === '"' || q === "'") {
      const close = text.indexOf(q, i + 1);
      if (close === -1) return out;
      i = close + 1;
    } else if (q === '{') {
      const after = skipBraces(text, i);
      if (after === -1) return out;
      i = after;
    } else if (q !== undefined && CURLY.includes(q)) {
      // The value ends at the next curly or straight quotation mark on the same line.
      let j = i + 1;
      while (j < text.length && !CURLY.includes(text[j]!) && text[j] !== '"' && text[j] !== '\n') j++;
      const closed = j < text.length && text[j] !== '\n';
      out.curly.push({ attribute: attr[0], open: i, close: closed ? j : undefined });
      i = closed ? j + 1 : j;
    }
  }
  return out;
}

/** The value of an attribute written in braces, when it is plain text or a number. */
function literal(code: string): string | undefined {
  const s = code.trim();
  const str = /^(["'`])((?:(?!\1)[^\\$]|\\.)*)\1$/.exec(s);
  if (str) return str[2]!.replace(/\\(.)/g, '$1');
  if (/^-?\d+(\.\d+)?$/.test(s)) return s;
  return undefined;
}

interface SyntaxFailure {
  line: number;
  column: number;
  reason: string;
}

function syntaxFailure(error: unknown): SyntaxFailure {
  const message = error instanceof Error ? error.message : String(error);
  const m = /^(\d+):(\d+): ([\s\S]*?)(?: \([\w:-]+\))?$/.exec(message.trim());
  return m ? { line: Number(m[1]), column: Number(m[2]), reason: m[3]! } : { line: 1, column: 1, reason: message };
}

/** Components whose content goes between an opening and a closing tag (the rest end with />). */
const WRAPPERS = new Set(['Callout']);

/**
 * A < that is not the start of a tag, explained: a web or email address in angle brackets
 * (Markdown's autolink, which MDX does not have), or a sign before a number ("fewer than <5").
 * Undefined for any other failure.
 */
function loneAngle(file: string, text: string, offset: number, f: SyntaxFailure): Problem | undefined {
  if (text[offset] !== '<' || !/Unexpected character/.test(f.reason)) return undefined;
  const at = { file, line: f.line, column: f.column };
  const after = text.slice(offset + 1, offset + 300);
  const link = /^((?:https?:\/\/|www\.)[^\s>]*)>/.exec(after);
  if (link) {
    return { ...at, message: `the web address <${link[1]}> is in angle brackets, which MDX reads as the start of a component`, expected: 'a link written [words that say where it goes](the address)', fix: `write it as [the page's name](${link[1]}), or remove the < and >` };
  }
  if (/^[^\s<>@]+@[^\s<>]+>/.test(after)) {
    return { ...at, message: 'an email address in angle brackets (<…@…>) is read by MDX as the start of a component', expected: 'a link written [the address](mailto:the address)', fix: 'write the address as [the address](mailto:the address), or remove the < and >' };
  }
  const next = /^[^\s<]{1,12}/.exec(after)?.[0];
  if (next && /^[\d=.£$%-]/.test(next)) {
    return { ...at, message: `the sign < before "${next}" is read by MDX as the start of a component`, expected: 'words such as "fewer than 5" or "under 5", or the sign written \\<', fix: 'write "fewer than" or "under" (clearer for families), or put a backslash before the sign: \\<' };
  }
  return undefined;
}

/** A parser failure as a problem a person who writes briefings, not code, can act on. */
function explain(file: string, text: string, offset: number, f: SyntaxFailure): Problem {
  const at = { file, line: f.line, column: f.column };
  const unclosedTag = /^Expected a closing tag for `<([^>]*)>`/.exec(f.reason);
  if (unclosedTag) {
    const name = unclosedTag[1]!;
    if (WRAPPERS.has(name)) {
      return { ...at, message: `<${name}> is opened here but never closed`, expected: `a line </${name}> after the content of the box, with a blank line before it`, fix: `add </${name}> on its own line where the box should end` };
    }
    return { ...at, message: `<${name} …> ends with > here, so MDX looks for a closing </${name}> that is not there`, expected: `<${name} … /> (ending with a slash: nothing goes inside <${name}>)`, fix: 'put a / before the > at the end of the tag' };
  }
  const closing = /^Unexpected closing tag `<\/([^>]*)>`/.exec(f.reason);
  if (closing) {
    return { ...at, message: `</${closing[1]}> closes a tag that was not opened before it`, expected: `<${closing[1]} …> earlier, with a blank line between it and the content`, fix: `check the <${closing[1]}> line above is spelt the same, or delete this </${closing[1]}>` };
  }
  if (text[offset] === '<') {
    const tag = scanTag(text, offset);
    if (tag.end === undefined && tag.name) {
      return { ...at, message: `the tag <${tag.name} … is never closed`, expected: `the tag to end with /> after its last attribute, like <${tag.name} metric="audits" />`, fix: 'add /> at the end of the tag, before the text that follows it' };
    }
  }
  if (/comment in MDX/.test(f.reason)) {
    return { ...at, message: 'an HTML comment <!-- … --> cannot be used in MDX', expected: 'a comment written {/* … */}', fix: 'change <!-- to {/* and --> to */}, or delete the comment' };
  }
  if (/expression|brace/i.test(f.reason)) {
    return { ...at, message: `a { here is read as the start of code, and the code does not end (${f.reason})`, expected: 'a { only inside a component attribute, closed by }', fix: 'write \\{ to show a { as text, or add the missing }' };
  }
  return {
    ...at,
    message: `MDX cannot read the file from here: ${f.reason}`,
    expected: 'components written like <Stat metric="audits" />, and < or { in text written \\< or \\{',
    fix: 'check this line for a missing > or quotation mark, or a < or { that is meant as text',
  };
}

/**
 * Parses an MDX file (its frontmatter included, so lines are the file's own) and gives its JSX
 * elements, or the problems that stop it being read. Curly quotation marks around an attribute
 * value, as a word processor types them, are reported once and read as straight ones, so the
 * rest of the file is still checked.
 */
export function readMdx(file: string, original: string): MdxSource {
  let text = original.replace(/^\uFEFF/, '');
  // Not parsing plain Markdown took the whole content check of 1,012 files from about 230 to 200 ms.
  if (isPlainMarkdown(text)) return { elements: [], expressions: [], problems: [] };
  const starts = lineStarts(text);
  const problems: Problem[] = [];
  let tree: MdastNode | undefined;
  // Each curly-quoted tag or stray < costs one more parse; a file with more of them than this gets the rest reported by the next run.
  for (let attempt = 0; attempt < 50 && !tree; attempt++) {
    try {
      tree = mdxToMdast(text);
    } catch (error) {
      const f = syntaxFailure(error);
      const offset = (starts[f.line - 1] ?? 0) + f.column - 1;
      // A < that is only text is reported, then read as a space (offsets stay the same), so the
      // rest of the file is still checked and every such slip is listed in one run.
      const lone = loneAngle(file, text, offset, f);
      if (lone) {
        problems.push(lone);
        text = `${text.slice(0, offset)} ${text.slice(offset + 1)}`;
        continue;
      }
      const tag = text[offset] === '<' ? scanTag(text, offset) : undefined;
      if (tag?.curly.length) {
        const first = tag.curly[0]!;
        problems.push({
          file,
          ...locate(starts, first.open),
          field: `<${tag.name}> ${first.attribute}`,
          message: `the value of ${first.attribute} is in curly quotation marks (${text[first.open]}…${first.close !== undefined ? text[first.close] : ''}), as a word processor types them, which MDX cannot read`,
          expected: `straight quotation marks: ${first.attribute}="…"`,
          fix: 'type the quotation marks again in the GitHub editor (not in Word), or turn off "smart quotes"',
        });
        // Straight quotes take the curly ones' places one for one, so every offset and column stays the same.
        let fixed = text;
        for (const c of tag.curly) {
          fixed = `${fixed.slice(0, c.open)}"${fixed.slice(c.open + 1)}`;
          if (c.close !== undefined) fixed = `${fixed.slice(0, c.close)}"${fixed.slice(c.close + 1)}`;
        }
        text = fixed;
        continue;
      }
      problems.push(explain(file, text, offset, f));
      return { elements: [], expressions: [], problems };
    }
  }
  if (!tree) return { elements: [], expressions: [], problems };

  const elements: JsxElement[] = [];
  const expressions: MdxExpression[] = [];
  const visit = (node: MdastNode) => {
    const n = node as MdastNode & { name?: string | null; attributes?: unknown[]; value?: string; position?: { start: { offset: number } }; children?: MdastNode[] };
    if ((n.type === 'mdxJsxFlowElement' || n.type === 'mdxJsxTextElement') && n.position) {
      const start = n.position.start.offset;
      const where = locate(starts, start);
      const scan = scanTag(text, start);
      const used = new Set<number>();
      const place = (name: string) => {
        const i = scan.attributes.findIndex((a, k) => a.name === name && !used.has(k));
        if (i === -1) return where;
        used.add(i);
        return locate(starts, scan.attributes[i]!.offset);
      };
      const attributes: JsxAttribute[] = [];
      for (const a of (n.attributes ?? []) as { type: string; name?: string; value?: unknown }[]) {
        if (a.type === 'mdxJsxExpressionAttribute') {
          attributes.push({ name: '', value: undefined, form: 'spread', ...where });
          continue;
        }
        const name = a.name ?? '';
        const v = a.value;
        if (v === null || v === undefined) attributes.push({ name, value: undefined, form: 'none', ...place(name) });
        else if (typeof v === 'string') attributes.push({ name, value: v, form: 'text', ...place(name) });
        else {
          const code = String((v as { value?: unknown }).value ?? '');
          const value = literal(code);
          attributes.push({ name, value, form: value === undefined ? 'code' : 'text', ...place(name) });
        }
      }
      elements.push({ name: n.name ?? '', ...where, attributes });
    } else if ((n.type === 'mdxFlowExpression' || n.type === 'mdxTextExpression') && n.position) {
      expressions.push({ code: n.value ?? '', ...locate(starts, n.position.start.offset) });
    } else if (n.type === 'mdxjsEsm' && n.position) {
      // MDX reads a paragraph that starts with the word import or export as JavaScript, which the
      // build then fails to compile ("Could not parse esm"). Content never needs it: pages give
      // their components.
      const word = /^\s*(import|export)/.exec(n.value ?? '')?.[1] ?? 'export';
      problems.push({
        file,
        ...locate(starts, n.position.start.offset),
        message: `this paragraph starts with the word "${word}" in small letters, which MDX reads as program code, so the site would fail to build`,
        expected: `text that does not begin a paragraph with "${word}" in small letters`,
        fix: `write "${word[0]!.toUpperCase()}${word.slice(1)}" with a capital letter, or start the sentence with another word`,
      });
    }
    for (const c of n.children ?? []) visit(c);
  };
  visit(tree);
  return { elements, expressions, problems };
}
