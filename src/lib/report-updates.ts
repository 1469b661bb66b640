/**
 * Reads the updates (corrections) recorded for published reports, one YAML file per term in
 * content/report-updates/, checking each with file, line and column. Read with Node, like
 * data/partnership.yaml, so the report page, the RSS feed, the download's metadata and the
 * tests all get the same updates from one reader.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { globSync } from 'tinyglobby';
import { loadPartnership } from './partnership';
import { PATHS } from './paths';
import { ValidationError, type Problem } from './problems';
import { allTerms } from './data/terms';
import { publicationDate, revisionOf, updatesForMetadata, type ReportUpdate } from './release';
import type { Partnership } from './schemas/partnership';
import { ReportUpdatesFileSchema } from './schemas/report-update';
import { parseYamlSource } from './yaml-source';
import { zodProblems } from './zod-problems';

/** Every update file, checked: updates by term id, and every problem found. */
export function checkReportUpdates(root: string, cfg: Partnership | undefined): { updates: Map<string, ReportUpdate[]>; problems: Problem[] } {
  const updates = new Map<string, ReportUpdate[]>();
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
  }
  return { updates, problems };
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
