import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findChromium } from '../../scripts/browser';

describe('finding a browser for the browser tests', () => {
  const root = mkdtempSync(join(tmpdir(), 'browsers-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const bin = (dir: string, name: string) => {
    mkdirSync(join(root, dir), { recursive: true });
    writeFileSync(join(root, dir, name), '#!/bin/sh\n');
    chmodSync(join(root, dir, name), 0o755);
    return join(root, dir, name);
  };
  const chrome = bin('usr-bin', 'google-chrome');
  const snap = bin('snap-bin', 'chromium-browser');
  const chromium = bin('local-bin', 'chromium');
  const PATH = [join(root, 'usr-bin'), join(root, 'local-bin')].join(delimiter);

  it('prefers chromium anywhere on the PATH, then Chrome, and the snap wrapper last', () => {
    expect(findChromium({ PATH })).toBe(chromium);
    expect(findChromium({ PATH: [join(root, 'snap-bin'), join(root, 'usr-bin')].join(delimiter) })).toBe(chrome);
    expect(findChromium({ PATH: join(root, 'snap-bin') })).toBe(snap);
  });

  it('uses CHROMIUM_PATH when it is set, and nothing else', () => {
    expect(findChromium({ PATH, CHROMIUM_PATH: chrome })).toBe(chrome);
    expect(findChromium({ PATH, CHROMIUM_PATH: join(root, 'missing') })).toBeUndefined();
  });

  it('finds nothing when there is no browser', () => {
    expect(findChromium({ PATH: join(root, 'nowhere') })).toBeUndefined();
  });
});
