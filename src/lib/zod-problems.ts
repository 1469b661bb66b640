import type { z } from 'astro/zod';
import type { Problem } from './problems.ts';
import { distance } from 'fastest-levenshtein';
import { nearest } from './suggest.ts';
import type { FieldPath, YamlSource } from './yaml-source.ts';

/** "audience[0]" or "source.document" from a zod path. */
export function fieldName(path: FieldPath): string {
  return path
    .map((k, i) => (typeof k === 'number' ? `[${k}]` : `${i ? '.' : ''}${String(k)}`))
    .join('');
}

function valueAt(data: unknown, path: FieldPath): unknown {
  let v: unknown = data;
  for (const k of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[k];
  }
  return v;
}

/** A value as a reader would recognise it, shortened. */
export function showValue(v: unknown): string {
  if (v === undefined) return 'nothing';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  const s = typeof v === 'string' ? `"${v}"` : JSON.stringify(v);
  return s.length > 80 ? `${s.slice(0, 77)}…` : s;
}

const TYPE_WORDS: Record<string, string> = {
  string: 'text',
  number: 'a number',
  boolean: 'true or false',
  array: 'a list (lines starting with "- ", or [a, b])',
  object: 'a group of fields',
};

type Issue = z.core.$ZodIssue;

function explain(issue: Issue, value: unknown): Pick<Problem, 'message' | 'expected' | 'fix' | 'didYouMean'> {
  switch (issue.code) {
    case 'invalid_type':
      if (value === undefined) {
        return {
          message: 'this required field is missing',
          expected: TYPE_WORDS[issue.expected] ?? issue.expected,
          fix: 'add the field; see a similar file for an example',
        };
      }
      return { message: `found ${showValue(value)}`, expected: TYPE_WORDS[issue.expected] ?? issue.expected };
    case 'invalid_value':
      return {
        message: `found ${showValue(value)}`,
        expected: `one of: ${issue.values.map((v) => String(v)).join(', ')}`,
        fix: 'use one of the listed values, spelt exactly as shown',
      };
    case 'too_small':
    case 'too_big': {
      const what = issue.origin === 'array' ? 'items' : issue.origin === 'string' ? 'characters' : '';
      return { message: `found ${showValue(value)}: ${issue.message}`, expected: what ? `${issue.message} (${what})` : undefined };
    }
    case 'invalid_union':
      return {
        message: `found ${showValue(value)}, which is not in an accepted form`,
        expected: 'text, or a group with "text" and "codeOfPractice"',
      };
    case 'custom': {
      // A schema can say what it expected and how to fix it in the issue's params (see IsoDateSchema).
      const params = (issue.params ?? {}) as { expected?: string; fix?: string; didYouMean?: string };
      return {
        message: value === undefined ? issue.message : `found ${showValue(value)}: ${issue.message}`,
        expected: params.expected,
        fix: params.fix,
        ...(params.didYouMean ? { didYouMean: params.didYouMean } : {}),
      };
    }
    default:
      return { message: value === undefined ? issue.message : `found ${showValue(value)}: ${issue.message}` };
  }
}

/** The top-level fields an object schema has, for "Did you mean …?" on an unknown one. */
export function fieldsOf(schema: z.ZodType): string[] | undefined {
  const shape = (schema as { shape?: Record<string, unknown> }).shape;
  return shape ? Object.keys(shape) : undefined;
}

/** Words a spreadsheet or a person might type for true or false. */
const YES = new Set(['yes', 'y', 'true', 'on', '1']);
const NO = new Set(['no', 'n', 'false', 'off', '0']);

/**
 * Turn every zod issue into a Problem with file, line, column, field, value and expectation.
 * Each unknown field is reported on its own line. An unknown field spelt like a required field
 * that is missing ("sumary" with no "summary") is reported once, as that misspelling, instead of
 * as one unknown and one missing field; otherwise `knownKeys` (the top-level fields the schema
 * has) gives the nearest one as "Did you mean …?".
 */
export function zodProblems(error: z.ZodError, src: Pick<YamlSource, 'file' | 'data' | 'locate'>, prefix: FieldPath = [], knownKeys?: readonly string[]): Problem[] {
  const out: (Problem | undefined)[] = [];
  const missing: { parent: string; key: string; at: number }[] = [];
  for (const issue of error.issues) {
    if (issue.code === 'unrecognized_keys') continue;
    const path = [...prefix, ...issue.path] as PropertyKey[];
    const value = valueAt(src.data, path);
    const { line, column } = src.locate(path);
    const problem: Problem = { file: src.file, line, column, field: path.length ? fieldName(path) : undefined, ...explain(issue, value) };
    if (issue.code === 'invalid_type' && issue.expected === 'boolean' && typeof value === 'string') {
      const word = value.trim().toLowerCase();
      const meant = YES.has(word) ? 'true' : NO.has(word) ? 'false' : undefined;
      problem.fix = meant ? `write ${meant}, without quotation marks` : 'write true or false, without quotation marks';
      if (meant) problem.didYouMean = meant;
    }
    if (issue.code === 'invalid_type' && value === undefined && path.length) missing.push({ parent: fieldName(path.slice(0, -1)), key: String(path.at(-1)), at: out.length });
    out.push(problem);
  }
  for (const issue of error.issues) {
    if (issue.code !== 'unrecognized_keys') continue;
    const parent = [...prefix, ...issue.path] as PropertyKey[];
    for (const key of issue.keys) {
      const path = [...parent, key];
      const where = { file: src.file, ...src.locate(path), field: fieldName(path) };
      const candidates = missing.filter((m) => m.parent === fieldName(parent) && out[m.at]);
      // A required field is missing and an unknown one is present: allow two slips in a name of
      // four letters or more (a swapped pair of letters, "titel" for "title", is two), one in a
      // shorter name ("to" is not a slip for "on").
      const slips = (k: string) => Math.max(k.length >= 4 ? 2 : 1, Math.floor(k.length / 3));
      const meant = candidates.map((m) => m.key).find((k) => distance(k.toLowerCase(), key.toLowerCase()) <= slips(k));
      if (meant) {
        out[candidates.find((m) => m.key === meant)!.at] = undefined;
        out.push({
          ...where,
          message: `found the field "${key}", which looks like a misspelling of "${meant}": "${meant}" is required and is missing`,
          expected: `the field "${meant}"`,
          fix: `rename "${key}" to "${meant}"`,
          didYouMean: `"${meant}"`,
        });
        continue;
      }
      const known = parent.length === prefix.length ? knownKeys : undefined;
      const near = known ? nearest(key, known) : undefined;
      out.push({
        ...where,
        message: `unknown field "${key}"`,
        expected: known?.length ? `only the fields this file can have: ${known.join(', ')}` : 'only the documented fields',
        fix: near ? `rename it to "${near}" if that is what you meant, or remove it` : 'check the spelling of the field name, or remove it',
        ...(near ? { didYouMean: `"${near}"` } : {}),
      });
    }
  }
  return out.filter((p): p is Problem => p !== undefined);
}
