// Checks every content and data file without building (npm run validate): prints every
// problem with its file, line and column, and exits 1 if there are any. In GitHub Actions the
// problems are also annotations on the pull request and a table in the job summary.
import { fileURLToPath } from 'node:url';
import { checkAll } from '../src/lib/data/load';
import { ValidationError, formatProblems } from '../src/lib/problems';
import { runCli } from './cli';
import { annotations } from '../src/lib/annotations';
import { checkReadability, formatReadingAges } from '../src/lib/check/readability';

await runCli(async () => {
  const root = fileURLToPath(new URL('..', import.meta.url));
  const checked = await checkAll(root);
  const { content, data } = checked;
  // Reading age is measured here, on every pull request, and not in every build: the formulas
  // take a few seconds over the family texts, and a build must stay fast at thousands of pages.
  const plain = checkReadability(root, content);
  const problems = [...checked.problems, ...plain.problems];
  if (content.partnership) console.log(`${formatReadingAges(plain.results, content.partnership)}\n`);
  // Warnings (long words, passive voice, unexplained abbreviations) and notes (such as empty
  // columns Excel left, which are ignored) are advice: shown, never failing.
  const warnings = [...plain.warnings, ...(data?.notes ?? [])];
  if (warnings.length) console.log(`${formatProblems(warnings)}\n`);
  if (process.env.GITHUB_ACTIONS === 'true' && warnings.length) console.log(annotations(warnings));
  if (problems.length) throw new ValidationError(problems);
  console.log(
    `No problems: ${content.standards.length} standards, ${content.guidance.length} guidance entries, ` +
      `${content.framework.length} framework pages, ${content.glossary.length} glossary terms, ` +
      `${data!.audits.length} audits, ${data!.feedback.length} feedback responses and ${data!.complaints.length} compliments and complaints checked.`,
  );
});
