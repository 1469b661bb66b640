// npm run build runs this after `astro build`: builds the Pagefind search index over dist/ from
// the list of searchable pages the build left (src/integrations/search-pages.ts).
import { buildSearchIndex } from '../src/lib/search-index';
import { readSearchManifest } from '../src/lib/search-pages';

const root = process.cwd();
const manifest = readSearchManifest(root);
if (!manifest) {
  console.error('The search index was not built: there is no finished build to index. Run "npm run build", which builds the site and then its search index.');
  process.exit(1);
}
try {
  const pages = await buildSearchIndex(manifest);
  console.log(`search index built: ${pages} pages`);
} catch (e) {
  console.error(`Building the search index failed: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
}
