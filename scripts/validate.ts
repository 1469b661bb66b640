// Checks every content and data file without building (npm run validate): prints every
// problem with its file, line and column, and exits 1 if there are any.
import { fileURLToPath } from 'node:url';
import { formatProblems, isError } from '../src/lib/problems';
import { checkAll } from '../src/lib/data/load';
import { annotations } from '../src/lib/annotations';

const root = fileURLToPath(new URL('..', import.meta.url));
const { content, data, problems } = checkAll(root);
// In GitHub Actions, also as annotations on the exact file and line of the pull request.
if (problems.length && process.env.GITHUB_ACTIONS === 'true') console.log(annotations(problems));
if (problems.some(isError)) {
  console.error(formatProblems(problems));
  process.exit(1);
}
// Warnings (an overdue action) are printed but do not fail the check.
if (problems.length) console.warn(formatProblems(problems));
console.log(
  `${problems.length ? 'No errors' : 'No problems'}: ${content.standards.length} standards, ${content.guidance.length} guidance entries, ` +
    `${content.framework.length} framework pages, ${content.glossary.length} glossary terms, ` +
    `${data!.audits.length} audits, ${data!.feedback.length} feedback responses, ${data!.complaints.length} compliments and complaints and ${data!.selfEvaluation.length} self-evaluation ratings checked.`,
);
