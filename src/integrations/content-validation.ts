import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { reportToGitHub } from '../lib/annotations';
import { checkAll } from '../lib/data/load';
import { ValidationError, formatProblems } from '../lib/problems';

const HEADING = 'The site was not built: please fix these problems in the content or data.';

/**
 * Checks every content and data file before Astro reads them, so that a mistake is reported
 * with its file, line and column, all at once, and nothing is built.
 */
export function contentValidation(): AstroIntegration {
  return {
    name: 'send-quality:content-validation',
    hooks: {
      'astro:config:setup': ({ config, command, logger }) => {
        const root = fileURLToPath(config.root);
        const { data, problems } = checkAll(root);
        if (problems.length || !data) {
          // In the dev server Astro shows a thrown error in the browser. A build instead prints
          // the list as it is and stops: thrown, it would come wrapped in Astro's "unhandled
          // error" banner and a stack trace that mean nothing to the person who made the slip.
          if (command === 'dev') throw new ValidationError(problems, HEADING);
          console.error(`\n${HEADING}\n\n${formatProblems(problems)}\n`);
          reportToGitHub(problems);
          process.exit(1);
        }
        logger.info(
          `content and data checked: no problems (${data.audits.length} audits, ${data.feedback.length} feedback responses, ` +
            `${data.complaints.length} compliments and complaints in ${data.files.length} files)`,
        );
      },
    },
  };
}
