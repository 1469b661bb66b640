import { readFileSync } from 'node:fs';
import { DATASETS, type AuditRecord } from '../src/lib/data/columns';
import { decodeCsv } from '../src/lib/data/csv';
import { readCsvText } from '../src/lib/data/read-dataset';
import { tallyTerms } from '../src/lib/tally/tally';
import { loadPartnership } from '../src/lib/partnership';
const file = process.argv[2]!;
const cfg = loadPartnership();
const standardIds = new Set(['ehc-plan-1', 'ehc-plan-2', 'ehc-plan-3', 'ehc-plan-4', 'ehc-plan-5']);
for (let r = 0; r < 3; r++) {
  let t = performance.now();
  const buf = readFileSync(file);
  const decoded = decodeCsv(file, buf);
  const a = performance.now() - t; t = performance.now();
  const out = readCsvText<AuditRecord>(file, decoded.text!, DATASETS.audits, { cfg, standardIds, today: '2026-11-23' }, new Map());
  const b = performance.now() - t; t = performance.now();
  tallyTerms({ cfg, audits: out.records, feedback: [], complaints: [], standards: [...standardIds] });
  const c = performance.now() - t;
  console.log(`decode ${a.toFixed(1)} read ${b.toFixed(1)} tally ${c.toFixed(1)}`);
}
