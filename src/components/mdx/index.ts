import Cite from '../Cite.astro';
import Table from './Table.astro';
import TaskCheckbox from './TaskCheckbox.astro';
import { configComponents } from '../config';

/**
 * Components every MDX page can use: replacements for HTML elements (tables that scroll, accessible
 * task lists), <Cite id="..." /> (a numbered note linking to the page's "Where this comes from"
 * list) and the words the configuration knows (<AreaName />, <TargetPercent />, <Localities />…).
 */
export const mdxComponents = { table: Table, input: TaskCheckbox, Cite, ...configComponents };
