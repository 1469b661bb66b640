import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { checkAll } from '../lib/data/load';
import { ValidationError } from '../lib/problems';

/**
 * Checks every content and data file before Astro reads them, so that a mistake is reported
 * with its file, line and column, all at once, and nothing is built.
 */
export function contentValidation(): AstroIntegration {
  return {
    name: 'send-quality:content-validation',
    hooks: {
      'astro:config:setup': async ({ config, logger }) => {
        const root = fileURLToPath(config.root);
        const { data, problems } = await checkAll(root);
        if (problems.length || !data) throw new ValidationError(problems, 'The site was not built: please fix these problems in the content or data.');
        logger.info(
          `content and data checked: no problems (${data.audits.length} audits, ${data.feedback.length} feedback responses, ` +
            `${data.complaints.length} compliments and complaints in ${data.files.length} files)`,
        );
        const d = data.snapshot?.disclosure ?? [];
        const solved = d.filter((x) => !x.cached);
        logger.info(
          `disclosure control: ${d.length} terms, ${d.reduce((a, x) => a + x.findings.length, 0)} solver checks, none failed` +
            (solved.length ? ` (${solved.length} solved afresh in ${(solved.reduce((a, x) => a + x.ms, 0) / 1000).toFixed(1)} s, ${solved.reduce((a, x) => a + x.solves, 0)} solves)` : ' (decisions reused from the cache)'),
        );
        // Notes do not stop the build (such as empty columns Excel left, which are ignored).
        for (const n of data.notes) logger.warn(`note: ${[n.file, n.line, n.column].filter((x) => x !== undefined).join(':')} ${n.message}. ${n.fix ?? ''}`);
      },
    },
  };
}
