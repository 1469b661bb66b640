import Cite from '../Cite.astro';
import Table from './Table.astro';
import TaskCheckbox from './TaskCheckbox.astro';

/**
 * Components every MDX page can use: replacements for HTML elements (tables that scroll, accessible
 * task lists) and <Cite id="..." />, a numbered note linking to the page's "Where this comes from" list.
 */
export const mdxComponents = { table: Table, input: TaskCheckbox, Cite };
