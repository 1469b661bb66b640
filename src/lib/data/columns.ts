/**
 * The columns of each kind of data file: what each means, what it accepts and how a cell is
 * read. The same definitions check the files and document them (data/README.md).
 */
import type { Partnership } from '../schemas/partnership.ts';
import { STAGES, LABELS } from '../schemas/common.ts';
import { allTerms, termOf } from './terms.ts';

export interface ColumnContext {
  cfg: Partnership;
  /** Ids of every standard, e.g. "ehc-plan-2". */
  standardIds: ReadonlySet<string>;
  /** Today, YYYY-MM-DD: later dates are refused. */
  today: string;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string; expected: string; fix?: string };

export interface Column<T = unknown> {
  name: string;
  required: boolean;
  meaning: string;
  type: string;
  /** Allowed values, described for people. */
  allowed: (ctx: ColumnContext) => string;
  example: string;
  /** True for the column holding the record's date: dates are expected there, not flagged as personal data. */
  isDate?: boolean;
  /** True for the record's reference, which must be unique. */
  isRef?: boolean;
  parse(raw: string, ctx: ColumnContext): Parsed<T>;
}

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });

/** Compares labels without regard to case, spaces, hyphens or underscores. */
export const fold = (s: string) => s.trim().toLowerCase().replace(/[\s_-]+/g, ' ');

/** Matches a cell against configured options by id or name ("Good ", "good", "requires-improvement"). */
export function optionColumn(
  name: string,
  meaning: string,
  list: (cfg: Partnership) => { id: string; name: string }[],
  what: string,
  example: string,
  configKey: string,
): Column<string> {
  const index = new WeakMap<Partnership, Map<string, string>>();
  const lookup = (cfg: Partnership) => {
    let m = index.get(cfg);
    if (!m) {
      m = new Map();
      for (const o of list(cfg)) m.set(fold(o.id), o.id).set(fold(o.name), o.id);
      index.set(cfg, m);
    }
    return m;
  };
  return {
    name,
    required: true,
    meaning,
    type: 'one of a list',
    allowed: (ctx) => list(ctx.cfg).map((o) => `\`${o.id}\` (${o.name})`).join(', '),
    example,
    parse(raw, ctx) {
      const id = lookup(ctx.cfg).get(fold(raw));
      if (id) return ok(id);
      return {
        ok: false,
        message: `found "${raw.trim()}", which is not ${what}`,
        expected: `one of: ${list(ctx.cfg).map((o) => o.name).join(', ')} (capital letters and spaces do not matter)`,
        fix: `correct the spelling, or if this is a new ${what.replace(/^an? /, '')}, add it to ${configKey} in data/partnership.yaml`,
      };
    },
  };
}

const DATE_ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const DATE_UK = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;
/**
 * A time of day after a date, as Excel writes a cell formatted as date and time:
 * "2023-10-03 00:00:00", "03/10/2023 0:00", "2023-10-03T00:00:00Z", "03/10/2023 12:00 AM".
 */
const TIME = /^(.+?)[ T]+(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(am|pm)?\s*(?:z|[+-]00:?00)?$/i;

/** A cell split into its date part and, when there is one, its time of day as written. */
function splitTime(s: string): { date: string; time?: string; midnight: boolean } {
  const m = TIME.exec(s);
  if (!m) return { date: s, midnight: true };
  const [hour, minute, second] = [Number(m[2]), Number(m[3]), Number(m[4] ?? 0)];
  const meridiem = m[5]?.toLowerCase();
  // 12:00 AM is midnight on a 12-hour clock; 00:00 on a 24-hour one.
  const midnight = minute === 0 && second === 0 && (meridiem ? meridiem === 'am' && hour === 12 : hour === 0);
  return { date: m[1]!.trim(), time: s.slice(m[1]!.length).trim(), midnight };
}

/** Reads a date alone (2024-09-01, or 01/09/2024 day/month/year) as YYYY-MM-DD, or undefined. */
function readDay(s: string): string | undefined {
  let y: number, m: number, d: number;
  let match = DATE_ISO.exec(s);
  if (match) [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  else if ((match = DATE_UK.exec(s))) [d, m, y] = [Number(match[1]), Number(match[2]), Number(match[3])];
  else return undefined;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return undefined;
  // Written out rather than with toISOString: the regular expressions above allow only four-digit years.
  return `${String(y).padStart(4, '0')}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}`;
}

/**
 * Reads 2024-09-01 or 01/09/2024 (UK day/month/year) as YYYY-MM-DD, or undefined. A midnight
 * time after the date ("2024-09-01 00:00:00", what Excel exports for a date cell) is read as
 * that date; any other time of day is not a date alone, so gives undefined.
 */
export function readDate(raw: string): string | undefined {
  const { date, midnight } = splitTime(raw.trim());
  return midnight ? readDay(date) : undefined;
}

export function dateColumn(name: string, meaning: string): Column<string> {
  return {
    name,
    required: true,
    meaning,
    type: 'date',
    allowed: (ctx) => `a real date from ${allTerms(ctx.cfg)[0]!.start} up to today, inside a term in data/partnership.yaml, written 2024-09-01 or 01/09/2024 (day/month/year); a time of 00:00 after it, as Excel exports a date, is ignored`,
    example: '2024-10-14',
    isDate: true,
    parse(raw, ctx) {
      const s = raw.trim();
      const { date, time, midnight } = splitTime(s);
      const iso = midnight ? readDay(date) : undefined;
      if (!iso) {
        if (!midnight && readDay(date)) {
          return {
            ok: false,
            message: `found "${s}", a date with the time of day ${time}; only the day is recorded, and a time other than midnight may mean the wrong cell or column was copied`,
            expected: `the day alone, such as ${date}, or the day with the time 00:00 (how Excel exports a date)`,
            fix: `write the day alone (${date}); in Excel, select the column, choose Format Cells › Date and pick a format without a time, then save as CSV UTF-8 again`,
          };
        }
        const shaped = DATE_ISO.test(date) || DATE_UK.test(date);
        return {
          ok: false,
          message: shaped ? `found "${s}", which is not a real date` : `found "${s}", which is not a date`,
          expected: 'a date written 2024-09-01 or 01/09/2024 (day/month/year)',
          fix: shaped ? 'check the day and month (UK dates are day/month/year)' : 'in Excel, format the column as a date such as 01/09/2024',
        };
      }
      if (iso > ctx.today) {
        return { ok: false, message: `found ${s}, which is in the future`, expected: `a date no later than today (${ctx.today})`, fix: 'check the year and the order of day and month' };
      }
      const terms = allTerms(ctx.cfg);
      const first = terms[0]!.start;
      const last = terms.at(-1)!.end;
      if (iso < first || iso > last) {
        return {
          ok: false,
          message: `found ${s}, which is outside every academic year in data/partnership.yaml`,
          expected: `a date between ${first} and ${last}`,
          fix: 'check the date, or add the academic year and its term dates to terms in data/partnership.yaml',
        };
      }
      if (!termOf(terms, iso)) {
        // A row in a gap between two configured terms would belong to no report: say so, never drop it.
        const before = terms.filter((t) => t.end < iso).at(-1)!;
        const after = terms.find((t) => t.start > iso)!;
        return {
          ok: false,
          message: `found ${s}, which falls between the ${before.label.toLowerCase()} (ending ${before.end}) and the ${after.label.toLowerCase()} (starting ${after.start}), so it would be in no term's report`,
          expected: 'a date inside a term in data/partnership.yaml',
          fix: 'check the date; if audits happen in the holidays, make each term in data/partnership.yaml run on to the day before the next one starts',
        };
      }
      return ok(iso);
    },
  };
}

export function choiceColumn<T extends string>(name: string, meaning: string, choices: Record<string, T>, labels: string[], example: string, required = true): Column<T | undefined> {
  return {
    name,
    required,
    meaning,
    type: 'one of a list',
    allowed: () => labels.map((l) => `\`${l}\``).join(', '),
    example,
    parse(raw) {
      const v = choices[fold(raw)];
      if (v !== undefined) return ok(v);
      if (!required && raw.trim() === '') return ok(undefined);
      return { ok: false, message: `found "${raw.trim()}"`, expected: `one of: ${labels.join(', ')}` };
    },
  };
}

const REFERENCE = /^[A-Za-z0-9][A-Za-z0-9/_-]{2,39}$/;

export const refColumn = (name: string, meaning: string, example: string): Column<string> => ({
  name,
  required: true,
  meaning,
  type: 'reference',
  allowed: () => 'letters, digits, hyphens and slashes, 3 to 40 characters, unique across all files of this kind; not a case number or any number that identifies a child',
  example,
  isRef: true,
  parse(raw) {
    const s = raw.trim();
    if (REFERENCE.test(s)) return ok(s);
    return {
      ok: false,
      message: s ? `found "${s}", which is not a valid reference` : 'the reference is missing',
      expected: 'a reference of 3 to 40 letters, digits, hyphens or slashes, such as NV-A-2024-0001',
    };
  },
});

export const standardsColumn: Column<string[]> = {
  name: 'standards_not_met',
  required: false,
  meaning: 'The practice standards the audit found were not met, separated by semicolons. Empty when every standard was met.',
  type: 'list of standard ids',
  allowed: (ctx) => `standard ids such as ${[...ctx.standardIds].slice(0, 3).join(', ')}, separated by ";"; empty if none`,
  example: 'ehc-plan-2;ehc-plan-4',
  parse(raw, ctx) {
    const ids = raw.split(/[;,]/).map((s) => s.trim().toLowerCase()).filter(Boolean);
    const unknown = ids.filter((id) => !ctx.standardIds.has(id));
    if (unknown.length) {
      const sets = [...new Set([...ctx.standardIds].map((id) => id.replace(/-\d+$/, '')))];
      return {
        ok: false,
        message: `${unknown.map((u) => `"${u}"`).join(', ')} ${unknown.length === 1 ? 'is not a known standard' : 'are not known standards'}`,
        expected: `standard ids written <set>-<number> from the sets ${sets.join(', ')}, for example ${[...ctx.standardIds][0]}, separated by semicolons`,
        fix: 'check the number against the standards pages of the site',
      };
    }
    return ok([...new Set(ids)]);
  },
};

const YES_NO = { yes: 'yes', y: 'yes', true: 'yes', no: 'no', n: 'no', false: 'no' } as const;
const YES_NO_NA = { ...YES_NO, 'n/a': 'n/a', na: 'n/a', 'not applicable': 'n/a' } as const;

export const AUDIT_COLUMNS = {
  audit_ref: refColumn('audit_ref', 'An opaque reference for the audit, unique across all audit files. Never a case number.', 'NV-A-2024-0001'),
  completed_on: dateColumn('completed_on', 'The day the audit was completed. Its term comes from the term dates in data/partnership.yaml.'),
  audit_type: optionColumn('audit_type', 'What was audited.', (c) => c.auditTypes, 'an audit type', 'ehc-plan', 'auditTypes'),
  level: optionColumn('level', 'The level of audit.', (c) => c.auditLevels, 'an audit level', 'multi-agency', 'auditLevels'),
  locality: optionColumn('locality', 'The locality the child lives in.', (c) => c.localities, 'a locality', 'north', 'localities'),
  grade: optionColumn('grade', 'The grade the audit gave.', (c) => c.grades, 'a grade', 'good', 'grades'),
  timely: choiceColumn('timely', 'Whether the statutory timescale was met.', YES_NO_NA, ['yes', 'no', 'n/a'], 'yes'),
  standards_not_met: standardsColumn,
  moderated: choiceColumn('moderated', 'Whether the audit was moderated (checked by a second auditor).', YES_NO, ['yes', 'no'], 'no'),
} satisfies Record<string, Column>;

export const FEEDBACK_COLUMNS = {
  feedback_ref: refColumn('feedback_ref', 'An opaque reference for the response, unique across all feedback files.', 'NV-F-2024-0001'),
  received_on: dateColumn('received_on', 'The day the feedback was received.'),
  stage: choiceColumn(
    'stage',
    'The stage of the SEND journey the feedback is about.',
    Object.fromEntries(STAGES.flatMap((s) => [[fold(s), s], [fold(LABELS.stage[s]), s]])) as Record<string, (typeof STAGES)[number]>,
    [...STAGES],
    'ehc-plan',
  ),
  rating: {
    name: 'rating',
    required: true,
    meaning: 'How the family rated their experience, from 1 (very poor) to 5 (very good).',
    type: 'whole number',
    allowed: () => '1, 2, 3, 4 or 5',
    example: '4',
    parse(raw) {
      const n = Number(raw.trim());
      return Number.isInteger(n) && n >= 1 && n <= 5 && raw.trim() !== '' ? ok(n) : { ok: false, message: `found "${raw.trim()}"`, expected: 'a whole number from 1 (very poor) to 5 (very good)' };
    },
  } satisfies Column<number>,
  theme: optionColumn('theme', 'The main theme of the feedback.', (c) => c.feedbackThemes, 'a feedback theme', 'communication', 'feedbackThemes'),
} satisfies Record<string, Column>;

export const COMPLAINT_COLUMNS = {
  ref: refColumn('ref', 'An opaque reference, unique across all compliments and complaints files.', 'NV-C-2024-0001'),
  received_on: dateColumn('received_on', 'The day the compliment or complaint was received.'),
  kind: choiceColumn('kind', 'Whether it is a compliment or a complaint.', { compliment: 'compliment', complaint: 'complaint' }, ['compliment', 'complaint'], 'complaint'),
  theme: optionColumn('theme', 'What it was about.', (c) => c.complaintThemes, 'a theme', 'timeliness', 'complaintThemes'),
  upheld: choiceColumn('upheld', 'For a complaint, whether it was upheld (fully or partly). n/a for compliments and open complaints.', YES_NO_NA, ['yes', 'no', 'n/a'], 'n/a'),
} satisfies Record<string, Column>;

/** Reads "2024/25" or "2024-25" as a configured academic year "2024/25". */
export const academicYearColumn: Column<string> = {
  name: 'year',
  required: true,
  meaning: 'The academic year the self-evaluation covers.',
  type: 'academic year',
  allowed: (ctx) => `an academic year in data/partnership.yaml, written like ${ctx.cfg.terms.map((y) => y.year).join(', ')}`,
  example: '2024/25',
  parse(raw, ctx) {
    const s = raw.trim().replace('-', '/');
    const years = ctx.cfg.terms.map((y) => y.year);
    if (years.includes(s)) return ok(s);
    return {
      ok: false,
      message: `found "${raw.trim()}", which is not an academic year in data/partnership.yaml`,
      expected: `one of: ${years.join(', ')}`,
      fix: /^\d{4}[/-]\d{2}$/.test(raw.trim()) ? 'check the year, or add the academic year and its term dates to terms in data/partnership.yaml' : 'write the year like 2024/25',
    };
  },
};

/** One standard id, e.g. "sen-services-3". */
export const standardColumn: Column<string> = {
  name: 'standard',
  required: true,
  meaning: 'The standard the service rated itself against.',
  type: 'standard id',
  allowed: (ctx) => `one standard id such as ${[...ctx.standardIds].filter((id) => !id.startsWith('ehc-plan')).slice(0, 3).join(', ')}`,
  example: 'sen-services-3',
  parse(raw, ctx) {
    const id = raw.trim().toLowerCase();
    if (ctx.standardIds.has(id)) return ok(id);
    return {
      ok: false,
      message: `found "${raw.trim()}", which is not a known standard`,
      expected: 'one standard id written <set>-<number>, such as sen-services-3 or quality-offer-2',
      fix: 'check the number against the standards pages of the site',
    };
  },
};

export const SELF_EVALUATION_COLUMNS = {
  service: optionColumn('service', 'The service that rated itself.', (c) => c.selfEvaluation.services, 'a service', 'autism-outreach-north', 'selfEvaluation.services'),
  year: academicYearColumn,
  standard: standardColumn,
  rating: optionColumn('rating', 'The rating the service gave itself against the standard, on the self-evaluation scale.', (c) => c.selfEvaluation.scale, 'a self-evaluation rating', 'good', 'selfEvaluation.scale'),
  evidence_ref: refColumn('evidence_ref', 'A reference to the evidence behind the rating, unique across all self-evaluation files. Never a case number.', 'NV-SE-202425-0001'),
} satisfies Record<string, Column>;

type Out<C> = { [K in keyof C]: C[K] extends Column<infer T> ? T : never };
export type AuditRecord = Out<typeof AUDIT_COLUMNS> & { file: string; line: number };
export type FeedbackRecord = Out<typeof FEEDBACK_COLUMNS> & { file: string; line: number };
export type ComplaintRecord = Out<typeof COMPLAINT_COLUMNS> & { file: string; line: number };
export type SelfEvaluationRecord = Out<typeof SELF_EVALUATION_COLUMNS> & { file: string; line: number };

/** A check across the cells of one row: the column to point at and what is wrong, or undefined. */
export type RowRule = (record: Record<string, unknown>) => { column: string; message: string; expected: string; fix: string } | undefined;

/** One kind of data file: where its files live, its columns, its reference column and any rule across a row. */
export interface Dataset {
  folder: string;
  title: string;
  columns: Record<string, Column>;
  refColumn: string;
  /** The reference in words, for messages: "audit reference". */
  what: string;
  rowRule?: RowRule;
}

export type DatasetName = 'audits' | 'feedback' | 'complaints' | 'selfEvaluation';

/** The kinds of data file: where they live and their columns. */
export const DATASETS: Record<DatasetName, Dataset> = {
  audits: { folder: 'data/audits', title: 'Audit outcomes', columns: AUDIT_COLUMNS, refColumn: 'audit_ref', what: 'audit reference' },
  feedback: { folder: 'data/feedback', title: 'Family feedback', columns: FEEDBACK_COLUMNS, refColumn: 'feedback_ref', what: 'feedback reference' },
  complaints: {
    folder: 'data/compliments-complaints',
    title: 'Compliments and complaints',
    columns: COMPLAINT_COLUMNS,
    refColumn: 'ref',
    what: 'reference',
    rowRule: (r) =>
      r.kind === 'compliment' && r.upheld !== 'n/a'
        ? { column: 'upheld', message: `found "${String(r.upheld)}" for a compliment, which cannot be upheld`, expected: 'n/a for a compliment (yes or no only for a complaint that has been decided)', fix: 'write n/a, or if this row is a complaint, change kind to complaint' }
        : undefined,
  },
  selfEvaluation: { folder: 'data/self-evaluation', title: "Services' self-evaluation", columns: SELF_EVALUATION_COLUMNS, refColumn: 'evidence_ref', what: 'evidence reference' },
};
