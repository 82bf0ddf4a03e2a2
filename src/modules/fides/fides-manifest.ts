import { parse } from 'yaml';
import { DEFAULT_TEXT_LIMITS, measureInventoryText, positionAt } from '../inventory/measure-inventory-text';

/**
 * Fideslang manifests as read from their files: the resources of each file with where they stand,
 * so that every warning names the manifest and the resource it is about. The format is fideslang's
 * (`system`, `dataset`, `organization`, `data_category`, `data_use`, `data_subject`, `policy` lists
 * at the top level of a YAML file; an `organization` may also be a single mapping).
 */

export const FIDES_RESOURCE_KINDS = ['organization', 'data_category', 'data_subject', 'data_use', 'dataset', 'system', 'policy'] as const;

export type FidesResourceKind = (typeof FIDES_RESOURCE_KINDS)[number];

/** A resource as written: fideslang's own field names, unvalidated beyond being a mapping with a `fides_key`. */
export type FidesObject = Record<string, unknown>;

export interface FidesResource {
  kind: FidesResourceKind;
  fidesKey: string;
  value: FidesObject;
  /** `demo.yml: system[0] (demo_analytics_system)`: where a reader finds it. */
  at: string;
}

/** Something of a manifest that Flowmap reads differently or not at all: the import goes on. */
export interface FidesWarning {
  at: string;
  message: string;
}

export interface FidesManifestSource {
  /** The file's name as the user gave it (printed in warnings and errors). */
  file: string;
  text: string;
}

export interface ReadFidesManifests {
  resources: FidesResource[];
  warnings: FidesWarning[];
  /** Problems that stop the import: a file that is no manifest. */
  errors: FidesWarning[];
}

export function isObject(value: unknown): value is FidesObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Reads every manifest, each bounded as an inventory file is before it is parsed. */
export function readFidesManifests(sources: readonly FidesManifestSource[]): ReadFidesManifests {
  const read: ReadFidesManifests = { resources: [], warnings: [], errors: [] };
  for (const { file, text } of sources) {
    const violation = measureInventoryText(text, DEFAULT_TEXT_LIMITS);
    if (violation) {
      const { line, column } = positionAt(text, violation.offset);
      read.errors.push({ at: `${file}:${line}:${column}`, message: violation.message });
      continue;
    }
    let top: unknown;
    try {
      top = parse(text, { maxAliasCount: DEFAULT_TEXT_LIMITS.maxAliasCount, uniqueKeys: true, prettyErrors: false });
    } catch (error) {
      const place = (error as { linePos?: { line: number; col: number }[] }).linePos?.[0];
      read.errors.push({ at: place ? `${file}:${place.line}:${place.col}` : file, message: `not YAML: ${(error as Error).message.split('\n')[0]}` });
      continue;
    }
    if (top === null || top === undefined) {
      read.warnings.push({ at: file, message: 'empty manifest' });
      continue;
    }
    if (!isObject(top)) {
      read.errors.push({ at: file, message: 'a fideslang manifest is a mapping of resource lists (system:, dataset:, ...)' });
      continue;
    }
    for (const [section, value] of Object.entries(top)) {
      if (!(FIDES_RESOURCE_KINDS as readonly string[]).includes(section)) {
        read.warnings.push({ at: `${file}: ${section}`, message: `not a fideslang resource type (${FIDES_RESOURCE_KINDS.join(', ')}): ignored` });
        continue;
      }
      const kind = section as FidesResourceKind;
      // fideslang's own documentation writes `organization:` as one mapping; its models take a list.
      const entries = kind === 'organization' && isObject(value) ? [value] : value;
      if (!Array.isArray(entries)) {
        read.errors.push({ at: `${file}: ${section}`, message: 'must be a list of resources' });
        continue;
      }
      entries.forEach((entry: unknown, index) => {
        const at = `${file}: ${section}[${index}]`;
        if (!isObject(entry) || typeof entry.fides_key !== 'string' || entry.fides_key === '') {
          read.errors.push({ at, message: 'a resource is a mapping with a fides_key' });
          return;
        }
        read.resources.push({ kind, fidesKey: entry.fides_key, value: entry, at: `${at} (${entry.fides_key})` });
      });
    }
  }
  return read;
}
