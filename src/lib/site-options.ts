import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

/**
 * The site's address for Astro's config. Read leniently: if the configuration is invalid,
 * the content-validation step reports it properly, with line numbers, a moment later.
 */
export function siteOptions(root = process.cwd(), env = process.env): { site: string; base: string } {
  let site = 'https://example.org';
  let base = '/';
  try {
    const cfg = parse(readFileSync(join(root, 'data/partnership.yaml'), 'utf8')) as { site?: { url?: unknown; base?: unknown } };
    if (typeof cfg?.site?.url === 'string') site = cfg.site.url;
    if (typeof cfg?.site?.base === 'string') base = cfg.site.base;
  } catch {
    // reported by content validation
  }
  return { site: env.SITE_URL || site, base: env.BASE_PATH || base };
}
