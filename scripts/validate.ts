// Checks every content and data file without building (npm run validate): prints every
// problem with its file, line and column, and exits 1 if there are any. In GitHub Actions the
// problems are also annotations on the pull request and a table in the job summary.
import { fileURLToPath } from 'node:url';
import { checkAll } from '../src/lib/data/load';
import { ValidationError } from '../src/lib/problems';
import { runCli } from './cli';

await runCli(() => {
  const root = fileURLToPath(new URL('..', import.meta.url));
  const { content, data, problems } = checkAll(root);
  if (problems.length) throw new ValidationError(problems);
  console.log(
    `No problems: ${content.standards.length} standards, ${content.guidance.length} guidance entries, ` +
      `${content.framework.length} framework pages, ${content.glossary.length} glossary terms, ` +
      `${data!.audits.length} audits, ${data!.feedback.length} feedback responses and ${data!.complaints.length} compliments and complaints checked.`,
  );
});
