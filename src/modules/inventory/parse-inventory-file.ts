import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument, type Document } from 'yaml';
import type { InventoryDocument } from '../../domain/inventory-document';
import { fieldName, InventoryFileErrorCode, jsonPointer, pointerSegments, type InventoryFileError, type InventoryProblem } from './inventory-file-error';
import { schemaProblems } from './inventory-file-schema';
import { DEFAULT_TEXT_LIMITS, measureInventoryText, positionAt, type InventoryTextLimits } from './measure-inventory-text';
import { validateInventory } from './validate-inventory';

export type InventoryFileFormat = 'yaml' | 'json';

export type ParsedInventoryFile = { document: InventoryDocument } | { errors: InventoryFileError[] };

/** A warning of the YAML parser (an unknown tag, say), by its code and place: never the text it quotes. */
export interface InventoryParseWarning {
  code: string;
  line: number;
  column: number;
}

export interface ParseOptions {
  limits?: InventoryTextLimits;
  /** Told of each warning of the YAML parser, which would otherwise print the text it is about. */
  onWarning?: (warning: InventoryParseWarning) => void;
}

/**
 * Reads an inventory file and reports everything wrong with it at once, each error at the line and
 * column of the offending node. JSON is read by the same YAML parser (JSON text is YAML), with the
 * JSON schema of scalars so that a bare word is an error there. When the text is not well-formed,
 * only the syntax errors are reported: what the parser recovered is not worth checking further.
 *
 * The text is measured before it is parsed (measureInventoryText), so a file nested too deep or
 * with too many nodes is refused before the parser spends time or stack on it. Aliases may repeat
 * a value (a list of countries), within `maxAliasCount` nodes, but never stand for a key: a key is
 * written out, so that what a reader (or a review of the file) sees is the section it is.
 */
export function parseInventoryFile(text: string, format: InventoryFileFormat = 'yaml', options: ParseOptions = {}): ParsedInventoryFile {
  const limits = options.limits ?? DEFAULT_TEXT_LIMITS;
  const violation = measureInventoryText(text, limits);
  if (violation) {
    const { line, column } = positionAt(text, violation.offset);
    return { errors: [{ path: '', line, column, code: InventoryFileErrorCode.TOO_COMPLEX, message: `file: ${violation.message}` }] };
  }
  const lineCounter = new LineCounter();
  // logLevel 'error': the package's own warnings go to process.emitWarning, with the text they quote.
  const yamlDocument = parseDocument(text, { lineCounter, prettyErrors: false, schema: format === 'json' ? 'json' : 'core', logLevel: 'error' });
  for (const warning of yamlDocument.warnings) {
    const { line, col } = lineCounter.linePos(warning.pos[0]);
    options.onWarning?.({ code: warning.code, line, column: col });
  }
  if (yamlDocument.errors.length > 0) {
    return { errors: yamlDocument.errors.map((error) => syntaxError(error.pos[0], error.message, lineCounter)) };
  }
  const keyErrors = unwrittenKeys(yamlDocument, lineCounter);
  if (keyErrors.length > 0) return { errors: keyErrors };
  let data: unknown;
  try {
    data = yamlDocument.toJS({ maxAliasCount: limits.maxAliasCount });
  } catch (error) {
    // toJS refuses documents whose aliases expand past maxAliasCount ("billion laughs").
    return { errors: [{ ...syntaxError(0, (error as Error).message, lineCounter), code: InventoryFileErrorCode.TOO_COMPLEX }] };
  }
  const problems = [...invalidCharacters(data), ...documentProblems(data)];
  if (problems.length === 0) return { document: data as InventoryDocument };
  return { errors: sortedByPosition(problems.map((problem) => locatedProblem(problem, yamlDocument, lineCounter))) };
}

/**
 * Keys that are aliases, collections or null: an alias key (`*k :` with `&k persons` elsewhere)
 * names a section that the text does not show, and a collection key becomes a string only by
 * being printed. Walked without recursion; the depth is bounded already, the width is not.
 */
function unwrittenKeys(yamlDocument: Document, lineCounter: LineCounter): InventoryFileError[] {
  const errors: InventoryFileError[] = [];
  const pending: unknown[] = [yamlDocument.contents];
  while (pending.length > 0) {
    const node = pending.pop();
    // One by one: spreading a list of a million items would overflow the stack.
    if (isSeq(node)) for (const item of node.items) pending.push(item);
    if (!isMap(node)) continue;
    for (const pair of node.items) {
      const offset = startOf(pair.key) ?? startOf(node) ?? 0;
      const { line, col } = lineCounter.linePos(offset);
      const place = { path: '', line, column: col, code: InventoryFileErrorCode.UNWRITTEN_KEY };
      if (isAlias(pair.key)) errors.push({ ...place, message: `key: an alias (*${pair.key.source}) is not allowed as a key; write the key out` });
      else if (!isScalar(pair.key) || pair.key.value === null) errors.push({ ...place, message: 'key: a key must be a plain string, not a collection or null' });
      pending.push(pair.value);
    }
  }
  return sortedByPosition(errors);
}

/** A NUL or a lone surrogate cannot be stored (PostgreSQL refuses both in text and in jsonb). */
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function describeUnstorable(value: string): string {
  return value.includes('\u0000') ? 'contains a NUL character (U+0000)' : 'contains a lone UTF-16 surrogate (not a Unicode character)';
}

/** Every string (value or key) holding what cannot be stored, at its path; walked without recursion. */
function invalidCharacters(data: unknown): InventoryProblem[] {
  const problems: InventoryProblem[] = [];
  const pending: { value: unknown; path: string }[] = [{ value: data, path: '' }];
  const report = (path: string, message: string): void => {
    problems.push({ path, code: InventoryFileErrorCode.INVALID_CHARACTER, message: `${fieldName(path)}: ${message}` });
  };
  while (pending.length > 0) {
    const { value, path } = pending.pop()!;
    if (typeof value === 'string') {
      if (UNSTORABLE.test(value)) report(path, describeUnstorable(value));
    } else if (Array.isArray(value)) {
      value.forEach((item, index) => pending.push({ value: item, path: path + jsonPointer(index) }));
    } else if (typeof value === 'object' && value !== null) {
      for (const [key, item] of Object.entries(value)) {
        // The key is named by its position: quoting it would quote the character.
        if (UNSTORABLE.test(key)) report(path, `a key ${describeUnstorable(key)}`);
        else pending.push({ value: item, path: path + jsonPointer(key) });
      }
    }
  }
  return problems;
}

/** Schema violations, then the semantic problems of the entries that passed the schema. */
function documentProblems(data: unknown): InventoryProblem[] {
  const violations = schemaProblems(data);
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return violations;
  return [...violations, ...validateInventory(data as InventoryDocument, malformedEntries(violations))];
}

/** Pointers of the section entries ('/flows/3') that a schema violation lies in. */
function malformedEntries(violations: InventoryProblem[]): Set<string> {
  const entries = new Set<string>();
  for (const { path } of violations) {
    const [section, index] = pointerSegments(path);
    if (index !== undefined && /^\d+$/.test(index)) entries.add(`/${section}/${index}`);
  }
  return entries;
}

function syntaxError(offset: number, message: string, lineCounter: LineCounter): InventoryFileError {
  const { line, col } = lineCounter.linePos(offset);
  return { path: '', line, column: col, code: InventoryFileErrorCode.SYNTAX_ERROR, message };
}

function locatedProblem(problem: InventoryProblem, yamlDocument: Document, lineCounter: LineCounter): InventoryFileError {
  const offset = offsetOf(yamlDocument, problem.path);
  const position = offset === null ? null : lineCounter.linePos(offset);
  return { ...problem, line: position?.line ?? null, column: position?.col ?? null };
}

function rangeOf(node: unknown): [number, number, number] | null {
  return (node as { range?: [number, number, number] | null } | null)?.range ?? null;
}

function startOf(node: unknown): number | null {
  return rangeOf(node)?.[0] ?? null;
}

/** Whether the node has text of its own: `to:` with nothing after it has an empty value node. */
function hasText(node: unknown): boolean {
  const range = rangeOf(node);
  return range !== null && range[1] > range[0];
}

/**
 * Where the node at `pointer` starts in the text. A field with no value is placed at its key; a
 * missing field at the nearest enclosing node that exists.
 */
function offsetOf(yamlDocument: Document, pointer: string): number | null {
  let node: unknown = yamlDocument.contents;
  let offset = startOf(node);
  for (const segment of pointerSegments(pointer)) {
    if (isAlias(node)) node = node.resolve(yamlDocument);
    if (isMap(node)) {
      const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === segment);
      if (pair === undefined) break;
      offset = (hasText(pair.value) ? startOf(pair.value) : startOf(pair.key)) ?? offset;
      node = pair.value;
    } else if (isSeq(node) && node.items[Number(segment)] !== undefined) {
      node = node.items[Number(segment)];
      offset = startOf(node) ?? offset;
    } else {
      break;
    }
  }
  return offset;
}

function sortedByPosition(errors: InventoryFileError[]): InventoryFileError[] {
  return [...errors].sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
}
