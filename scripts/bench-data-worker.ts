// One measured run for scripts/bench-data.ts, in its own process so peak memory is its own.
//   tsx scripts/bench-data-worker.ts <bare|full> <file.csv>
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { DATASETS, type AuditRecord } from '../src/lib/data/columns';
import { decodeCsv } from '../src/lib/data/csv';
import { readCsvText } from '../src/lib/data/read-dataset';
import { tallyTerms } from '../src/lib/tally/tally';
import { loadPartnership } from '../src/lib/partnership';

const [mode, file] = process.argv.slice(2) as ['bare' | 'bare-objects' | 'full', string];
const cfg = loadPartnership();
const standardIds = new Set(['ehc-plan-1', 'ehc-plan-2', 'ehc-plan-3', 'ehc-plan-4', 'ehc-plan-5']);
const started = performance.now();
let rows = 0;
let problems = 0;
let reports = 0;
if (mode === 'bare') {
  const text = readFileSync(file, 'utf8');
  rows = Papa.parse<string[]>(text, { header: false, skipEmptyLines: true }).data.length - 1;
} else if (mode === 'bare-objects') {
  const text = readFileSync(file, 'utf8');
  rows = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true }).data.length;
} else {
  const decoded = decodeCsv(file, readFileSync(file));
  const out = readCsvText<AuditRecord>(file, decoded.text!, DATASETS.audits, { cfg, standardIds, today: '2026-11-23' }, new Map());
  rows = out.records.length;
  problems = out.problems.length;
  // The tally stage; disclosure control is timed separately (scripts/bench-disclosure.ts).
  reports = tallyTerms({ cfg, audits: out.records, feedback: [], complaints: [], standards: [...standardIds] }).length;
}
const ms = performance.now() - started;
console.log(JSON.stringify({ mode, rows, problems, reports, ms, maxRssMb: process.resourceUsage().maxRSS / 1024 }));
