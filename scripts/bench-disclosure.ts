// npm run bench:disclosure: how long disclosure control and its solver audit take, per term,
// solved afresh (no cache), on the example data and on 100,000 generated audit rows.
import { checkContent } from '../src/lib/content-check';
import { DATASETS, type AuditRecord } from '../src/lib/data/columns';
import { loadData, practiceStandards } from '../src/lib/data/load';
import { readCsvText } from '../src/lib/data/read-dataset';
import { generateLargeAuditFile } from '../src/lib/data/synthetic';
import { buildSnapshot, type SnapshotInput } from '../src/lib/snapshot';

const root = process.cwd();
const { content } = checkContent(root);
const cfg = content.partnership!;
const data = await loadData(root, { content });

async function run(label: string, input: SnapshotInput) {
  const started = performance.now();
  const snap = await buildSnapshot({ ...input, cacheDir: undefined });
  const total = performance.now() - started;
  console.log(`\n${label}: ${snap.disclosure.length} terms, ${(total / 1000).toFixed(1)} s in all`);
  console.table(snap.disclosure.map((d) => ({ term: d.term, 'solver checks': d.findings.length, solves: d.solves, seconds: (d.ms / 1000).toFixed(2), failed: d.findings.filter((f) => !f.ok).length })));
}

const standards = practiceStandards(content, data.audits);
await run('Example data', { cfg, audits: data.audits, feedback: data.feedback, complaints: data.complaints, standards });

const text = generateLargeAuditFile(cfg, 100_000, 7);
const ctx = { cfg, standardIds: new Set(content.standards.map((s) => s.id)), today: new Date().toISOString().slice(0, 10) };
const big = readCsvText<AuditRecord>('bench.csv', text, DATASETS.audits, ctx, new Map());
console.log(`\n100,000 generated rows read: ${big.records.length} records, ${big.problems.length} problems`);
await run('100,000 rows', { cfg, audits: big.records, feedback: [], complaints: [], standards });
