/**
 * Serving the site under a path (GitHub Pages project sites: https://owner.github.io/repo/).
 * Pages link with root-relative URLs ("/standards/"); when the configured base is not "/",
 * the built HTML is rewritten so every such URL starts with the base.
 */
const ATTR = /(\s(?:href|src|action|poster|data-pagefind-meta="image:)\s*=\s*")\/(?!\/)/g;

export function withBase(html: string, base: string): string {
  const b = base.replace(/\/+$/, '');
  if (!b) return html;
  return html.replace(ATTR, (m, pre: string, offset: number, all: string) => (all.startsWith(`${b}/`, offset + pre.length) ? m : `${pre}${b}/`));
}
