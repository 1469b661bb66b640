/**
 * Personal data never reaches any output: every identifier type, written into every column of
 * every dataset (as the whole cell, inside a list cell, and as a heading), is refused, and its
 * value appears in none of the texts a person could see: the terminal listing, the pull-request
 * annotations or the job summary.
 */
import { describe, expect, it } from 'vitest';
import { annotations } from '../../../src/lib/annotations';
import { DATASETS, type DatasetName } from '../../../src/lib/data/columns';
import { redactProblem } from '../../../src/lib/data/load';
import { readCsvText } from '../../../src/lib/data/read-dataset';
import { redactIdentifiers } from '../../../src/lib/data/privacy';
import { formatProblems, type Problem } from '../../../src/lib/problems';
import { loadPartnership } from '../../../src/lib/partnership';
import { ROOT } from '../../helpers/project-copy';

const cfg = loadPartnership(ROOT);
const ctx = { cfg, standardIds: new Set(['ehc-plan-1', 'ehc-plan-2', 'ehc-plan-3', 'ehc-plan-4', 'ehc-plan-5']), today: '2026-11-23' };

/** One value of each kind, with valid check characters (the same ones privacy.test.ts proves are caught). */
const IDENTIFIERS: [string, string, { dateOnly?: boolean }][] = [
  ['UPN', 'U820200101001', {}],
  ['NHS number', '943 476 5919', {}],
  ['NHS number (test range)', '9990000018', {}],
  ['ULN', '1234567899', {}],
  ['postcode', 'SW1A 1AA', {}],
  ['email address', 'parent@example.org', {}],
  ['phone number', '07700 900123', {}],
  ['date of birth', '14/03/2012', { dateOnly: true }],
];

/** Every text a person could see about these problems. */
function outputs(problems: Problem[]): string {
  const safe = problems.map(redactProblem);
  const summary = safe.map((p) => `| ${p.file} | ${p.line ?? ''} | ${p.field ?? ''} | ${p.message} | ${p.expected ?? ''} | ${p.fix ?? ''} |`).join('\n');
  return [formatProblems(safe), annotations(safe), summary].join('\n');
}

/** The value and its digits alone (so "943 476 5919" is not let through as "9434765919"). */
const forms = (v: string) => [v, v.replace(/[\s-]/g, '')].filter((x, i, a) => a.indexOf(x) === i);

function csv(name: DatasetName, column: string, value: string): string {
  const cols = Object.values(DATASETS[name].columns);
  const row = cols.map((c) => (c.name === column ? value : c.example));
  const q = (s: string) => (/[",]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  return `${cols.map((c) => c.name).join(',')}\n${row.map(q).join(',')}\n`;
}

const cases = (Object.keys(DATASETS) as DatasetName[]).flatMap((name) =>
  Object.values(DATASETS[name].columns).flatMap((col) =>
    IDENTIFIERS.filter(([, , o]) => !(o.dateOnly && col.isDate)).flatMap(([kind, value]) => [
      { name, column: col.name, kind, value, cell: value, how: 'whole cell' },
      { name, column: col.name, kind, value, cell: `${col.example};${value}`, how: 'list item' },
    ]),
  ),
);

describe('the privacy guard on every column of every dataset', () => {
  it('has a case for each identifier in each column', () => expect(cases.length).toBeGreaterThan(200));

  it.each(cases.map((c) => [`${c.name}.${c.column} ← ${c.kind} (${c.how})`, c] as const))('%s is refused and never echoed', (_, c) => {
    const { problems, records } = readCsvText(`data/${c.name}/test.csv`, csv(c.name, c.column, c.cell), DATASETS[c.name], ctx, new Map());
    expect(records).toHaveLength(0);
    const out = outputs(problems);
    expect(out).toMatch(/personal data/);
    for (const f of forms(c.value)) expect(out, `${c.value} appears in the output`).not.toContain(f);
  });

  it.each(IDENTIFIERS.filter(([, , o]) => !o.dateOnly))('a heading that is a %s is refused and never echoed', (_, value) => {
    const name: DatasetName = 'audits';
    const text = csv(name, 'audit_ref', 'NV-A-2024-0001').replace(/\n/, `,${value}\n`).replace(/\n(.+)\n$/, '\n$1,x\n');
    const { problems } = readCsvText(`data/${name}/test.csv`, text, DATASETS[name], ctx, new Map());
    const out = outputs(problems);
    expect(problems.length).toBeGreaterThan(0);
    for (const f of forms(value)) expect(out).not.toContain(f);
  });
});

describe('redaction, the last line of defence on every message', () => {
  it.each(IDENTIFIERS.filter(([, , o]) => !o.dateOnly))('removes a %s from any text', (_, value) => {
    const text = `found "ehc-plan-2;${value}", which is not a known standard`;
    const out = redactIdentifiers(text);
    for (const f of forms(value)) expect(out).not.toContain(f);
    expect(out).toMatch(/\[removed: looks like /);
  });

  it('leaves ordinary messages alone', () => {
    const text = 'found "2026-90-15", which is not a real date; ref NV-A-2024-0001, standard ehc-plan-2, 285 audits';
    expect(redactIdentifiers(text)).toBe(text);
  });
});
