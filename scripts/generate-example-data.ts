// npm run data:example — writes the bundled example data for the fictional partnership:
// three academic years of audits, family feedback and compliments and complaints, one file
// per term, and services' self-evaluation, one file per academic year. Deterministic: the
// same seed always writes the same files.
//
//   npm run data:example                      writes data/audits, data/feedback, data/compliments-complaints, data/self-evaluation
//   npm run data:example -- --rows 100000 --out /tmp/big   one large audit file for benchmarks
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadPartnership } from '../src/lib/partnership';
import { generateExampleData, generateLargeAuditFile } from '../src/lib/data/synthetic';
import { runCli } from './cli';

await runCli(() => {
  const { values } = parseArgs({
    options: {
      seed: { type: 'string', default: '2024' },
      rows: { type: 'string' },
      out: { type: 'string' },
      until: { type: 'string', default: '2026-08-31' },
    },
  });
  const root = process.cwd();
  const cfg = loadPartnership(root);

  if (values.rows) {
    const out = values.out ?? join(root, 'bench-data');
    mkdirSync(join(out, 'audits'), { recursive: true });
    const file = join(out, 'audits', `audits-${values.rows}.csv`);
    writeFileSync(file, generateLargeAuditFile(cfg, Number(values.rows), Number(values.seed), values.until));
    console.log(`Wrote ${values.rows} audit rows to ${file}`);
  } else {
    const files = generateExampleData(cfg, { seed: Number(values.seed), until: values.until });
    const out = values.out ?? root;
    for (const [folder, map] of [['data/audits', files.audits], ['data/feedback', files.feedback], ['data/compliments-complaints', files.complaints], ['data/self-evaluation', files.selfEvaluation]] as const) {
      mkdirSync(join(out, folder), { recursive: true });
      for (const [term, text] of map) writeFileSync(join(out, folder, `${term}.csv`), text);
      const rows = [...map.values()].reduce((n, t) => n + t.trim().split('\n').length - 1, 0);
      console.log(`${folder}: ${map.size} files, ${rows} rows`);
    }
  }
});
