import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkContent } from '../../../src/lib/content-check';
import { DATASETS } from '../../../src/lib/data/columns';
import { dataDictionary, withDictionary } from '../../../src/lib/data/dictionary';

const root = join(import.meta.dirname, '../../..');

describe('the data dictionary in data/README.md', () => {
  const readme = readFileSync(join(root, 'data/README.md'), 'utf8');
  const { content } = checkContent(root);
  const ctx = { cfg: content.partnership!, standardIds: new Set(content.standards.map((s) => s.id).sort((a, b) => a.localeCompare(b, 'en', { numeric: true }))), today: '2026-01-01' };

  it('documents every column of every kind of data file', () => {
    for (const ds of Object.values(DATASETS)) for (const name of Object.keys(ds.columns)) expect(readme).toContain(`| \`${name}\` |`);
  });

  it('is exactly what the column definitions say (run "npm run data:dictionary" after changing them)', () => {
    expect(withDictionary(readme, dataDictionary(ctx))).toBe(readme);
  });
});
