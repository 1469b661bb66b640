import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { z } from 'astro/zod';
import { ValidationError, type Problem } from './problems.ts';
import { parseYamlSource } from './yaml-source.ts';
import { fieldsOf, zodProblems } from './zod-problems.ts';

export interface Checked<T> {
  value?: T;
  problems: Problem[];
}

/** Read a YAML data file and validate it against a schema, collecting every problem. */
export function checkYamlFile<S extends z.ZodType>(root: string, rel: string, schema: S): Checked<z.output<S>> {
  let text: string;
  try {
    text = readFileSync(join(root, rel), 'utf8');
  } catch {
    return {
      problems: [{ file: rel, message: 'the file is missing', expected: `a file at ${rel}`, fix: 'restore the file from the example in the repository' }],
    };
  }
  const src = parseYamlSource(text.replace(/^\uFEFF/, ''), rel);
  if (src.problems.length) return { problems: src.problems };
  const result = schema.safeParse(src.data);
  if (!result.success) return { problems: zodProblems(result.error, src, [], fieldsOf(schema)) };
  return { value: result.data, problems: [] };
}

/** Read and validate a YAML file, throwing a ValidationError that lists every problem. */
export function loadYamlFile<S extends z.ZodType>(root: string, rel: string, schema: S): z.output<S> {
  const { value, problems } = checkYamlFile(root, rel, schema);
  if (problems.length || value === undefined) throw new ValidationError(problems);
  return value;
}
