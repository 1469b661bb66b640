import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { reportToGitHub } from '../lib/annotations.ts';
import { checkAll } from '../lib/data/load.ts';
import { ValidationError, formatProblems } from '../lib/problems.ts';
import { brokenLinks, pageSources, type ContentLink } from '../lib/check/links.ts';
import { withSourceLines } from '../lib/source-lines.ts';
import { withoutBase } from '../lib/search-pages.ts';

const HEADING = 'The site was not built: please fix these problems in the content or data.';

/**
 * Checks every content and data file before Astro reads them, so that a mistake is reported
 * with its file, line and column, all at once, and nothing is built.
 */
export function contentValidation(): AstroIntegration {
  let root = '';
  let links: ContentLink[] = [];
  let drafts = new Set<string>();
  let base = '/';
  return {
    name: 'send-quality:content-validation',
    hooks: {
      'astro:config:setup': async ({ config, command, logger }) => {
        root = fileURLToPath(config.root);
        base = config.base;
        const { content, data, problems } = await checkAll(root);
        links = content.links ?? [];
        drafts = new Set(content.briefings.filter((b) => b.data.draft).map((b) => b.file));
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
          `content and data checked: ${problems.length ? 'no errors' : 'no problems'} (${data.audits.length} audits, ${data.feedback.length} feedback responses, ` +
            `${data.complaints.length} compliments and complaints and ${data.selfEvaluation.length} self-evaluation ratings in ${data.files.length} files)`,
        );
        const d = data.snapshot?.disclosure ?? [];
        const solved = d.filter((x) => !x.cached);
        logger.info(
          `disclosure control: ${d.length} terms, ${d.reduce((a, x) => a + x.findings.length, 0)} solver checks, none failed` +
            (solved.length ? ` (${solved.length} solved afresh in ${(solved.reduce((a, x) => a + x.ms, 0) / 1000).toFixed(1)} s, ${solved.reduce((a, x) => a + x.solves, 0)} solves)` : ' (decisions reused from the cache)'),
        );
        const se = data.snapshot?.selfEvaluationDisclosure;
        if (se) logger.info(`disclosure control of the self-evaluation: ${se.findings.length} solver checks, none failed${se.cached ? ' (decisions reused from the cache)' : ` (solved afresh in ${(se.ms / 1000).toFixed(1)} s, ${se.solves} solves)`}`);
        // Notes do not stop the build (such as empty columns Excel left, which are ignored).
        for (const n of data.notes) logger.warn(`note: ${[n.file, n.line, n.column].filter((x) => x !== undefined).join(':')} ${n.message}. ${n.fix ?? ''}`);
      },
      // Runs first of the integrations' end-of-build steps (it is listed first), so a link to no
      // page stops the build before the search index, headers and sitemap are written.
      'astro:build:done': ({ dir, logger }) => {
        // The page each content file became, as an address without the base path ("/guidance/x/").
        const sources = new Map([...pageSources()].map(([file, path]) => [file, withoutBase(path, base)]));
        const problems = withSourceLines(root, brokenLinks(fileURLToPath(dir), links, sources, drafts));
        if (problems.length) {
          // Nothing is left that could be previewed or published as if it were the site.
          rmSync(fileURLToPath(dir), { recursive: true, force: true });
          console.error(`\n${HEADING}\n\n${formatProblems(problems)}\n`);
          reportToGitHub(problems);
          process.exit(1);
        }
        logger.info(`links between pages checked: ${links.length} in the content, none broken`);
      },
    },
  };
}
