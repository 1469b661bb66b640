// Checks every content and data file without building (npm run validate): prints every
// problem with its file, line and column, and exits 1 if there are any. In GitHub Actions the
// problems are also annotations on the pull request and a table in the job summary.
import { fileURLToPath } from 'node:url';
import { checkAll } from '../src/lib/data/load';
import { ValidationError } from '../src/lib/problems';
import { runCli } from './cli';
import { annotations } from '../src/lib/annotations';

await runCli(async () => {
  const root = fileURLToPath(new URL('..', import.meta.url));
  const { content, data, problems } = await checkAll(root);
  if (problems.length) throw new ValidationError(problems);
  // Notes (such as empty columns Excel left, which are ignored) are shown but do not fail the check.
  for (const n of data!.notes) console.warn(`Note: ${[n.file, n.line, n.column].filter((x) => x !== undefined).join(':')}  ${n.message}. ${n.fix ?? ''}`);
  if (process.env.GITHUB_ACTIONS === 'true' && data!.notes.length) console.log(annotations(data!.notes));
  console.log(
    `No problems: ${content.standards.length} standards, ${content.guidance.length} guidance entries, ` +
      `${content.framework.length} framework pages, ${content.glossary.length} glossary terms, ` +
      `${data!.audits.length} audits, ${data!.feedback.length} feedback responses and ${data!.complaints.length} compliments and complaints checked.`,
  );
});
