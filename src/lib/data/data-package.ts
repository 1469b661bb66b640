/**
 * The metadata of the data downloads, as a Frictionless Data Package (datapackage.json, Data
 * Package v2 with an inline Table Schema).
 *
 * Why a Data Package and not CSV on the Web (CSVW): the files are plain tables of figures, and a
 * Data Package says all a reader needs (columns, types, units, the missing-value marker, the
 * symbols, licence, sources, publication dates and updates) in one small JSON file that common
 * tools read directly: the Frictionless validator and libraries for Python, R and JavaScript,
 * and open data portals such as CKAN. CSVW does the same job but is aimed at turning tables into
 * linked data (RDF), which no user of these reports needs, and has fewer maintained validators.
 *
 * Pure: the configuration, the reports' figures and their releases come in.
 */
import type { Partnership } from '../schemas/partnership.ts';
import { TERM_ID_PATTERN } from '../schemas/common.ts';
import type { Release } from '../release.ts';
import { updatesForMetadata } from '../release.ts';
import { FIGURE_COLUMNS, NOT_APPLICABLE, NOT_AVAILABLE, UNITS, type FigureRow } from './figures-table.ts';

/** The profile the descriptor follows (Data Package v2). */
export const DATA_PACKAGE_PROFILE = 'https://datapackage.org/profiles/2.0/datapackage.json';
export const TABLE_SCHEMA_PROFILE = 'https://datapackage.org/profiles/2.0/tableschema.json';

/** Where the files are, relative to /reports/ (where datapackage.json is). */
export const DATA_FILES = {
  packagePath: 'datapackage.json',
  allTermsPath: 'figures-all-terms.csv',
  termPath: (t: { yearSlug: string; name: string }) => `${t.yearSlug}/${t.name}/figures.csv`,
} as const;

/** What each unit means, for the schema and the Data and methods page. */
export const UNIT_MEANINGS: Record<(typeof UNITS)[number], string> = {
  count: 'a number of audits, responses, compliments or complaints',
  percent: 'a percentage of the group, rounded to a whole number (never rounded to 0 or 100 unless it is exactly that)',
  rating_1_to_5: 'an average (mean) rating on the scale 1 (very poor) to 5 (very good), to one decimal place',
};

/** The symbols of the status column, with their meaning (GSS symbols). */
export function statusSymbols(cfg: Partnership): { value: string; label: string; meaning: string }[] {
  const { threshold, symbol } = cfg.disclosure;
  return [
    {
      value: symbol,
      label: 'confidential',
      meaning: `not published, to protect children's privacy: a count from 1 to ${threshold}, a figure hidden so that such a count cannot be worked out, or a share or average of a group of ${threshold} or fewer`,
    },
    { value: NOT_APPLICABLE, label: 'not applicable', meaning: 'there is nothing to measure: a share or average of a group with no one in it (its count is 0)' },
    { value: NOT_AVAILABLE, label: 'not available', meaning: 'the figure was not collected for this term' },
  ];
}

/** The disclosure rule, in one paragraph, from the configuration. */
export function disclosureRule(cfg: Partnership): string {
  const { threshold, symbol } = cfg.disclosure;
  return (
    `No count from 1 to ${threshold} is published; such a count, and any figure from which one could be worked out, is shown as "${symbol}" in the status column with the value left empty. ` +
    `A true zero is published as 0. A share or average is published only for a group of more than ${threshold}; where an exact share would reveal a small count it is published as a band (lower_bound and upper_bound). ` +
    `Each term's figures were checked together with an integer programming solver: every hidden count can still take at least ${threshold} different values.`
  );
}

/** The Table Schema of the downloads: every column, its type, units and the symbols. */
export function figuresTableSchema(cfg: Partnership, rows: readonly FigureRow[]) {
  const symbols = statusSymbols(cfg);
  const values = (k: keyof FigureRow) => [...new Set(rows.map((r) => String(r[k])))];
  const fields = {
    term_id: { type: 'string', title: 'Term', description: 'The term, written like 2025-26-summer (academic year, then autumn, spring or summer).', constraints: { required: true, pattern: TERM_ID_PATTERN } },
    term_label: { type: 'string', title: 'Term (label)', description: 'The term as the reports name it, like "Summer term 2025/26".', constraints: { required: true } },
    section_id: { type: 'string', title: 'Section', description: 'The part of the report the figure is from (a table or the headline); the same in every term.', constraints: { required: true, enum: values('section_id') } },
    section: { type: 'string', title: 'Section (label)', description: 'The title of that part of the report, as the page shows it.', constraints: { required: true } },
    group_id: { type: 'string', title: 'Group', description: 'The row of the table: a type of audit, locality, level, standard, kind and so on; "all" for the whole term. The ids are those of the partnership configuration and stay the same across terms.', constraints: { required: true } },
    group: { type: 'string', title: 'Group (label)', description: 'The row as the page shows it.', constraints: { required: true } },
    measure_id: { type: 'string', title: 'Measure', description: 'The column of the table: a grade, a theme, "total", or a share (ids starting "share-").', constraints: { required: true } },
    measure: { type: 'string', title: 'Measure (label)', description: 'The column as the page shows it. Section, group and measure together name a figure, as the updates to a report do.', constraints: { required: true } },
    value: {
      type: 'number',
      title: 'Value',
      description: `The published figure, in the unit of the unit column. Empty when the figure is not published exactly: the status column says why, or lower_bound and upper_bound give the band it was published as.`,
      constraints: { minimum: 0 },
    },
    unit: {
      type: 'string',
      title: 'Unit',
      description: `What the value measures: ${UNITS.map((u) => `"${u}" is ${UNIT_MEANINGS[u]}`).join('; ')}.`,
      constraints: { required: true, enum: [...UNITS] },
    },
    lower_bound: { type: 'integer', title: 'Lower bound (%)', description: 'For a share published as a band, such as "80% or more" or "below 80%": the share is at least this percentage. Empty otherwise.', constraints: { minimum: 0, maximum: 100 } },
    upper_bound: { type: 'integer', title: 'Upper bound (%)', description: 'For a band: the share is below this percentage; 100 stands for "or more", so the share can be 100. Empty otherwise.', constraints: { minimum: 0, maximum: 100 } },
    ci_lower_95: { type: 'number', title: '95% interval, lower end (%)', description: 'For a share published exactly, of a number of cases published exactly: the lower end of its 95% Wilson score confidence interval, in percentage points, to one decimal place, worked out from the published percentage and number only (where the rounded percentage fits several counts, the interval covers them all). Empty otherwise.', constraints: { minimum: 0, maximum: 100 } },
    ci_upper_95: { type: 'number', title: '95% interval, upper end (%)', description: 'The upper end of the same interval. Empty otherwise.', constraints: { minimum: 0, maximum: 100 } },
    status: {
      type: 'string',
      title: 'Status',
      description: `Why the value is empty, as a GSS symbol: ${symbols.map((s) => `"${s.value}" ${s.label}: ${s.meaning}`).join('; ')}. Empty for a published figure (a value, or a band).`,
      constraints: { enum: symbols.map((s) => s.value) },
      categories: symbols.map((s) => ({ value: s.value, label: s.label })),
    },
    revised: {
      type: 'boolean',
      title: 'Revised',
      description: 'true when a correction made after publication changed this figure (the updates of the resource say what and why); the page marks it "r".',
      trueValues: ['true'],
      falseValues: ['false'],
      constraints: { required: true },
    },
  } satisfies Record<(typeof FIGURE_COLUMNS)[number], object>;
  return {
    $schema: TABLE_SCHEMA_PROFILE,
    fields: FIGURE_COLUMNS.map((name) => ({ name, ...fields[name] })),
    missingValues: [''],
    primaryKey: ['term_id', 'section_id', 'group_id', 'measure_id'],
  };
}

export interface DataPackageInput {
  cfg: Partnership;
  /** Every published report, latest first, with its figures. */
  releases: { release: Release; rows: FigureRow[] }[];
  /** The site's address with its base, without a trailing slash, e.g. https://northvale.example. */
  siteUrl: string;
}

const dialect = { header: true, delimiter: ',', lineTerminator: '\r\n', quoteChar: '"', doubleQuote: true };
const fileFields = { type: 'table', scheme: 'file', format: 'csv', mediatype: 'text/csv', encoding: 'utf-8' };

/** The datapackage.json of the reports' downloads: the all-terms file first, then each term's, latest first. */
export function dataPackage({ cfg, releases, siteUrl }: DataPackageInput) {
  const all = releases.flatMap((r) => r.rows);
  const schema = figuresTableSchema(cfg, all);
  const area = cfg.area;
  const slug = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
  const newest = releases[0]?.release;
  const lastChange = releases
    .flatMap((r) => [r.release.published, ...r.release.updates.map((u) => u.date)])
    .sort()
    .at(-1);
  const reportUrl = (t: { yearSlug: string; name: string }) => `${siteUrl}/reports/${t.yearSlug}/${t.name}/`;
  return {
    $schema: DATA_PACKAGE_PROFILE,
    name: `${slug(area.shortName ?? area.name)}-send-quality-report-figures`,
    title: `${area.name}: figures from the termly quality reports`,
    description:
      `The published figures of every termly quality report of ${area.name}: audits of SEND casework and their grades, timeliness, moderation, the practice standards most often not met, what families told us, and compliments and complaints. ` +
      `One row per figure, in tidy form: a numeric value, its unit, a band where a share is published as one, and a status column with the GSS symbols. ` +
      `The files hold the same figures as the report pages, after the same disclosure control, and never a row about one child. ${disclosureRule(cfg)}`,
    homepage: `${siteUrl}/reports/data/`,
    ...(lastChange ? { created: `${lastChange}T00:00:00Z` } : {}),
    keywords: ['SEND', 'EHC plans', 'casework audit', 'quality assurance', 'official statistics symbols'],
    licenses: [{ ...cfg.reports.dataLicence }],
    contributors: [{ title: area.name, roles: ['publisher'], ...(area.contactEmail ? { email: area.contactEmail } : {}) }],
    sources: [{ title: `${area.name} casework audits, family feedback, and compliments and complaints (anonymised records, not published)`, path: `${siteUrl}/reports/methodology/` }],
    disclosure: { threshold: cfg.disclosure.threshold, symbol: cfg.disclosure.symbol, rule: disclosureRule(cfg) },
    symbols: statusSymbols(cfg),
    ...(newest ? { latestRelease: { term: newest.term.id, published: newest.published } } : {}),
    resources: [
      {
        name: 'figures-all-terms',
        path: DATA_FILES.allTermsPath,
        title: 'Every term, for time series',
        description: "Every term's figures in one file, oldest term first, with the same columns as each term's file.",
        ...fileFields,
        dialect,
        schema,
        terms: [...releases].reverse().map((r) => r.release.term.id),
        ...(lastChange ? { lastUpdated: lastChange } : {}),
      },
      ...releases.map(({ release }) => ({
        name: `figures-${release.term.id}`,
        path: DATA_FILES.termPath(release.term),
        title: `Quality report: ${release.term.label}`,
        description: `The figures of the quality report for the ${release.term.label.replace(/^./, (c) => c.toLowerCase())} (${reportUrl(release.term)}).`,
        homepage: reportUrl(release.term),
        ...fileFields,
        dialect,
        schema,
        term: release.term.id,
        published: release.published,
        provisional: release.provisional,
        latest: release.latest,
        updates: updatesForMetadata(release.updates),
      })),
    ],
  };
}
