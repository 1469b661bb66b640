/** Where each kind of content and data lives, relative to the project root. */
export const PATHS = {
  partnership: 'data/partnership.yaml',
  timetable: 'data/timetable.yaml',
  actions: 'data/actions.yaml',
  standardSets: 'content/standard-sets.yaml',
  sources: 'content/sources.yaml',
  glossary: 'content/glossary.yaml',
  standards: { base: 'content/standards', pattern: '**/*.mdx' },
  guidance: { base: 'content/guidance', pattern: '*.mdx' },
  framework: { base: 'content/framework', pattern: '*.mdx' },
  pages: { base: 'content/pages', pattern: '*.mdx' },
  commentary: { base: 'content/report-commentary', pattern: '*.mdx' },
  briefings: { base: 'content/briefings', pattern: '*.mdx' },
  reportUpdates: { base: 'content/report-updates', pattern: '*.{yaml,yml}' },
} as const;
