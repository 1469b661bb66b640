// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { contentValidation } from './src/integrations/content-validation.ts';
import { pagefindIndex } from './src/integrations/pagefind.ts';
import { siteOptions } from './src/lib/site-options.ts';

// The site address comes from data/partnership.yaml; SITE_URL and BASE_PATH override it
// (the deploy workflow sets them for GitHub Pages).
const { site, base } = siteOptions();

export default defineConfig({
  site,
  base,
  trailingSlash: 'always',
  build: { format: 'directory' },
  // GitHub-flavoured Markdown (tables, footnotes, task lists, strikethrough, autolinks) comes
  // from Astro's built-in Markdown processor; no remark plugins are needed.
  markdown: { gfm: true, smartypants: false, syntaxHighlight: false },
  integrations: [contentValidation(), mdx(), pagefindIndex()],
  devToolbar: { enabled: false },
});
