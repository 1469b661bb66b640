import Table from './Table.astro';
import TaskCheckbox from './TaskCheckbox.astro';
import { configComponents } from '../config';

/**
 * Components for every MDX page: replacements for HTML elements (tables that scroll, accessible
 * task lists) and the words the configuration knows (<AreaName />, <TargetPercent />, <Localities />…).
 */
export const mdxComponents = { table: Table, input: TaskCheckbox, ...configComponents };
