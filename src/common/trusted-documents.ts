import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { parse } from 'graphql';
import { ConfigError } from './config-error';

/** The only documents a server in trusted-documents mode runs: each document by its sha256 (hex). */
export type TrustedDocuments = ReadonlyMap<string, string>;

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

/**
 * Reads a persisted-documents manifest, a JSON object of sha256 (hex) -> document, as GraphQL Code
 * Generator's client preset writes it (hashAlgorithm 'sha256'). Every hash must be that of its
 * document, so a hash and the text it stands for are the same trusted operation.
 */
export function readTrustedDocuments(file: string): TrustedDocuments {
  const where = `FLOWMAP_TRUSTED_DOCUMENTS (${file})`;
  let manifest: unknown;
  try {
    manifest = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new ConfigError(`${where}: cannot read it as JSON: ${(error as Error).message}`);
  }
  if (typeof manifest !== 'object' || manifest === null || Array.isArray(manifest)) {
    throw new ConfigError(`${where}: must be a JSON object of sha256 hash -> document`);
  }
  const documents = new Map<string, string>();
  for (const [hash, document] of Object.entries(manifest)) {
    if (typeof document !== 'string') throw new ConfigError(`${where}: "${hash}": the document must be a string`);
    if (sha256(document) !== hash) throw new ConfigError(`${where}: "${hash}": not the sha256 of its document`);
    try {
      parse(document);
    } catch (error) {
      throw new ConfigError(`${where}: "${hash}": not a GraphQL document: ${(error as Error).message}`);
    }
    documents.set(hash, document);
  }
  if (documents.size === 0) throw new ConfigError(`${where}: lists no documents`);
  return documents;
}

/** What a GraphQL operation is, in a POST body or as GET parameters. */
interface OperationSource {
  query: unknown;
  extensions: unknown;
}

/**
 * The text to run for an operation: its own when trusted, the trusted document its
 * persisted-query hash names when it has no text; undefined when it has neither (Apollo then
 * refuses it). A message naming the field, for an operation that is not trusted.
 */
function trustedText(documents: TrustedDocuments, texts: ReadonlySet<string>, operation: OperationSource): { text?: string } | { refused: string } {
  const notTrusted = (field: string) => ({ refused: `${field}: not one of this server's trusted documents` });
  if (operation.query !== undefined && operation.query !== null && operation.query !== '') {
    return typeof operation.query === 'string' && texts.has(operation.query) ? { text: operation.query } : notTrusted('query');
  }
  const persistedQuery = (operation.extensions as { persistedQuery?: { sha256Hash?: unknown } } | null | undefined)?.persistedQuery;
  if (persistedQuery === undefined) return {};
  const document = typeof persistedQuery?.sha256Hash === 'string' ? documents.get(persistedQuery.sha256Hash) : undefined;
  return document === undefined ? notTrusted('extensions.persistedQuery.sha256Hash') : { text: document };
}

/**
 * Lets only trusted documents through, before anything is parsed: each operation of a POST body
 * (one or a batch) or of GET parameters must send a trusted document's exact text, or name one by
 * its sha256 in the persisted-query extension, whose text is then filled in (Apollo checks the
 * hash against it as for any persisted query sent with its text). Returns the refusal of the first
 * operation that is not trusted, or null.
 */
export function admitTrustedOperations(documents: TrustedDocuments, body: unknown, parameters: URLSearchParams): string | null {
  const texts = new Set(documents.values());
  if (body === undefined) {
    const extensions = parameters.get('extensions');
    let parsedExtensions: unknown;
    try {
      parsedExtensions = extensions === null ? undefined : JSON.parse(extensions);
    } catch {
      return null; // Apollo refuses the malformed parameter itself.
    }
    const admitted = trustedText(documents, texts, { query: parameters.get('query'), extensions: parsedExtensions });
    if ('refused' in admitted) return admitted.refused;
    if (admitted.text !== undefined) parameters.set('query', admitted.text);
    return null;
  }
  for (const operation of Array.isArray(body) ? body : [body]) {
    if (typeof operation !== 'object' || operation === null) continue;
    const source = operation as Record<string, unknown>;
    const admitted = trustedText(documents, texts, { query: source.query, extensions: source.extensions });
    if ('refused' in admitted) return admitted.refused;
    if (admitted.text !== undefined) source.query = admitted.text;
  }
  return null;
}
