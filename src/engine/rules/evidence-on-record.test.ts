import { describe, expect, it } from 'vitest';
import { EvidenceKind } from '../../domain/evidence-kind';
import { makeEvidence } from '../test-factories';
import { evidenceDatedBy, hasValidEvidence, isValidOn } from './evidence-on-record';

describe('evidence on record', () => {
  const agreement = makeEvidence(EvidenceKind.DATA_PROCESSING_AGREEMENT, '2024-01-10', '2024-12-31');

  it('counts from the day it is dated to its expiry, both included', () => {
    expect(isValidOn(agreement, '2024-01-09')).toBe(false);
    expect(isValidOn(agreement, '2024-01-10')).toBe(true);
    expect(isValidOn(agreement, '2024-12-31')).toBe(true);
    expect(isValidOn(agreement, '2025-01-01')).toBe(false);
    expect(isValidOn(makeEvidence(EvidenceKind.DATA_PROCESSING_AGREEMENT, '2024-01-10'), '2099-01-01')).toBe(true);
  });

  it('looks for the kind asked', () => {
    expect(hasValidEvidence([agreement], EvidenceKind.DATA_PROCESSING_AGREEMENT, '2024-06-01')).toBe(true);
    expect(hasValidEvidence([agreement], EvidenceKind.PIPL_ENTRUSTMENT_AGREEMENT, '2024-06-01')).toBe(false);
  });

  it('lists records dated by a day, expired or not', () => {
    expect(evidenceDatedBy([agreement], EvidenceKind.DATA_PROCESSING_AGREEMENT, '2025-06-01')).toEqual([agreement]);
    expect(evidenceDatedBy([agreement], EvidenceKind.DATA_PROCESSING_AGREEMENT, '2024-01-09')).toEqual([]);
  });
});
