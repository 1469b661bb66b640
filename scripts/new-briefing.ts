// npm run new:briefing -- --term 2025-26-summer --title "What our audits found"
// Writes content/briefings/<term>-<title>.mdx with valid frontmatter and a skeleton that builds
// (as a draft: set "draft: false" to publish it). Without the "--", npm keeps the options for
// itself; they are read back from what npm passes on (see npmFallback).
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { allTerms, termOf } from '../src/lib/data/terms';
import { DATASETS } from '../src/lib/data/columns';
import { checkAll } from '../src/lib/data/load';
import { loadPartnership } from '../src/lib/partnership';
import { briefingSkeleton } from '../src/lib/scaffold';
import { BRIEFING_KINDS } from '../src/lib/schemas/pages';
import { didYouMean } from '../src/lib/suggest';
import { UsageError, runCli } from './cli';

const USAGE = 'npm run new:briefing -- --term 2025-26-summer --title "What our audits found" [--kind termly-quality-briefing] [--publish]';

interface Options {
  term?: string;
  title?: string;
  kind?: string;
  publish?: boolean;
}

/**
 * `npm run new:briefing --term 2025-26-summer --title "…"` (no "--") gives the script no options:
 * npm sets npm_config_term=true and passes the values on as bare words. The values are put back by
 * their shape: a term id, a kind of briefing, and the rest is the title.
 */
function npmFallback(o: Options, positionals: string[], env: NodeJS.ProcessEnv): Options {
  const out = { ...o };
  const words = [...positionals];
  const take = (test: (w: string) => boolean) => {
    const i = words.findIndex(test);
    return i === -1 ? undefined : words.splice(i, 1)[0];
  };
  const fromEnv = (name: string) => {
    const v = env[`npm_config_${name}`];
    return v === undefined || v === '' ? undefined : v;
  };
  const termEnv = fromEnv('term');
  const kindEnv = fromEnv('kind');
  const titleEnv = fromEnv('title');
  out.term ??= termEnv && termEnv !== 'true' ? termEnv : take((w) => /^\d{4}-\d{2}-[a-z]+$/.test(w));
  out.kind ??= kindEnv && kindEnv !== 'true' ? kindEnv : kindEnv === 'true' ? take((w) => w in BRIEFING_KINDS) : undefined;
  out.title ??= titleEnv && titleEnv !== 'true' ? titleEnv : words.length ? words.join(' ') : undefined;
  out.publish ||= fromEnv('publish') === 'true';
  return out;
}

function readOptions(): Options {
  let parsed;
  try {
    parsed = parseArgs({
      options: { term: { type: 'string' }, title: { type: 'string' }, kind: { type: 'string' }, publish: { type: 'boolean', default: false } },
      allowPositionals: true,
    });
  } catch (error) {
    throw new UsageError(`The options could not be read: ${(error as Error).message}`, USAGE);
  }
  return npmFallback(parsed.values, parsed.positionals, process.env);
}

await runCli(async () => {
  const values = readOptions();
  const root = process.cwd();
  const terms = allTerms(loadPartnership(root)).map((t) => t.id);
  if (!values.term || !values.title) throw new UsageError(`Please give ${!values.term ? 'the term' : 'the title'} of the briefing.`, USAGE);
  if (!terms.includes(values.term)) {
    const near = didYouMean(values.term, terms);
    throw new UsageError(`--term "${values.term}" is not a term in data/partnership.yaml.${near ? ` Did you mean ${near}?` : ''} Use one of: ${terms.join(', ')}`, USAGE);
  }
  if (values.kind && !(values.kind in BRIEFING_KINDS)) {
    const near = didYouMean(values.kind, Object.keys(BRIEFING_KINDS));
    throw new UsageError(`--kind "${values.kind}" is not a kind of briefing.${near ? ` Did you mean ${near}?` : ''} Use one of: ${Object.keys(BRIEFING_KINDS).join(', ')}`, USAGE);
  }

  // A briefing's figures come from its term's report: a term with no data would give a draft that fails at once.
  const { content, data } = await checkAll(root);
  const cfg = content.partnership;
  const reports = data && !data.problems.some((p) => !p.file.startsWith('content/')) && cfg
    ? [...new Set(data.audits.map((a) => termOf(allTerms(cfg), a.completed_on)?.id).filter(Boolean))].map((id) => ({ term: { id: id! } }))
    : undefined;
  const auditFile = `${DATASETS.audits.folder}/${values.term}.csv`;
  const hasData = reports ? reports.some((r) => r.term.id === values.term) : existsSync(join(root, auditFile));
  if (!hasData) {
    const withData = reports?.map((r) => r.term.id).join(', ');
    throw new UsageError(
      `There are no figures for ${values.term} yet, so a briefing for it would have nothing to quote. ` +
        `Add the term's audits as ${auditFile} first (see data/README.md)${withData ? `, or choose a term that has data: ${withData}` : ''}.`,
    );
  }

  const { path, text } = briefingSkeleton({
    term: values.term,
    title: values.title,
    today: new Date().toISOString().slice(0, 10),
    kind: values.kind as keyof typeof BRIEFING_KINDS | undefined,
    draft: !values.publish,
  });
  const file = join(root, path);
  if (existsSync(file)) throw new UsageError(`${path} already exists: choose another title, or edit that file.`);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text);
  console.log(`Wrote ${path}${values.publish ? '' : ' (a draft: it shows in previews; set "draft: false" to publish it)'}.`);
});
