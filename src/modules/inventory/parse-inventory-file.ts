import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument, type Document } from 'yaml';
import type { InventoryDocument } from './inventory-document';
import { InventoryFileErrorCode, pointerSegments, type InventoryFileError, type InventoryProblem } from './inventory-file-error';
import { schemaProblems } from './inventory-file-schema';
import { validateInventory } from './validate-inventory';

export type InventoryFileFormat = 'yaml' | 'json';

export type ParsedInventoryFile = { document: InventoryDocument } | { errors: InventoryFileError[] };

/**
 * Reads an inventory file and reports everything wrong with it at once, each error at the line and
 * column of the offending node. JSON is read by the same YAML parser (JSON text is YAML), with the
 * JSON schema of scalars so that a bare word is an error there. When the text is not well-formed,
 * only the syntax errors are reported: what the parser recovered is not worth checking further.
 */
export function parseInventoryFile(text: string, format: InventoryFileFormat = 'yaml'): ParsedInventoryFile {
  const lineCounter = new LineCounter();
  const yamlDocument = parseDocument(text, { lineCounter, prettyErrors: false, schema: format === 'json' ? 'json' : 'core' });
  if (yamlDocument.errors.length > 0) {
    return { errors: yamlDocument.errors.map((error) => syntaxError(error.pos[0], error.message, lineCounter)) };
  }
  let data: unknown;
  try {
    data = yamlDocument.toJS();
  } catch (error) {
    // toJS refuses documents whose aliases expand without bound ("billion laughs").
    return { errors: [syntaxError(0, (error as Error).message, lineCounter)] };
  }
  const problems = documentProblems(data);
  if (problems.length === 0) return { document: data as InventoryDocument };
  return { errors: sortedByPosition(problems.map((problem) => locatedProblem(problem, yamlDocument, lineCounter))) };
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
