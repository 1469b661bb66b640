import type { z } from 'astro/zod';
import type { Problem } from './problems.ts';
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
    case 'unrecognized_keys':
      return {
        message: `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}`,
        expected: 'only the documented fields',
        fix: 'check the spelling of the field name, or remove it',
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

/** Turn every zod issue into a Problem with file, line, column, field, value and expectation. */
export function zodProblems(error: z.ZodError, src: Pick<YamlSource, 'file' | 'data' | 'locate'>, prefix: FieldPath = []): Problem[] {
  return error.issues.map((issue) => {
    const path = [...prefix, ...issue.path] as PropertyKey[];
    const value = valueAt(src.data, path);
    const { line, column } = src.locate(path);
    return {
      file: src.file,
      line,
      column,
      field: path.length ? fieldName(path) : undefined,
      ...explain(issue, value),
    };
  });
}
