/**
 * Reads the updates (corrections) recorded for published reports, one YAML file per term in
 * content/report-updates/, checking each with file, line and column. Read with Node, like
 * data/partnership.yaml, so the report page, the RSS feed, the download's metadata and the
 * tests all get the same updates from one reader.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { globSync } from 'tinyglobby';
import { loadPartnership } from './partnership.ts';
import { PATHS } from './paths.ts';
import { ValidationError, type Problem } from './problems.ts';
import { allTerms } from './data/terms.ts';
import { publicationDate, revisionOf, updatesForMetadata, type ReportUpdate, type RevisedFigure } from './release.ts';
import type { Partnership } from './schemas/partnership.ts';
import { ReportUpdatesFileSchema } from './schemas/report-update.ts';
import { parseYamlSource, type YamlSource } from './yaml-source.ts';
import { zodProblems } from './zod-problems.ts';

/** Every update file, checked: updates by term id, where each file's fields are, and every problem found. */
export function checkReportUpdates(
  root: string,
  cfg: Partnership | undefined,
): { updates: Map<string, ReportUpdate[]>; sources: Map<string, YamlSource>; problems: Problem[] } {
  const updates = new Map<string, ReportUpdate[]>();
  const sources = new Map<string, YamlSource>();
  const problems: Problem[] = [];
  const terms = cfg ? allTerms(cfg) : [];
  const files = globSync(PATHS.reportUpdates.pattern, { cwd: join(root, PATHS.reportUpdates.base) }).sort();
  for (const f of files) {
    const file = `${PATHS.reportUpdates.base}/${f}`;
    const termId = f.replace(/\.ya?ml$/, '');
    const term = terms.find((t) => t.id === termId);
    if (cfg && !term) {
      problems.push({
        file,
        line: 1,
        column: 1,
        message: `the file name says the term is "${termId}", which is not a term in ${PATHS.partnership}`,
        expected: `a file named after a term with a report, like ${terms.at(-1)?.id ?? '2025-26-summer'}.yaml`,
        fix: 'rename the file to the term of the report it corrects',
      });
      continue;
    }
    const src = parseYamlSource(readFileSync(join(root, file), 'utf8').replace(/^\uFEFF/, ''), file);
    if (src.problems.length) {
      problems.push(...src.problems);
      continue;
    }
    const parsed = ReportUpdatesFileSchema.safeParse(src.data);
    if (!parsed.success) {
      problems.push(...zodProblems(parsed.error, src));
      continue;
    }
    if (term && cfg) {
      const published = publicationDate(term, cfg.reports);
      parsed.data.forEach((u, i) => {
        if (u.date < published) {
          problems.push({
            file,
            ...src.locate([i, 'date']),
            field: `[${i}].date`,
            message: `found ${u.date}, before the report was published on ${published}`,
            expected: `a date on or after ${published}`,
            fix: `correct the date; if the report really came out earlier, set reports.published.${termId} in ${PATHS.partnership}`,
          });
        }
      });
    }
    updates.set(termId, parsed.data);
    sources.set(termId, src);
  }
  return { updates, sources, problems };
}

/**
 * Checks that each update is about a term with a report and that every figure it says it
 * revised is a figure of that report. `figuresOf` gives a term's figures (the rows of its
 * figures.csv), or undefined when the term has no report.
 */
export function checkRevisedFigures(root: string, cfg: Partnership, figuresOf: (termId: string) => RevisedFigure[] | undefined): Problem[] {
  const { updates, sources } = checkReportUpdates(root, cfg);
  const problems: Problem[] = [];
  for (const [termId, list] of updates) {
    const src = sources.get(termId)!;
    const figures = figuresOf(termId);
    if (!figures) {
      problems.push({
        file: src.file,
        line: 1,
        column: 1,
        message: `there is no report for ${termId}: its term has no data`,
        expected: 'updates only to a published report',
        fix: 'rename the file to the term of the report it corrects, or delete it',
      });
      continue;
    }
    const key = (f: RevisedFigure) => [f.section, f.group, f.measure].map((x) => x.trim().toLowerCase()).join('\u0000');
    const known = new Set(figures.map(key));
    list.forEach((u, i) =>
      u.revised.forEach((f, j) => {
        if (known.has(key(f))) return;
        const sameSection = figures.filter((g) => g.section.trim().toLowerCase() === f.section.trim().toLowerCase());
        problems.push({
          file: src.file,
          ...src.locate([i, 'revised', j]),
          field: `[${i}].revised[${j}]`,
          message: `found { section: ${f.section}, group: ${f.group}, measure: ${f.measure} }, which is not a figure of this report`,
          expected: sameSection.length
            ? `a group and measure of "${f.section}", such as ${[...new Set(sameSection.map((g) => `${g.group}, ${g.measure}`))].slice(0, 4).join('; ')}`
            : `a section of the report, one of: ${[...new Set(figures.map((g) => g.section))].join('; ')}`,
          fix: "copy the section, group and measure from one row of the report's figures.csv download",
        });
      }),
    );
  }
  return problems;
}

const cache = new Map<string, Map<string, ReportUpdate[]>>();

/** Updates by term id, checked; throws a ValidationError listing every problem. Read once per root. */
export function loadReportUpdates(root = process.cwd()): Map<string, ReportUpdate[]> {
  let updates = cache.get(root);
  if (!updates) {
    const checked = checkReportUpdates(root, loadPartnership(root));
    if (checked.problems.length) throw new ValidationError(checked.problems);
    updates = checked.updates;
    cache.set(root, updates);
  }
  return updates;
}

/** Whether a figure of a term's report was revised by an update: mark its cell "r". Names as in figures.csv. */
export function isRevised(termId: string, section: string, group: string, measure: string, root = process.cwd()): boolean {
  return revisionOf(loadReportUpdates(root).get(termId) ?? [], section, group, measure) !== undefined;
}

/** A term's updates as the download's metadata records them: date, what changed, why, figures revised; oldest first. */
export function reportUpdatesForMetadata(termId: string, root = process.cwd()) {
  return updatesForMetadata(loadReportUpdates(root).get(termId) ?? []);
}
