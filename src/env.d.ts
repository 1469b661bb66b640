declare namespace App {
  interface Locals {
    /**
     * The term of the briefing being rendered (its frontmatter `term:`), set by the briefing page
     * before its MDX renders: every briefing component without otherTerm="…" quotes this term.
     */
    briefingTerm?: string;
  }
}
