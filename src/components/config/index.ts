import AreaName from './AreaName.astro';
import Contact from './Contact.astro';
import Localities from './Localities.astro';
import LocalityCount from './LocalityCount.astro';
import TargetPercent from './TargetPercent.astro';
import Term from './Term.astro';
import Threshold from './Threshold.astro';

/** Words the configuration knows, for every MDX page: content uses these instead of typing the values. */
export const configComponents = { AreaName, Contact, Localities, LocalityCount, TargetPercent, Term, Threshold };
