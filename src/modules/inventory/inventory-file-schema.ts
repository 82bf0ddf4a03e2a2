import Ajv2020, { type ErrorObject } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { fieldName, InventoryFileErrorCode, jsonPointer, type InventoryProblem } from './inventory-file-error';
import inventoryFileSchema from './inventory-file.schema.json';

/** The published JSON Schema (draft 2020-12) of the inventory file. */
export const INVENTORY_FILE_SCHEMA = inventoryFileSchema;

const FORMAT_NAMES: Readonly<Record<string, string>> = {
  date: 'a date (YYYY-MM-DD)',
  'date-time': 'an ISO 8601 timestamp with a time zone',
  duration: "an ISO 8601 duration such as 'P30D'",
  uri: 'a URI',
};

const validateAgainstSchema = compileSchema();

function compileSchema() {
  // verbose: each error carries the offending value and the schema it broke, for the message.
  const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true, verbose: true });
  addFormats(ajv);
  return ajv.compile(inventoryFileSchema);
}

/** Every way `data` breaks the schema, each at the pointer of the offending (or missing) field. */
export function schemaProblems(data: unknown): InventoryProblem[] {
  if (validateAgainstSchema(data)) return [];
  return (validateAgainstSchema.errors ?? []).map((error) => {
    const path = errorPath(error);
    return { path, code: InventoryFileErrorCode.SCHEMA_VIOLATION, message: `${fieldName(path)}: ${explain(error)}` };
  });
}

/** Where the error is: a missing or unknown field, or a repeated item, is named itself rather than its parent. */
function errorPath(error: ErrorObject): string {
  const { params } = error;
  switch (error.keyword) {
    case 'required':
      return error.instancePath + jsonPointer(params.missingProperty as string);
    case 'additionalProperties':
      return error.instancePath + jsonPointer(params.additionalProperty as string);
    case 'uniqueItems':
      return error.instancePath + jsonPointer(Math.max(params.i as number, params.j as number));
    default:
      return error.instancePath;
  }
}

/** The offending value as a message quotes it: strings in single quotes, like the other messages. */
function shown(value: unknown): string {
  const text = typeof value === 'string' ? `'${value}'` : (JSON.stringify(value) ?? String(value));
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

function explain(error: ErrorObject): string {
  const { params } = error;
  switch (error.keyword) {
    case 'required':
      return 'is required';
    case 'additionalProperties':
      return 'is not a field of this entry';
    case 'uniqueItems':
      return `${shown((error.data as unknown[])[Math.max(params.i as number, params.j as number)])} is listed twice`;
    case 'enum':
      return `${shown(error.data)} is not one of ${(params.allowedValues as (string | number | null)[]).filter((value) => value !== null).join(', ')}`;
    case 'const':
      return `${shown(error.data)} must be ${shown(params.allowedValue)}`;
    case 'type':
      return `${shown(error.data)} must be ${String(params.type).split(',').join(' or ')}`;
    case 'format':
      return `${shown(error.data)} is not ${FORMAT_NAMES[params.format as string] ?? `in format ${params.format as string}`}`;
    case 'pattern':
      return `${shown(error.data)} is not valid: ${(error.parentSchema as { description?: string }).description ?? error.message}`;
    default:
      return `${shown(error.data)} ${error.message ?? 'is not valid'}`;
  }
}
