import { describe, expect, it } from 'vitest';
import { withBase } from '../../src/lib/base-path';

describe('serving under a base path', () => {
  it('prefixes root-relative links, sources and form actions', () => {
    expect(withBase('<a href="/standards/">S</a><img src="/favicon.svg"><form action="/search/">', '/send-quality/')).toBe(
      '<a href="/send-quality/standards/">S</a><img src="/send-quality/favicon.svg"><form action="/send-quality/search/">',
    );
  });
  it('leaves other links, protocol-relative links and already-prefixed links alone', () => {
    const html = '<a href="https://example.org/x">x</a><a href="//cdn.example/x">y</a><a href="#main">z</a><a href="/send-quality/a/">a</a><a href="mailto:a@b.c">m</a>';
    expect(withBase(html, '/send-quality/')).toBe(html);
  });
  it('does nothing at the root', () => {
    expect(withBase('<a href="/x/">x</a>', '/')).toBe('<a href="/x/">x</a>');
  });
});
