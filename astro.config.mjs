// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { contentValidation } from './src/integrations/content-validation.ts';
import { searchPages } from './src/integrations/search-pages.ts';
import { securityHeaders } from './src/integrations/security-headers.ts';
import { basePath } from './src/integrations/base-path.ts';
import { siteOptions } from './src/lib/site-options.ts';

// The site address comes from data/partnership.yaml; SITE_URL and BASE_PATH override it
// (the deploy workflow sets them for GitHub Pages).
const { site, base } = siteOptions();

export default defineConfig({
  site,
  base,
  trailingSlash: 'always',
  // Four pages rendered at a time: while one waits on its file being written or its content
  // loaded, another renders. Page generation took about a fifth less at 1,000 guidance pages
  // (npm run bench:build; docs/benchmarks.md). Pages share nothing that changes while they render.
  build: { format: 'directory', concurrency: 4 },
  // GitHub-flavoured Markdown (tables, footnotes, task lists, strikethrough, autolinks) comes
  // from Astro's built-in Markdown processor, which has it on by default: no remark plugins.
  markdown: { syntaxHighlight: false },
  vite: {
    build: {
      rollupOptions: {
        // MDX modules carry Astro's own "use astro:head-inject" directive; the bundler's
        // warning about it is noise that would hide real warnings in CI logs.
        onwarn(warning, warn) {
          if (warning.code === 'MODULE_LEVEL_DIRECTIVE') return;
          warn(warning);
        },
      },
    },
  },
  // Content-Security-Policy: Astro hashes every script and style it emits and puts the policy in
  // a <meta> tag on each page; securityHeaders() repeats it as a header in dist/_headers.
  // No 'unsafe-inline' or 'unsafe-eval'. 'wasm-unsafe-eval' lets the search page run
  // Pagefind's WebAssembly search engine (it permits WebAssembly only, not eval of strings).
  security: {
    csp: {
      directives: [
        "default-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
      ],
      scriptDirective: { resources: ["'self'", "'wasm-unsafe-eval'"] },
    },
  },
  integrations: [contentValidation(), mdx(), sitemap({ filter: (page) => !page.endsWith('/404/') }), basePath(), searchPages(), securityHeaders()],
  devToolbar: { enabled: false },
});
