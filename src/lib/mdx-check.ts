/**
 * Checks every MDX file on its syntax tree, before the build: that it reads with the compiler
 * the build uses (mdx-source.ts), that every tag is a component its page provides, spelt as it
 * is, or plain HTML, that there is no stray code in curly brackets, and that a briefing about to
 * be published has none of the scaffold's placeholder text left in it.
 */
import type { Problem } from './problems.ts';
import { readMdx, type MdxSource } from './mdx-source.ts';
import { PLACEHOLDERS } from './scaffold.ts';
import { didYouMean } from './suggest.ts';

/** HTML elements MDX passes through as they are; any other lower-case tag shows nothing on the page. */
const HTML_ELEMENTS = new Set(
  'a abbr aside b blockquote br caption cite code col colgroup dd del details dfn div dl dt em figcaption figure h1 h2 h3 h4 h5 h6 hr i img ins kbd li mark ol p picture pre q s samp section small source span strong sub summary sup table tbody td tfoot th thead time tr u ul var'.split(' '),
);

export interface MdxCheckOptions {
  /** The components the page that renders this file provides, by name. */
  components: readonly string[];
  /** For a briefing: its frontmatter term, and whether it is a draft. */
  briefing?: { term?: string; draft: boolean };
}

/**
 * Reads one MDX file and checks what needs no report: that it parses, that every tag is a
 * component the page provides (or plain HTML), that there is no stray code in braces, and that a
 * briefing being published has none of the scaffold's placeholder text left in it.
 */
export function checkMdx(file: string, text: string, opts: MdxCheckOptions): { source: MdxSource; problems: Problem[] } {
  const source = readMdx(file, text);
  const problems = [...source.problems];
  const known = opts.components;
  for (const el of source.elements) {
    const name = el.name;
    if (name === '' || known.includes(name) || HTML_ELEMENTS.has(name)) continue;
    const at = { file, line: el.line, column: el.column, field: `<${name}>` };
    const near = didYouMean(name, known, (s) => `<${s}>`);
    const list = known.length ? `a component this page has: ${known.map((k) => `<${k}>`).join(', ')}` : 'only Markdown and plain HTML on this page';
    if (/^[a-z]/.test(name)) {
      problems.push({
        ...at,
        message: `<${name}> is not a component or an HTML element, so it would show nothing on the page${near ? ' (component names start with a capital letter)' : ''}`,
        didYouMean: near,
        expected: list,
        fix: near ? `write ${near}, with the capital letters, in both the opening and any closing tag` : 'correct the name, or delete the tag',
      });
    } else {
      problems.push({ ...at, message: `there is no component <${name}>`, didYouMean: near, expected: list, fix: 'correct the name, or delete the tag' });
    }
  }
  for (const e of source.expressions) {
    if (/^\s*\/\*[\s\S]*\*\/\s*$/.test(e.code)) continue;
    problems.push({
      file,
      line: e.line,
      column: e.column,
      message: `found {${e.code.length > 30 ? `${e.code.slice(0, 30)}…` : e.code}}: text in curly brackets is read as code, and the page would fail to build`,
      expected: 'curly brackets only inside a component attribute, or written \\{ and \\} to show them as text',
      fix: 'write \\{ and \\} if you mean the brackets themselves, or remove them',
    });
  }
  if (opts.briefing && !opts.briefing.draft) problems.push(...placeholderProblems(file, text));
  return { source, problems };
}

/** The scaffold's placeholder sentences left in a briefing that is about to be published. */
export function placeholderProblems(file: string, text: string): Problem[] {
  const problems: Problem[] = [];
  text.split(/\r?\n/).forEach((lineText, i) => {
    for (const p of PLACEHOLDERS) {
      const col = lineText.indexOf(p);
      if (col === -1) continue;
      problems.push({
        file,
        line: i + 1,
        column: col + 1,
        message: `the template's placeholder "${p}" is still here, and the briefing is set to be published (draft: false)`,
        expected: 'your own words in place of every placeholder',
        fix: 'replace the placeholder with your text, or set draft: true until the briefing is finished',
      });
    }
  });
  return problems;
}
