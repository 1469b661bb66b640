// npm run data:dictionary: rewrites the data dictionary in data/README.md from the column
// definitions in src/lib/data/columns.ts (a test checks they agree).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkContent } from '../src/lib/content-check';
import { dataDictionary, withDictionary } from '../src/lib/data/dictionary';
import { ValidationError } from '../src/lib/problems';
import { runCli } from './cli';

await runCli(() => {
  const root = process.cwd();
  const { content, problems } = checkContent(root);
  // The dictionary lists the partnership's own values: it cannot be written while they have mistakes.
  if (!content.partnership) throw new ValidationError(problems);
  const ctx = { cfg: content.partnership, standardIds: new Set(content.standards.map((s) => s.id).sort((a, b) => a.localeCompare(b, 'en', { numeric: true }))), today: '2026-01-01' };
  const file = join(root, 'data/README.md');
  writeFileSync(file, withDictionary(readFileSync(file, 'utf8'), dataDictionary(ctx)));
  console.log('data/README.md: data dictionary written');
});
