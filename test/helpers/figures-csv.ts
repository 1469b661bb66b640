/**
 * A term's figures.csv read back with papaparse: the figure named by section, group and measure,
 * written as the report page writes it ("87%", "80% or more", "4.0", "c").
 */
import Papa from 'papaparse';
import { displayValue, type FigureRow } from '../../src/lib/data/figures-table';

type Key = { section: string; group: string; measure: string };

/** The rows of a figures.csv, with their numbers as numbers and empty cells as null. */
export function figureRowsOf(text: string): FigureRow[] {
  const parsed = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true });
  const num = (s: string | undefined) => (s === undefined || s === '' ? null : Number(s));
  return parsed.data.map((r) => ({ ...(r as unknown as FigureRow), value: num(r.value), lower_bound: num(r.lower_bound), upper_bound: num(r.upper_bound), ci_lower_95: num(r.ci_lower_95), ci_upper_95: num(r.ci_upper_95), status: r.status ?? '', revised: r.revised === 'true' }));
}

/** The figure named by key, as the page writes it, or undefined when the file has no such row. */
export function csvFigure(text: string, key: Key, symbol: string): string | undefined {
  const row = figureRowsOf(text).find((r) => r.section === key.section && r.group === key.group && r.measure === key.measure);
  return row && displayValue(row, { symbol });
}
