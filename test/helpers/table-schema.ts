/**
 * Reads a CSV file as the Frictionless Table Schema says a reader must (Table Schema v2,
 * https://datapackage.org/standard/table-schema/): papaparse splits the rows (RFC 4180), then
 * each cell is cast by its field's type, with the schema's missing values and constraints
 * (required, enum, minimum, maximum, pattern) and the primary key's uniqueness. Written for the
 * types the downloads use (string, number, integer, boolean); any other type is an error, so a
 * schema that grows a new type makes the test say so.
 */
import Papa from 'papaparse';

export interface Field {
  name: string;
  type: string;
  trueValues?: string[];
  falseValues?: string[];
  constraints?: { required?: boolean; enum?: unknown[]; minimum?: number; maximum?: number; pattern?: string };
}
export interface TableSchema {
  fields: Field[];
  missingValues?: string[];
  primaryKey?: string[] | string;
}
export type Cast = string | number | boolean | null;

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const INTEGER = /^[+-]?\d+$/;

function castCell(field: Field, raw: string, missing: Set<string>): { value: Cast; error?: string } {
  if (missing.has(raw)) return field.constraints?.required ? { value: null, error: 'required but missing' } : { value: null };
  let value: Cast;
  switch (field.type) {
    case 'string':
      value = raw;
      break;
    case 'number':
      if (!NUMBER.test(raw) && !['NaN', 'INF', '-INF'].includes(raw)) return { value: null, error: `"${raw}" is not a number` };
      value = raw === 'INF' ? Infinity : raw === '-INF' ? -Infinity : Number(raw);
      break;
    case 'integer':
      if (!INTEGER.test(raw)) return { value: null, error: `"${raw}" is not an integer` };
      value = Number(raw);
      break;
    case 'boolean': {
      const t = field.trueValues ?? ['true', 'True', 'TRUE', '1'];
      const f = field.falseValues ?? ['false', 'False', 'FALSE', '0'];
      if (t.includes(raw)) value = true;
      else if (f.includes(raw)) value = false;
      else return { value: null, error: `"${raw}" is not a boolean` };
      break;
    }
    default:
      return { value: null, error: `type "${field.type}" is not read by this helper` };
  }
  const c = field.constraints ?? {};
  if (c.enum && !c.enum.includes(value)) return { value, error: `"${raw}" is not one of ${JSON.stringify(c.enum)}` };
  if (c.minimum !== undefined && typeof value === 'number' && value < c.minimum) return { value, error: `${value} is below the minimum ${c.minimum}` };
  if (c.maximum !== undefined && typeof value === 'number' && value > c.maximum) return { value, error: `${value} is above the maximum ${c.maximum}` };
  if (c.pattern !== undefined && typeof value === 'string' && !new RegExp(`^(?:${c.pattern})$`).test(value)) return { value, error: `"${raw}" does not match ${c.pattern}` };
  return { value };
}

/** Every row of a CSV text cast by the schema, with every error found (row numbers count the header as 1). */
export function readTable(text: string, schema: TableSchema): { header: string[]; rows: Record<string, Cast>[]; errors: string[] } {
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: true });
  const errors = parsed.errors.map((e) => `row ${(e.row ?? 0) + 1}: ${e.message}`);
  const [header = [], ...body] = parsed.data;
  const names = schema.fields.map((f) => f.name);
  if (JSON.stringify(header) !== JSON.stringify(names)) errors.push(`the header ${JSON.stringify(header)} is not the schema's fields ${JSON.stringify(names)}`);
  const missing = new Set(schema.missingValues ?? ['']);
  const key = typeof schema.primaryKey === 'string' ? [schema.primaryKey] : (schema.primaryKey ?? []);
  const seen = new Set<string>();
  const rows = body.map((cells, i) => {
    const row: Record<string, Cast> = {};
    if (cells.length !== names.length) errors.push(`row ${i + 2}: ${cells.length} cells, expected ${names.length}`);
    schema.fields.forEach((f, j) => {
      const { value, error } = castCell(f, cells[j] ?? '', missing);
      if (error) errors.push(`row ${i + 2}, ${f.name}: ${error}`);
      row[f.name] = value;
    });
    if (key.length) {
      const k = JSON.stringify(key.map((n) => row[n]));
      if (seen.has(k)) errors.push(`row ${i + 2}: the primary key ${k} is used twice`);
      seen.add(k);
    }
    return row;
  });
  return { header, rows, errors };
}
