import type { APIRoute } from 'astro';
import { base } from 'astro:config/server';
import { reportsDataPackage, siteAddress } from '../../lib/data-files';

/**
 * The metadata of the data downloads: a Frictionless Data Package (src/lib/data/data-package.ts
 * says why this standard), listing the all-terms file and each term's file with one Table Schema.
 */
export const GET: APIRoute = async (context) => {
  const pkg = await reportsDataPackage(siteAddress(context.site, base));
  return new Response(`${JSON.stringify(pkg, null, 2)}\n`, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
