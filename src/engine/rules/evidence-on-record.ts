import type { EvidenceKind } from '../../domain/evidence-kind';
import type { EvidenceRecord } from '../core/inventory-snapshot';

/** Evidence counts on a day when it was dated by then and has not expired (expiresOn is its last valid day). */
export function isValidOn(record: EvidenceRecord, date: string): boolean {
  return record.datedOn <= date && (record.expiresOn === null || date <= record.expiresOn);
}

export function hasValidEvidence(records: readonly EvidenceRecord[], kind: EvidenceKind, date: string): boolean {
  return records.some((record) => record.kind === kind && isValidOn(record, date));
}

/** Records of that kind dated by the day, whether still valid or not. */
export function evidenceDatedBy(records: readonly EvidenceRecord[], kind: EvidenceKind, date: string): EvidenceRecord[] {
  return records.filter((record) => record.kind === kind && record.datedOn <= date);
}
