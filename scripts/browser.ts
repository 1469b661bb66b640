import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/** Where Debian's chromium package puts the browser; CHROMIUM_PATH overrides it. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const HOW_TO_GET_CHROMIUM =
  `No Chromium at ${CHROMIUM}. Install it with "sudo apt-get install -y chromium" (Debian/Ubuntu), ` +
  'or set CHROMIUM_PATH to a Chromium or Chrome binary.';

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
