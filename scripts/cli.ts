// What every command-line script shares: problems printed as a clean list (and, in GitHub
// Actions, as annotations and a job summary table), any other failure as one plain sentence,
// never a stack trace, and a non-zero exit.
import { reportToGitHub } from '../src/lib/annotations';
import { ValidationError, formatProblems } from '../src/lib/problems';

/** A mistake in how a script was run: its message is shown as it is, with the usage. */
export class UsageError extends Error {
  constructor(message: string, readonly usage?: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** Runs a script's main function, turning any failure into a readable message and exit code 1. */
export async function runCli(main: () => void | Promise<void>): Promise<void> {
  try {
    await main();
  } catch (error) {
    process.exitCode = 1;
    if (error instanceof ValidationError) {
      console.error(formatProblems(error.problems));
      reportToGitHub(error.problems);
    } else if (error instanceof UsageError) {
      console.error(error.message);
      if (error.usage) console.error(`\nUsage: ${error.usage}`);
    } else {
      const message = error instanceof Error ? error.message : String(error);
      console.error(`Stopped: ${message}`);
      if (process.env.DEBUG) console.error(error);
      else console.error('(Run again with DEBUG=1 for the technical details.)');
    }
  }
}
