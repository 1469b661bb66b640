// npm run bench:build [N] [--rounds 3] [--keep] [--cpu-prof] [--only project|floor] [--search word,…]
//
// Builds this project and a bare Astro + @astrojs/mdx + Pagefind "floor" project over the same N
// generated guidance pages (scripts/bench-pages.ts), in temporary folders, alternating cold runs
// (no .astro/, dist/ or node_modules/.astro, .vite caches), and prints the median time, Astro's
// phase timings, peak memory of the whole process tree, and the project/floor ratio.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync, cpSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchPages, type BenchPage } from './bench-pages';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

export interface RunResult {
  ok: boolean;
  /** Wall time of the whole build, Pagefind included, in ms. */
  ms: number;
  /** Peak resident memory of the build's process tree (sampled every 50 ms), in MB. */
  peakMb: number;
  /** Astro's phases, from when each log line arrived (see phases()); pagefind: the search index step. */
  phases: { startup?: number; sync?: number; prepare?: number; vite?: number; pages?: number; after?: number; pagefind?: number };
  log: string;
  /** Pagefind processes still running after the build exited. */
  leftover: number;
}

export interface Options {
  n: number;
  rounds: number;
  keep?: boolean;
  cpuProf?: boolean;
  only?: 'project' | 'floor';
  /** After the last project build, measure one search for each of these words in a browser. */
  search?: string[];
  log?: (s: string) => void;
}

/** Every entry of the project's node_modules linked one by one, so each copy has its own caches. */
function linkNodeModules(dir: string) {
  const nm = join(dir, 'node_modules');
  mkdirSync(nm);
  for (const name of readdirSync(join(ROOT, 'node_modules'))) {
    if (name === '.astro' || name === '.vite' || name === '.cache') continue;
    symlinkSync(join(ROOT, 'node_modules', name), join(nm, name));
  }
  // Disclosure decisions depend on the audit data, not on the pages, and a real site keeps them
  // between builds (src/lib/snapshot.ts). The benchmark measures what pages cost, so it starts
  // from this project's decisions for the same example data where they exist (else round 1 of
  // the project pays for solving them, about 40 s, and the median of three hides it).
  const decisions = join(ROOT, 'node_modules/.cache/send-quality');
  if (existsSync(decisions)) cpSync(decisions, join(nm, '.cache/send-quality'), { recursive: true });
}

function standardIds(): string[] {
  const ids: string[] = [];
  const base = join(ROOT, 'content/standards');
  for (const set of readdirSync(base)) {
    for (const f of readdirSync(join(base, set))) {
      const text = readFileSync(join(base, set, f), 'utf8');
      const s = /^set:\s*(\S+)/m.exec(text)?.[1];
      const n = /^number:\s*(\d+)/m.exec(text)?.[1];
      if (s && n) ids.push(`${s}-${Number(n)}`);
    }
  }
  return ids.sort();
}

export function makeProject(dir: string, pages: BenchPage[]) {
  for (const f of ['astro.config.mjs', 'package.json', 'tsconfig.json', 'src', 'scripts', 'public', 'content', 'data']) cpSync(join(ROOT, f), join(dir, f), { recursive: true });
  linkNodeModules(dir);
  for (const p of pages) writeFileSync(join(dir, 'content/guidance', `${p.slug}.mdx`), p.mdx);
}

export function makeFloor(dir: string, pages: BenchPage[]) {
  mkdirSync(join(dir, 'src/pages'), { recursive: true });
  mkdirSync(join(dir, 'src/layouts'), { recursive: true });
  mkdirSync(join(dir, 'content/guidance'), { recursive: true });
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'floor', private: true, type: 'module' }, null, 2));
  writeFileSync(
    join(dir, 'astro.config.mjs'),
    `import { defineConfig } from 'astro/config';\nimport mdx from '@astrojs/mdx';\nexport default defineConfig({ site: 'https://floor.example', integrations: [mdx()], markdown: { syntaxHighlight: false } });\n`,
  );
  writeFileSync(
    join(dir, 'src/content.config.ts'),
    `import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';
const guidance = defineCollection({
  loader: glob({ pattern: '**/*.mdx', base: './content/guidance' }),
  schema: z.object({ title: z.string(), summary: z.string(), audience: z.array(z.string()), stage: z.array(z.string()), standards: z.array(z.string()).default([]), updated: z.coerce.date() }),
});
export const collections = { guidance };
`,
  );
  writeFileSync(
    join(dir, 'src/layouts/Layout.astro'),
    `---
const { title } = Astro.props;
---
<!doctype html>
<html lang="en-GB">
  <head><meta charset="utf-8" /><meta name="viewport" content="width=device-width, initial-scale=1" /><title>{title}</title></head>
  <body><main data-pagefind-body><slot /></main></body>
</html>
`,
  );
  writeFileSync(
    join(dir, 'src/pages/[slug].astro'),
    `---
import { getCollection, render } from 'astro:content';
import Layout from '../layouts/Layout.astro';
export async function getStaticPaths() {
  return (await getCollection('guidance')).map((entry) => ({ params: { slug: entry.id }, props: { entry } }));
}
const { entry } = Astro.props;
const { Content } = await render(entry);
---
<Layout title={entry.data.title}><h1>{entry.data.title}</h1><p>{entry.data.summary}</p><Content /></Layout>
`,
  );
  // The plainest use of Pagefind's own JavaScript interface, for measuring what one search costs
  // on the floor the same way as on the project (--search): the first four results, as the
  // project's search page loads them.
  writeFileSync(
    join(dir, 'src/pages/search.astro'),
    `<html lang="en-GB"><head><meta charset="utf-8" /><title>Search</title></head>
<body><main><label for="search-q">Search</label> <input id="search-q" type="search" /><ol id="search-results"></ol></main>
<script is:inline type="module">
const loading = import('/pagefind/pagefind.js');
const input = document.getElementById('search-q');
const list = document.getElementById('search-results');
input.addEventListener('input', async () => {
  const pagefind = await loading;
  const search = await pagefind.search(input.value);
  const data = await Promise.all(search.results.slice(0, 4).map((r) => r.data()));
  list.replaceChildren(...data.map((d) => {
    const li = document.createElement('li');
    const a = document.createElement('a');
    a.href = d.url;
    a.textContent = d.meta.title;
    li.append(a);
    return li;
  }));
});
</script></body></html>
`,
  );
  linkNodeModules(dir);
  for (const p of pages) writeFileSync(join(dir, 'content/guidance', `${p.slug}.mdx`), p.mdx);
}

function clean(dir: string) {
  for (const d of ['dist', '.astro', 'node_modules/.astro', 'node_modules/.vite']) rmSync(join(dir, d), { recursive: true, force: true });
}

/** Resident memory of a process and its descendants; records the Pagefind processes among them in `pagefind`. */
function treeRssKb(pid: number, pagefind: Set<number>): number {
  let total = 0;
  const stack = [pid];
  while (stack.length) {
    const p = stack.pop()!;
    try {
      const status = readFileSync(`/proc/${p}/status`, 'utf8');
      if (/^Name:\s+pagefind/m.test(status)) pagefind.add(p);
      total += Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
      for (const t of readdirSync(`/proc/${p}/task`)) {
        const kids = readFileSync(`/proc/${p}/task/${t}/children`, 'utf8').trim();
        if (kids) stack.push(...kids.split(/\s+/).map(Number));
      }
    } catch {
      // the process ended between two reads
    }
  }
  return total;
}

/** Those of these processes that still exist (running, or finished but not yet reaped). */
function stillThere(pids: Iterable<number>): number[] {
  return [...pids].filter((p) => {
    try {
      // comm, not cmdline: a finished but unreaped process has an empty cmdline.
      return readFileSync(`/proc/${p}/comm`, 'utf8').startsWith('pagefind');
    } catch {
      return false;
    }
  });
}

/** Runs one command, timing it and sampling the memory of its process tree. */
function timed(cmd: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): Promise<{ code: number | null; ms: number; peakKb: number; lines: { t: number; s: string }[]; leftover: number }> {
  return new Promise((resolve) => {
    const pagefind = new Set<number>();
    const started = performance.now();
    const child = spawn(cmd, args, { cwd, env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', FORCE_COLOR: '0', NO_COLOR: '1', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    const lines: { t: number; s: string }[] = [];
    let peakKb = 0;
    const sample = () => {
      peakKb = Math.max(peakKb, treeRssKb(child.pid!, pagefind));
    };
    const timer = setInterval(sample, 50);
    let rest = '';
    const onData = (buf: Buffer) => {
      const t = performance.now() - started;
      const parts = (rest + buf.toString('utf8')).split('\n');
      rest = parts.pop()!;
      for (const s of parts) lines.push({ t, s });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    let ms = 0;
    let leftover = 0;
    child.on('exit', () => {
      ms = performance.now() - started;
      clearInterval(timer);
      // A Pagefind process the build started and left behind, running or unreaped, when it exited.
      leftover = stillThere(pagefind).length;
    });
    // 'close' comes once every process holding the output pipes has gone, after 'exit'.
    child.on('close', (code) => {
      if (rest) lines.push({ t: ms, s: rest });
      resolve({ code, ms, peakKb, lines, leftover });
    });
  });
}

/**
 * Phase timings from when Astro's log lines arrived: startup (loading the config and running the
 * config hooks, this project's content check included), content sync, types and build info,
 * Vite bundling, page generation, and what follows (Pagefind, sitemap, headers) up to exit.
 */
function phases(lines: { t: number; s: string }[], total: number, pagefindMs?: number): RunResult['phases'] {
  const at = (re: RegExp) => lines.find((l) => re.test(l.s))?.t;
  const syncStart = at(/Syncing content/);
  const synced = at(/Synced content/);
  const bundle = at(/Building static entrypoints/);
  const genStart = at(/generating static routes/);
  const genEnd = genStart === undefined ? undefined : lines.find((l) => l.t >= genStart && /Completed in/.test(l.s))?.t;
  const d = (a?: number, b?: number) => (a === undefined || b === undefined ? undefined : b - a);
  return {
    startup: syncStart,
    sync: d(syncStart, synced),
    prepare: d(synced, bundle),
    vite: d(bundle, genStart),
    pages: d(genStart, genEnd),
    after: d(genEnd, total),
    pagefind: pagefindMs,
  };
}

const ASTRO = join(ROOT, 'node_modules/astro/bin/astro.mjs');

export async function buildOnce(kind: 'project' | 'floor', dir: string, opts: { cpuProf?: boolean } = {}): Promise<RunResult> {
  clean(dir);
  const nodeArgs = opts.cpuProf ? ['--cpu-prof', `--cpu-prof-dir=${join(dir, 'prof')}`] : [];
  if (kind === 'project') {
    // Exactly `npm run build` (scripts/build.mjs: astro build, with its allocator settings, then
    // the search index), its memory counted with the small process that starts the two.
    const run = await timed(process.execPath, ['scripts/build.mjs'], dir, opts.cpuProf ? { NODE_OPTIONS: nodeArgs.join(' ') } : {});
    // The search index starts when Astro has printed its last line.
    const done = run.lines.findLast((l) => /\[build\] Complete!/.test(l.s))?.t;
    return {
      ok: run.code === 0,
      ms: run.ms,
      peakMb: run.peakKb / 1024,
      phases: phases(run.lines, run.ms, done === undefined ? undefined : run.ms - done),
      log: run.lines.map((l) => l.s).join('\n'),
      leftover: run.leftover,
    };
  }
  const build = await timed(process.execPath, [...nodeArgs, ASTRO, 'build'], dir);
  const log = build.lines.map((l) => l.s).join('\n');
  if (build.code !== 0) {
    return { ok: false, ms: build.ms, peakMb: build.peakKb / 1024, phases: phases(build.lines, build.ms), log, leftover: build.leftover };
  }
  // The floor runs Pagefind's command line after the build has exited, over every page, with the
  // language option the project uses (the project's build does the same with the pages it listed).
  const pf = await timed(join(dir, 'node_modules/.bin/pagefind'), ['--site', 'dist', '--force-language', 'en'], dir);
  return {
    ok: pf.code === 0,
    ms: build.ms + pf.ms,
    peakMb: Math.max(build.peakKb, pf.peakKb) / 1024,
    phases: phases(build.lines, build.ms + pf.ms, pf.ms),
    log: `${log}\n${pf.lines.map((l) => l.s).join('\n')}`,
    leftover: build.leftover + pf.leftover,
  };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2) : NaN;
};
const times = (x: number) => (Number.isFinite(x) ? `${x.toFixed(2)}×` : '–');
const sec = (ms: number | undefined) => (ms === undefined || Number.isNaN(ms) ? '–' : `${(ms / 1000).toFixed(1)} s`);

export function machine(): string {
  const load = loadavg().map((l) => l.toFixed(2)).join(', ');
  return `${cpus().length} × ${cpus()[0]?.model.trim()}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, load average at start ${load}`;
}

export interface BenchResult {
  n: number;
  rounds: number;
  project: RunResult[];
  floor: RunResult[];
  ratio: number;
  memRatio: number;
  table: string;
}

export async function benchBuild(o: Options): Promise<BenchResult> {
  const say = o.log ?? ((s: string) => console.log(s));
  const work = mkdtempSync(join(tmpdir(), 'send-quality-bench-build-'));
  const pages = benchPages(o.n, standardIds());
  const dirs = { project: join(work, 'project'), floor: join(work, 'floor') };
  makeProject(dirs.project, pages);
  makeFloor(dirs.floor, pages);
  say(`bench:build: ${o.n} generated guidance pages, ${o.rounds} round(s), alternating cold builds in ${work}`);
  say(`Machine: ${machine()}`);
  const runs: { project: RunResult[]; floor: RunResult[] } = { project: [], floor: [] };
  try {
    for (let r = 0; r < o.rounds; r++) {
      // Alternate which goes first, so neither always runs on a warmer (or busier) machine.
      const order: ('project' | 'floor')[] = r % 2 ? ['floor', 'project'] : ['project', 'floor'];
      for (const kind of order) {
        if (o.only && o.only !== kind) continue;
        const res = await buildOnce(kind, dirs[kind], { cpuProf: o.cpuProf });
        runs[kind].push(res);
        say(`  round ${r + 1} ${kind.padEnd(7)} ${res.ok ? 'ok    ' : 'FAILED'} ${sec(res.ms)}  peak ${res.peakMb.toFixed(0)} MB  startup ${sec(res.phases.startup)}  sync ${sec(res.phases.sync)}  vite ${sec(res.phases.vite)}  pages ${sec(res.phases.pages)}  after ${sec(res.phases.after)}${res.leftover ? `  (${res.leftover} Pagefind process(es) left running)` : ''}`);
        if (!res.ok) {
          say(res.log.split('\n').slice(-40).join('\n'));
          throw new Error(`The ${kind} build failed`);
        }
      }
    }
    if (runs.project.length) {
      // Index pages stay small however many entries there are (issue: at most 14 KB compressed):
      // every listing page of guidance, briefings and standards, and every standard page (which
      // lists its guidance), compressed as a server would send it.
      const { gzipSync } = await import('node:zlib');
      const { globSync } = await import('tinyglobby');
      const dist = join(dirs.project, 'dist');
      const indexes = globSync(['guidance/index.html', 'guidance/{for,stage,standard}/**/index.html', 'guidance/page/**/index.html', 'briefings/**/index.html', 'standards/**/index.html', 'index.html'], { cwd: dist });
      const sizes = indexes.map((f) => ({ f, bytes: gzipSync(readFileSync(join(dist, f))).byteLength })).sort((a, b) => b.bytes - a.bytes);
      if (sizes[0]) say(`Largest index page (compressed HTML): /${sizes[0].f.replace(/index\.html$/, '')} ${(sizes[0].bytes / 1024).toFixed(1)} KB, of ${sizes.length} index and standard pages`);
    }
    if (o.search?.length) {
      // The same measurement as the search budget test (scripts/search-transfer.ts), on the project's
      // search page and on the floor's plain use of Pagefind over the same pages.
      const [{ launchChromium }, { measureOneSearch }, { serveStatic }] = await Promise.all([import('./browser'), import('./search-transfer'), import('./static-server')]);
      const { kb, transferSize } = await import('./page-weight');
      const browser = await launchChromium();
      try {
        for (const kind of ['project', 'floor'] as const) {
          if (!runs[kind].length) continue;
          const dist = join(dirs[kind], 'dist');
          const site = await serveStatic(dist);
          try {
            for (const word of o.search) {
              const { files, bytes } = await measureOneSearch(browser, site.url, dist, word);
              const parts = new Map<string, number>();
              for (const f of files) {
                const part = /^pagefind\/(fragment|index|filter)\//.exec(f)?.[1] ?? f.replace(/^pagefind\//, '').replace(/\.[0-9a-f]{6,}\./, '.');
                parts.set(part, (parts.get(part) ?? 0) + transferSize(dist, [f]));
              }
              const detail = [...parts].map(([k, b]) => `${k} ${kb(b)}`).join(', ');
              say(`One search for "${word}" (${kind}, ${o.n} generated pages): ${files.length} files, ${kb(bytes)} (${detail})`);
            }
          } finally {
            await site.close();
          }
        }
      } finally {
        await browser.close();
      }
    }
  } finally {
    if (o.keep || o.cpuProf) say(`Kept ${work}`);
    else rmSync(work, { recursive: true, force: true });
  }
  const m = (kind: 'project' | 'floor', f: (r: RunResult) => number | undefined) => median(runs[kind].map(f).filter((x): x is number => x !== undefined));
  const row = (label: string, f: (r: RunResult) => number | undefined, fmt = sec) =>
    `| ${label} | ${fmt(m('project', f))} | ${fmt(m('floor', f))} | ${times(m('project', f) / m('floor', f))} |`;
  const mb = (x: number | undefined) => (x === undefined || Number.isNaN(x) ? '–' : `${x.toFixed(0)} MB`);
  const table = [
    `| ${o.n.toLocaleString('en-GB')} pages, median of ${o.rounds} | Project | Floor | Project/floor |`,
    '| --- | ---: | ---: | ---: |',
    row('Build, wall time', (r) => r.ms),
    row('Startup (config, config hooks)', (r) => r.phases.startup),
    row('Content sync', (r) => r.phases.sync),
    row('Types, build info', (r) => r.phases.prepare),
    row('Vite bundling', (r) => r.phases.vite),
    row('Page generation', (r) => r.phases.pages),
    row('After pages (Pagefind, sitemap, headers)', (r) => r.phases.after),
    row('Peak memory (process tree)', (r) => r.peakMb, mb),
  ].join('\n');
  const ratio = m('project', (r) => r.ms) / m('floor', (r) => r.ms);
  const memRatio = m('project', (r) => r.peakMb) / m('floor', (r) => r.peakMb);
  say('');
  say(table);
  say('');
  if (Number.isFinite(ratio)) say(`Ratio project/floor: ${ratio.toFixed(2)} (time), ${memRatio.toFixed(2)} (peak memory)`);
  return { n: o.n, rounds: o.rounds, ...runs, ratio, memRatio, table };
}

function parseArgs(argv: string[]): Options {
  const o: Options = { n: 1000, rounds: 3 };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--rounds') o.rounds = Number(argv[++i]);
    else if (a.startsWith('--rounds=')) o.rounds = Number(a.slice(9));
    else if (a === '--keep') o.keep = true;
    else if (a === '--cpu-prof') o.cpuProf = true;
    else if (a === '--only') o.only = argv[++i] as Options['only'];
    else if (a === '--search') o.search = argv[++i]!.split(',');
    else if (/^\d+$/.test(a)) o.n = Number(a);
    else throw new Error(`bench:build: unknown argument "${a}". Usage: npm run bench:build [N] [--rounds 3] [--keep] [--cpu-prof] [--only project|floor] [--search word,word]`);
  }
  if (!(o.n > 0) || !(o.rounds > 0)) throw new Error('bench:build: N and --rounds must be positive whole numbers');
  return o;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  benchBuild(parseArgs(process.argv.slice(2))).catch((e) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  });
}

