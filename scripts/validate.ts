// Checks every content and data file without building (npm run validate): prints every
// problem with its file, line and column, and exits 1 if there are any.
import { fileURLToPath } from 'node:url';
import { formatProblems } from '../src/lib/problems';
import { checkAll } from '../src/lib/data/load';
import { annotations } from '../src/lib/annotations';
import { checkReadability, formatReadingAges } from '../src/lib/check/readability';

const root = fileURLToPath(new URL('..', import.meta.url));
const checked = checkAll(root);
const { content, data } = checked;
// Reading age is measured here, on every pull request, and not in every build: the formulas
// take a few seconds over the family texts, and a build must stay fast at thousands of pages.
const plain = checkReadability(root, content);
const problems = [...checked.problems, ...plain.problems];
const warnings = plain.warnings;
if (content.partnership) console.log(`${formatReadingAges(plain.results, content.partnership)}\n`);
// Warnings (long words, passive voice, unexplained abbreviations) are advice: shown, never failing.
if (warnings.length) console.log(`${formatProblems(warnings)}\n`);
// In GitHub Actions, also as annotations on the exact file and line of the pull request.
if (process.env.GITHUB_ACTIONS === 'true' && (problems.length || warnings.length)) console.log(annotations([...problems, ...warnings]));
if (problems.length) {
  console.error(formatProblems(problems));
  process.exit(1);
}
console.log(
  `No problems: ${content.standards.length} standards, ${content.guidance.length} guidance entries, ` +
    `${content.framework.length} framework pages, ${content.glossary.length} glossary terms, ` +
    `${data!.audits.length} audits, ${data!.feedback.length} feedback responses and ${data!.complaints.length} compliments and complaints checked.`,
);
