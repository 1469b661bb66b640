declare namespace App {
  interface Locals {
    /** The citations of the page being rendered: set by the page template (citePage), read by <Cite />. */
    cite?: import('./lib/citations').CitePage;
  }
}
