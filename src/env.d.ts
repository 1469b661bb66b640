declare namespace App {
  interface Locals {
    /** The citations of the page being rendered: set by the page template (citePage), read by <Cite />. */
    cite?: import('./lib/citations').CitePage;
    /**
     * The term of the briefing being rendered (its frontmatter `term:`), set by the briefing page
     * before its MDX renders: every briefing component without otherTerm="…" quotes this term.
     */
    briefingTerm?: string;
  }
}
