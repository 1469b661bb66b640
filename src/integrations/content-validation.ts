import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { checkAll } from '../lib/data/load';
import { ValidationError, formatProblems, isError } from '../lib/problems';

/**
 * Checks every content and data file before Astro reads them, so that a mistake is reported
 * with its file, line and column, all at once, and nothing is built.
 */
export function contentValidation(): AstroIntegration {
  return {
    name: 'send-quality:content-validation',
    hooks: {
      'astro:config:setup': ({ config, logger }) => {
        const root = fileURLToPath(config.root);
        const { data, problems } = checkAll(root);
        if (problems.some(isError) || !data) throw new ValidationError(problems, 'The site was not built: please fix these problems in the content or data.');
        // Warnings (an overdue action) are shown but do not stop the build.
        if (problems.length) logger.warn(formatProblems(problems));
        logger.info(
          `content and data checked: ${problems.length ? 'no errors' : 'no problems'} (${data.audits.length} audits, ${data.feedback.length} feedback responses, ` +
            `${data.complaints.length} compliments and complaints and ${data.selfEvaluation.length} self-evaluation ratings in ${data.files.length} files)`,
        );
      },
    },
  };
}
