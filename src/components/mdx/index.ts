import Table from './Table.astro';
import TaskCheckbox from './TaskCheckbox.astro';

/** Components that replace HTML elements in every MDX page (tables that scroll, accessible task lists). */
export const mdxComponents = { table: Table, input: TaskCheckbox };
