/** The data dictionary of the CSV files, in Markdown, made from the same column definitions that check them. */
import type { Column, ColumnContext } from './columns.ts';
import { DATASETS } from './columns.ts';

const esc = (s: string) => s.replace(/\|/g, '\\|');

export function dataDictionary(ctx: ColumnContext): string {
  const out: string[] = [];
  for (const ds of Object.values(DATASETS)) {
    out.push(`### ${ds.title}: \`${ds.folder}/*.csv\``, '');
    out.push('| column | meaning | type | allowed values | required | example |', '| --- | --- | --- | --- | --- | --- |');
    for (const c of Object.values(ds.columns) as Column[]) {
      out.push(`| \`${c.name}\` | ${esc(c.meaning)} | ${c.type} | ${esc(c.allowed(ctx))} | ${c.required ? 'yes' : 'no'} | \`${c.example}\` |`);
    }
    out.push('');
  }
  return out.join('\n');
}

export const DICTIONARY_START = '<!-- data-dictionary:start (written by npm run data:dictionary; do not edit by hand) -->';
export const DICTIONARY_END = '<!-- data-dictionary:end -->';

/** The README with its dictionary section replaced. */
export function withDictionary(readme: string, dictionary: string): string {
  const block = `${DICTIONARY_START}\n${dictionary}\n${DICTIONARY_END}`;
  if (!readme.includes(DICTIONARY_START)) return `${readme.trimEnd()}\n\n${block}\n`;
  return readme.replace(new RegExp(`${DICTIONARY_START.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}[\\s\\S]*${DICTIONARY_END}`), block);
}
