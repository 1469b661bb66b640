import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';

/** Browsers the tests can drive, in order of preference: Debian's chromium first, then Chrome. */
const NAMES = ['chromium', 'google-chrome', 'google-chrome-stable', 'chromium-browser'];

/**
 * The browser to drive: CHROMIUM_PATH if set, else the first of NAMES on the PATH (Debian's
 * /usr/bin/chromium here; the Chromium or Chrome that GitHub's runners come with).
 */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (env.CHROMIUM_PATH) return existsSync(env.CHROMIUM_PATH) ? env.CHROMIUM_PATH : undefined;
  const dirs = (env.PATH ?? '').split(delimiter).filter(Boolean);
  for (const name of NAMES) for (const dir of dirs) if (existsSync(join(dir, name))) return join(dir, name);
  return undefined;
}

export const CHROMIUM = findChromium() ?? process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const HOW_TO_GET_CHROMIUM =
  `No Chromium found (looked for CHROMIUM_PATH, then ${NAMES.join(', ')} on the PATH). ` +
  'Install it with "sudo apt-get install -y chromium" (Debian/Ubuntu), or set CHROMIUM_PATH to a Chromium or Chrome binary.';

export function hasChromium(): boolean {
  return existsSync(CHROMIUM);
}

/** Headless Chromium with no background network traffic, as the test machines need. */
export function launchChromium(): Promise<Browser> {
  if (!hasChromium()) throw new Error(HOW_TO_GET_CHROMIUM);
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}
