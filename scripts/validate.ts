// Checks every content and data file without building (npm run validate): prints every
// problem with its file, line and column, and exits 1 if there are any.
import { fileURLToPath } from 'node:url';
import { formatProblems } from '../src/lib/problems';
import { checkAll } from '../src/lib/data/load';
import { annotations } from '../src/lib/annotations';

const root = fileURLToPath(new URL('..', import.meta.url));
const { content, data, problems } = await checkAll(root);
if (problems.length) {
  console.error(formatProblems(problems));
  // In GitHub Actions, also as annotations on the exact file and line of the pull request.
  if (process.env.GITHUB_ACTIONS === 'true') console.log(annotations(problems));
  process.exit(1);
}
// Notes (such as empty columns Excel left, which are ignored) are shown but do not fail the check.
for (const n of data!.notes) console.warn(`Note: ${[n.file, n.line, n.column].filter((x) => x !== undefined).join(':')}  ${n.message}. ${n.fix ?? ''}`);
if (process.env.GITHUB_ACTIONS === 'true' && data!.notes.length) console.log(annotations(data!.notes));
console.log(
  `No problems: ${content.standards.length} standards, ${content.guidance.length} guidance entries, ` +
    `${content.framework.length} framework pages, ${content.glossary.length} glossary terms, ` +
    `${data!.audits.length} audits, ${data!.feedback.length} feedback responses and ${data!.complaints.length} compliments and complaints checked.`,
);
