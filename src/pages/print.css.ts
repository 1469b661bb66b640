import type { APIRoute } from 'astro';
import { loadPartnership } from '../lib/partnership';

const cssString = (s: string) => `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, ' ')}"`;

/**
 * The print stylesheet's site-specific part. CSS cannot turn a link's "/guidance/…" into a full
 * address by itself, but it can join strings: each printed link is followed by the site's origin
 * (from data/partnership.yaml, or SITE_URL) and its own href, which the base-path step has
 * already made absolute-from-the-origin. Every printed page carries the site's name and address.
 * Linked with media="print", so screens never wait for it.
 */
export const GET: APIRoute = ({ site }) => {
  const cfg = loadPartnership();
  const origin = new URL(site ?? cfg.site.url).origin;
  const css = `/* Generated from data/partnership.yaml. */
html .sq-main a[href^="/"]::after { content: " (" ${cssString(origin)} attr(href) ")"; }
@page {
  @bottom-left { content: ${cssString(`${cfg.area.name} · ${origin}${cfg.site.base === '/' ? '' : cfg.site.base}`)}; font: 8pt system-ui, sans-serif; color: #484949; }
  @bottom-right { content: "Page " counter(page) " of " counter(pages); font: 8pt system-ui, sans-serif; color: #484949; }
}
`;
  return new Response(css, { headers: { 'content-type': 'text/css; charset=utf-8' } });
};
