/** What is wrong with an inventory file; see docs/inventory-file.md for each. */
export enum InventoryFileErrorCode {
  /** Not well-formed YAML or JSON. */
  SYNTAX_ERROR = 'SYNTAX_ERROR',
  /** Nested too deep, too many nodes, or aliases that expand too far: refused before it is parsed. */
  TOO_COMPLEX = 'TOO_COMPLEX',
  /** A mapping key that is an alias, a collection or null: keys are written out as strings. */
  UNWRITTEN_KEY = 'UNWRITTEN_KEY',
  /** A string with a NUL character or a lone UTF-16 surrogate, which cannot be stored. */
  INVALID_CHARACTER = 'INVALID_CHARACTER',
  /** Violates the published JSON Schema (a missing or unknown field, a wrong type or value). */
  SCHEMA_VIOLATION = 'SCHEMA_VIOLATION',
  /** Two entries of one section (or one list) with the same key. */
  DUPLICATE_KEY = 'DUPLICATE_KEY',
  /** A key that names no entry of the section it refers to. */
  UNKNOWN_REFERENCE = 'UNKNOWN_REFERENCE',
  /** A prune that would remove an entry something kept still refers to (a stored person's consent). */
  STILL_REFERENCED = 'STILL_REFERENCED',
  /** A reference to a party of the wrong kind (an activity's controller, a sub-processor's engager). */
  WRONG_PARTY_KIND = 'WRONG_PARTY_KIND',
  /** A well-formed code that is not an ISO 3166-1 alpha-2 country. */
  UNKNOWN_COUNTRY = 'UNKNOWN_COUNTRY',
  /** A data category that lies under itself. */
  CATEGORY_CYCLE = 'CATEGORY_CYCLE',
  /** A flow from a party to itself. */
  SELF_FLOW = 'SELF_FLOW',
  /** An end (effectiveTo, expiresOn, withdrawnAt) before its start. */
  DATES_OUT_OF_ORDER = 'DATES_OUT_OF_ORDER',
  /** A SUB_PROCESSOR without the processor that engaged it. */
  MISSING_ENGAGED_BY = 'MISSING_ENGAGED_BY',
  /** engagedBy on a party that is not a SUB_PROCESSOR. */
  UNEXPECTED_ENGAGED_BY = 'UNEXPECTED_ENGAGED_BY',
  /** A flow carrying a category its activity does not process. */
  CATEGORY_NOT_COVERED = 'CATEGORY_NOT_COVERED',
  /** A flow reaching a country where its receiver is not. */
  COUNTRY_NOT_OF_RECEIVER = 'COUNTRY_NOT_OF_RECEIVER',
  /** A consent naming both an activity and a flow, or neither. */
  CONSENT_TARGET = 'CONSENT_TARGET',
  /** localisedUnlessConsented on an activity without localisedIn: an exception to no promise. */
  EXCEPTION_WITHOUT_PROMISE = 'EXCEPTION_WITHOUT_PROMISE',
  /** A flow naming both `mechanisms` and the single-mechanism shorthand (`mechanism`, `piplExemption`). */
  MECHANISMS_AND_SHORTHAND = 'MECHANISMS_AND_SHORTHAND',
}

/** A problem at a place in the document, before it is located in the text. */
export interface InventoryProblem {
  /** JSON pointer (RFC 6901) to the offending field, e.g. '/flows/3/to'; '' for the whole document. */
  path: string;
  code: InventoryFileErrorCode;
  /** Names the field and the offending value. */
  message: string;
}

export interface InventoryFileError extends InventoryProblem {
  /** 1-based line of the offending node (or of its nearest enclosing node), null when there is none. */
  line: number | null;
  /** 1-based column, null when there is none. */
  column: number | null;
}

/** A JSON pointer (RFC 6901) from its segments. */
export function jsonPointer(...segments: (string | number)[]): string {
  return segments.map((segment) => `/${String(segment).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
}

/** The segments of a JSON pointer. */
export function pointerSegments(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** How a message names the field at `pointer`: its last name and any index after it ('to', 'countries[1]'). */
export function fieldName(pointer: string): string {
  const segments = pointerSegments(pointer);
  let name = '';
  for (const segment of segments) name = /^\d+$/.test(segment) ? `${name}[${segment}]` : segment;
  return name === '' ? 'document' : name;
}
