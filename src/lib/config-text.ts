/**
 * Words that come from the partnership configuration, for content to use instead of typing them:
 * MDX pages use the components in src/components/config/, and YAML text (the glossary, the
 * timetable) uses the placeholders below, which cannot hold components.
 */
import type { Partnership } from './schemas/partnership.ts';
import { allTerms } from './data/terms.ts';

const NUMBER_WORDS = ['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve'];

/** A small count as a word ("six"), as plain English writes it; 13 and over as figures. */
export function numberWord(n: number): string {
  return NUMBER_WORDS[n] ?? String(n);
}

/** "North, South and Coast": a list joined the way a sentence joins it. */
export function joinList(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/** Every locality's name, in the configured order. */
export function localityList(cfg: Partnership): string {
  return joinList(cfg.localities.map((l) => l.name));
}

/** The configured target as written in a sentence: "80%". */
export function targetText(cfg: Partnership): string {
  return `${cfg.target.goodOrBetterPercent}%`;
}

/** The label of a configured term ("Summer term 2025/26"), or undefined for an unknown id. */
export function termLabel(cfg: Partnership, id: string): string | undefined {
  return allTerms(cfg).find((t) => t.id === id)?.label;
}

/**
 * Placeholders allowed in YAML text. A placeholder is used rather than a component because YAML
 * is data, not MDX: `{area}` reads naturally in the file and is replaced wherever the text is shown.
 */
export const PLACEHOLDERS: Record<string, { meaning: string; value: (cfg: Partnership) => string }> = {
  area: { meaning: 'the short name of the area, e.g. "Northvale"', value: (c) => c.area.shortName },
  areaName: { meaning: 'the full name of the partnership', value: (c) => c.area.name },
  localities: { meaning: 'every locality, e.g. "North, South and Coast"', value: localityList },
  localityCount: { meaning: 'how many localities there are, as a word', value: (c) => numberWord(c.localities.length) },
  target: { meaning: 'the target share of audits Good or better, e.g. "80%"', value: targetText },
  threshold: { meaning: 'the largest count that is never published', value: (c) => String(c.disclosure.threshold) },
};

const PLACEHOLDER = /\{([A-Za-z]+)\}/g;

/** Replace every known placeholder in YAML text with its configured value. */
export function fillPlaceholders(text: string, cfg: Partnership): string {
  return text.replace(PLACEHOLDER, (whole, name: string) => PLACEHOLDERS[name]?.value(cfg) ?? whole);
}

/** Placeholders in the text that are not known, with their 0-based offsets. */
export function unknownPlaceholders(text: string): { name: string; index: number }[] {
  return [...text.matchAll(PLACEHOLDER)].filter((m) => !PLACEHOLDERS[m[1]!]).map((m) => ({ name: m[1]!, index: m.index }));
}
