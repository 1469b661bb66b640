/**
 * HTTP security headers for static hosts that read a `_headers` file (Netlify, Cloudflare
 * Pages and others). The Content-Security-Policy of each page is the one Astro put in its
 * <meta http-equiv> tag, with the directives a meta tag cannot carry added.
 */

/** Headers sent with every response. */
export const COMMON_HEADERS: Record<string, string> = {
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
  'Cross-Origin-Opener-Policy': 'same-origin',
};

/** Directives that only work in a header, not in a <meta> tag. */
export const HEADER_ONLY_DIRECTIVES = "frame-ancestors 'none'";

/** The CSP in a page's <meta http-equiv="content-security-policy">, if any. */
export function cspFromHtml(html: string): string | undefined {
  const tag = /<meta\s+http-equiv="content-security-policy"\s+content="([^"]*)"/i.exec(html);
  return tag?.[1]?.replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, '&');
}

/** Joins CSP directives, making sure each ends with exactly one separator. */
export function addDirectives(policy: string, extra: string): string {
  return `${policy.trim().replace(/;\s*$/, '')}; ${extra}`;
}

/** A `_headers` file: common headers for every path, then each page's own CSP. */
export function headersFile(pages: { path: string; csp?: string }[]): string {
  const lines = ['/*', ...Object.entries(COMMON_HEADERS).map(([k, v]) => `  ${k}: ${v}`)];
  for (const p of [...pages].sort((a, b) => a.path.localeCompare(b.path))) {
    if (!p.csp) continue;
    const value = addDirectives(p.csp, HEADER_ONLY_DIRECTIVES);
    const paths = p.path.endsWith('/') ? [p.path, `${p.path}index.html`] : [p.path];
    for (const path of paths) lines.push(path, `  Content-Security-Policy: ${value}`);
  }
  return `${lines.join('\n')}\n`;
}

/** Reads a `_headers` file back into rules, for a local server that behaves like the host. */
export function parseHeadersFile(text: string): { pattern: string; headers: Record<string, string> }[] {
  const rules: { pattern: string; headers: Record<string, string> }[] = [];
  for (const line of text.split(/\r?\n/)) {
    if (!line.trim() || line.trim().startsWith('#')) continue;
    if (!/^\s/.test(line)) rules.push({ pattern: line.trim(), headers: {} });
    else {
      const i = line.indexOf(':');
      const rule = rules.at(-1);
      if (rule && i > 0) rule.headers[line.slice(0, i).trim()] = line.slice(i + 1).trim();
    }
  }
  return rules;
}

/** The headers a host would send for a path, given the rules of a `_headers` file. */
export function headersFor(rules: ReturnType<typeof parseHeadersFile>, path: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const r of rules) {
    const match = r.pattern.endsWith('*') ? path.startsWith(r.pattern.slice(0, -1)) : r.pattern === path;
    if (match) Object.assign(out, r.headers);
  }
  return out;
}
