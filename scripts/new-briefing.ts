// npm run new:briefing -- --term 2025-26-summer --title "What our audits found"
// Writes content/briefings/<term>-<title>.mdx with valid frontmatter and a skeleton that builds
// (as a draft: set "draft: false" to publish it).
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { allTerms } from '../src/lib/data/terms';
import { loadPartnership } from '../src/lib/partnership';
import { briefingSkeleton } from '../src/lib/scaffold';
import { BRIEFING_KINDS } from '../src/lib/schemas/pages';

const { values } = parseArgs({
  options: { term: { type: 'string' }, title: { type: 'string' }, kind: { type: 'string' }, publish: { type: 'boolean', default: false } },
});
const root = process.cwd();
const terms = allTerms(loadPartnership(root)).map((t) => t.id);
const fail = (m: string) => {
  console.error(m);
  process.exit(1);
};
if (!values.term || !values.title) fail('Usage: npm run new:briefing -- --term 2025-26-summer --title "What our audits found" [--kind termly-quality-briefing] [--publish]');
if (!terms.includes(values.term!)) fail(`--term "${values.term}" is not a term in data/partnership.yaml. Use one of: ${terms.join(', ')}`);
if (values.kind && !(values.kind in BRIEFING_KINDS)) fail(`--kind "${values.kind}" is not a kind of briefing. Use one of: ${Object.keys(BRIEFING_KINDS).join(', ')}`);
const { path, text } = briefingSkeleton({
  term: values.term!,
  title: values.title!,
  today: new Date().toISOString().slice(0, 10),
  kind: values.kind as keyof typeof BRIEFING_KINDS | undefined,
  draft: !values.publish,
});
const file = join(root, path);
if (existsSync(file)) fail(`${path} already exists: choose another title, or edit that file.`);
mkdirSync(dirname(file), { recursive: true });
writeFileSync(file, text);
console.log(`Wrote ${path}${values.publish ? '' : ' (a draft: it shows in previews; set "draft: false" to publish it)'}.`);
