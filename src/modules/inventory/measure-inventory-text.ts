import { CST, Lexer } from 'yaml';

/** How complex an inventory file may be before it is parsed into a document. */
export interface InventoryTextLimits {
  /** Deepest nesting of collections (mappings, sequences, flow or block), as estimated below. */
  maxDepth: number;
  /** Most nodes: scalars, aliases and collection items. */
  maxNodes: number;
  /** Most nodes an alias may add when the document is built (the `yaml` package's maxAliasCount). */
  maxAliasCount: number;
}

/**
 * A real inventory nests six levels (the document, a section, an entry, a list, an item, a field):
 * 64 leaves room for any hand-written file while the parser, which recurses per level and spends
 * time quadratic in the depth, stays fast. A million nodes is about 30 MB of YAML of persons.
 */
export const DEFAULT_TEXT_LIMITS: InventoryTextLimits = { maxDepth: 64, maxNodes: 1_000_000, maxAliasCount: 1_000 };

export interface TextLimitViolation {
  /** Offset in the text where the limit was passed. */
  offset: number;
  message: string;
}

/** Lexer tokens that mark a place in the token stream and are not text of the source. */
const CONTROL_TOKENS = new Set([CST.DOCUMENT, CST.FLOW_END, CST.SCALAR]);
const FLOW_OPENERS = new Set(['flow-map-start', 'flow-seq-start']);
const FLOW_CLOSERS = new Set(['flow-map-end', 'flow-seq-end']);
/** Indicators that open a block collection, or an item of one, where they stand. */
const BLOCK_INDICATORS = new Set(['seq-item-ind', 'explicit-key-ind', 'map-value-ind']);
const NODE_TOKENS = new Set(['scalar', 'alias', 'flow-map-start', 'flow-seq-start', 'seq-item-ind', 'explicit-key-ind', 'map-value-ind']);

/**
 * Measures the nesting and size of YAML (or JSON) text from the lexer's token stream, which the
 * `yaml` package produces in one pass without building anything, and stops at the first limit
 * passed. Building the document is what costs: the parser's time grows with the square of the
 * nesting (a megabyte of `[` took half a minute) and its composer recurses per level (deep text
 * overflowed the stack).
 *
 * The depth is an estimate, not the exact depth: open flow collections, plus the block
 * collections left open by less indented lines, plus the block indicators (`- `, `? `, `: `) on the
 * current line, each of which can open one more level in place (`- - - x`). It counts a mapping's
 * line and its value's indicator both (at most twice the depth), and misses a sequence written at
 * its key's indentation (at most half the depth): either way the depth the parser sees is bounded.
 */
export function measureInventoryText(text: string, limits: InventoryTextLimits): TextLimitViolation | null {
  let offset = 0;
  let flowDepth = 0;
  let nodes = 0;
  /** Columns of the lines whose block collections are still open, innermost last. */
  const openIndents: number[] = [];
  let lineIndent = 0;
  let lineStarted = false;
  let lineIndicators = 0;
  let afterScalarMark = false;
  for (const token of new Lexer().lex(text)) {
    const type = CST.tokenType(token);
    const start = offset;
    if (!CONTROL_TOKENS.has(token)) offset += token.length;
    if (type === 'scalar' && token === CST.SCALAR) {
      // The text of a scalar follows its mark; a block scalar's text starts with spaces.
      afterScalarMark = true;
      nodes += 1;
      continue;
    }
    const isScalarText = afterScalarMark;
    afterScalarMark = false;
    if (type !== 'scalar' && NODE_TOKENS.has(type ?? '')) nodes += 1;
    else if (type === 'single-quoted-scalar' || type === 'double-quoted-scalar') nodes += 1;
    if (nodes > limits.maxNodes) return { offset: start, message: `more than ${limits.maxNodes} nodes` };

    if (type === 'newline' && !isScalarText) {
      lineIndent = 0;
      lineStarted = false;
      lineIndicators = 0;
      continue;
    }
    if (type === 'space' && !lineStarted && !isScalarText) {
      lineIndent = token.length;
      continue;
    }
    if (type === 'comment' || type === 'doc-mode' || type === 'byte-order-mark' || type === 'space') continue;
    if (!lineStarted && flowDepth === 0) {
      while (openIndents.length > 0 && openIndents[openIndents.length - 1] >= lineIndent) openIndents.pop();
      openIndents.push(lineIndent);
    }
    lineStarted = true;
    if (type !== null && FLOW_OPENERS.has(type)) flowDepth += 1;
    else if (type !== null && FLOW_CLOSERS.has(type)) flowDepth = Math.max(0, flowDepth - 1);
    else if (type !== null && BLOCK_INDICATORS.has(type) && flowDepth === 0) lineIndicators += 1;
    // The outermost line opens a collection only through its indicators or brackets.
    if (openIndents.length - 1 + lineIndicators + flowDepth > limits.maxDepth) {
      return { offset: start, message: `collections nest deeper than the ${limits.maxDepth} levels allowed` };
    }
  }
  return null;
}

/** The 1-based line and column of an offset, counted as the `yaml` package counts them. */
export function positionAt(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let index = text.indexOf('\n'); index !== -1 && index < offset; index = text.indexOf('\n', index + 1)) {
    line += 1;
    lineStart = index + 1;
  }
  return { line, column: offset - lineStart + 1 };
}
