// Data benchmark (part of npm run bench): generates 10k, 100k and 1M audit rows, times
// read + decode + parse + validate + privacy guard + aggregate + disclosure control, against a
// bare papaparse parse of the same file in the same run, and reports rows per second, the
// ratio and peak memory. Then times a full site build with 100k rows.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, rmSync, writeFileSync, existsSync, statSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { generateLargeAuditFile } from '../src/lib/data/synthetic';
import { loadPartnership } from '../src/lib/partnership';

const root = process.cwd();
const cfg = loadPartnership(root);
const sizes = (process.env.BENCH_ROWS ?? '10000,100000,1000000').split(',').map(Number);
const work = join(tmpdir(), 'send-quality-bench');
mkdirSync(work, { recursive: true });
const tsx = join(root, 'node_modules/.bin/tsx');

function run(mode: 'bare' | 'bare-objects' | 'full', file: string) {
  const out = execFileSync(tsx, ['scripts/bench-data-worker.ts', mode, file], { cwd: root, encoding: 'utf8' });
  return JSON.parse(out.trim().split('\n').at(-1)!) as { rows: number; problems: number; reports: number; ms: number; maxRssMb: number };
}
type Mode = 'bare' | 'bare-objects' | 'full';
/**
 * Runs the three modes in turn, `times` rounds (bare, objects, full, bare, …), so a slow spell of
 * the machine falls on all three alike, and returns each mode's median run. A run at 10,000 rows
 * lasts 20 to 45 ms, so one run says little: the best of three sequential runs of each mode moved
 * the 10,000-row ratio between 1.53× and 1.93× from one invocation to the next.
 */
function medians(file: string, times: number): Record<Mode, ReturnType<typeof run>> {
  const runs: Record<Mode, ReturnType<typeof run>[]> = { bare: [], 'bare-objects': [], full: [] };
  for (let r = 0; r < times; r++) for (const mode of ['bare', 'bare-objects', 'full'] as const) runs[mode].push(run(mode, file));
  const mid = (xs: ReturnType<typeof run>[]) => [...xs].sort((a, b) => a.ms - b.ms)[Math.floor(xs.length / 2)]!;
  return { bare: mid(runs.bare), 'bare-objects': mid(runs['bare-objects']), full: mid(runs.full) };
}
/** Rounds at each size: many where a run is short and noisy, one at 1,000,000 rows (about 2 s a run). */
const roundsFor = (n: number) => (n >= 1_000_000 ? 1 : n >= 100_000 ? 5 : 11);

const NEUTRAL_BRIEFING = `---
title: "Benchmark briefing"
term: 2025-26-summer
published: 2026-09-15
audience: [practitioners]
kind: practice-learning-brief
summary: "A briefing that quotes no figures, for the benchmark build with synthetic data."
standards: [ehc-plan-2]
guidance: [smart-outcomes]
---

## What this is

A briefing written for the benchmark build. It quotes no figures, because the audit data are synthetic.
`;

const lines: string[] = [];
const say = (s = '') => (console.log(s), lines.push(s));
say(`Machine: ${cpus().length} × ${cpus()[0]?.model.trim()}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}. Median of ${sizes.map((n) => `${roundsFor(n)} at ${n.toLocaleString('en-GB')} rows`).join(', ')}, each round running the three in turn.`);
say('');
say('| Rows | File | papaparse, rows as arrays | papaparse, rows as objects | Full pipeline | Rows per second (full) | Ratio to objects | Ratio to arrays | Peak memory (full) |');
say('| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
for (const n of sizes) {
  const file = join(work, `audits-${n}.csv`);
  if (!existsSync(file)) writeFileSync(file, generateLargeAuditFile(cfg, n));
  const { bare, 'bare-objects': objects, full } = medians(file, roundsFor(n));
  if (full.problems) throw new Error(`${full.problems} problems in the generated file`);
  say(`| ${n.toLocaleString('en-GB')} | ${(statSync(file).size / 2 ** 20).toFixed(1)} MB | ${bare.ms.toFixed(0)} ms | ${objects.ms.toFixed(0)} ms | ${full.ms.toFixed(0)} ms | ${Math.round(full.rows / (full.ms / 1000)).toLocaleString('en-GB')} | ${(full.ms / objects.ms).toFixed(2)}× | ${(full.ms / bare.ms).toFixed(2)}× | ${full.maxRssMb.toFixed(0)} MB |`);
}

if (!process.env.BENCH_SKIP_BUILD) {
  // A full build of the example site with 100k audit rows instead of the example audits.
  const copy = join(work, 'site-100k');
  rmSync(copy, { recursive: true, force: true });
  for (const f of ['astro.config.mjs', 'package.json', 'tsconfig.json', 'src', 'public', 'content', 'data']) cpSync(join(root, f), join(copy, f), { recursive: true });
  execFileSync('ln', ['-s', join(root, 'node_modules'), join(copy, 'node_modules')]);
  rmSync(join(copy, 'data/audits'), { recursive: true });
  mkdirSync(join(copy, 'data/audits'));
  writeFileSync(join(copy, 'data/audits/audits-100000.csv'), generateLargeAuditFile(cfg, 100_000));
  // The example briefings quote figures (<Stat>, <StandardLink rank>, …) that hold for the example
  // data, not for synthetic data, and the build rightly refuses claims that do not hold. The copy
  // keeps one briefing that quotes nothing, so the briefing pages are still built.
  rmSync(join(copy, 'content/briefings'), { recursive: true });
  mkdirSync(join(copy, 'content/briefings'));
  writeFileSync(join(copy, 'content/briefings/bench-neutral-briefing.mdx'), NEUTRAL_BRIEFING);
  const started = performance.now();
  // `npm run build`: the site, then its search index.
  const r = spawnSync(process.execPath, [join(root, 'scripts/build.mjs')], { cwd: copy, encoding: 'utf8', env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' } });
  if (r.status !== 0) throw new Error(`100k build failed:\n${r.stdout}\n${r.stderr}`);
  const s = ((performance.now() - started) / 1000).toFixed(1);
  say('');
  say(`Full site build with 100,000 audit rows, default Node heap: ${s} s.`);
  rmSync(copy, { recursive: true, force: true });
}

if (process.env.BENCH_RECORD) {
  const file = join(root, 'docs/benchmarks.md');
  const { readFileSync } = await import('node:fs');
  let doc = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmarks\n';
  const START = '<!-- data:start -->';
  const END = '<!-- data:end -->';
  if (!doc.includes(START)) doc += `\n## Reading the audit data\n\n${START}\n${END}\n`;
  doc = doc.replace(new RegExp(`${START}[\\s\\S]*${END}`), `${START}\nRecorded ${new Date().toISOString().slice(0, 10)} with \`npm run bench\`.\n\n${lines.join('\n')}\n${END}`);
  writeFileSync(file, doc);
  console.log('Recorded in docs/benchmarks.md');
}
