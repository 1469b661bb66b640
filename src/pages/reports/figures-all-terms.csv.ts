import type { APIRoute } from 'astro';
import { figuresCsv } from '../../lib/data/figures-table';
import { allFigureRows } from '../../lib/data-files';

/** Every term's published figures in one tidy CSV file, oldest term first, for time series. */
export const GET: APIRoute = async () => {
  const csv = figuresCsv(await allFigureRows());
  return new Response(`\uFEFF${csv}`, { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
