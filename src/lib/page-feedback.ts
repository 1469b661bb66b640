/** What a reader is telling us about a page. */
export type FeedbackKind = 'useful' | 'not-useful' | 'problem';

const SUBJECTS: Record<FeedbackKind, string> = {
  useful: 'This page is useful',
  'not-useful': 'This page is not useful',
  problem: 'Problem with this page',
};

/**
 * Where the "Is this page useful?" and "Report a problem" links go, with the page's title and
 * address passed along so nobody has to say which page they mean. With a form address, {url},
 * {title} and {feedback} in it are filled in (or added as page, title and feedback parameters
 * when it has none); without one, an email to the contact address with them pre-filled.
 */
export function feedbackHref(opts: { form?: string | undefined; email: string; title: string; url: string; kind: FeedbackKind }): string {
  const { form, email, title, url, kind } = opts;
  if (form) {
    const values: Record<string, string> = { url, title, feedback: kind };
    if (/\{(url|title|feedback)\}/.test(form)) return form.replace(/\{(url|title|feedback)\}/g, (_, k: string) => encodeURIComponent(values[k]!));
    const u = new URL(form);
    u.searchParams.set('page', url);
    u.searchParams.set('title', title);
    u.searchParams.set('feedback', kind);
    return u.href;
  }
  const subject = `${SUBJECTS[kind]}: ${title}`;
  const body = `Page: ${title}\nAddress: ${url}\n\n${kind === 'problem' ? 'What is wrong:' : 'Tell us more (optional):'}\n`;
  return `mailto:${email}?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(body)}`;
}
