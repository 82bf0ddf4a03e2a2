/** A document or fact on record that a rule needs to see, each with a date and a reference. */
export enum EvidenceKind {
  /** Party: GDPR Art. 28(3) data processing agreement. */
  DATA_PROCESSING_AGREEMENT = 'DATA_PROCESSING_AGREEMENT',
  /** Party: PIPL Art. 21 entrusted-processing agreement. */
  PIPL_ENTRUSTMENT_AGREEMENT = 'PIPL_ENTRUSTMENT_AGREEMENT',
  /** Party (US): certification under the Safe Harbour principles (Decision 2000/520/EC). */
  SAFE_HARBOUR_CERTIFICATION = 'SAFE_HARBOUR_CERTIFICATION',
  /** Party (US): certification under the EU-US Privacy Shield (Decision (EU) 2016/1250). */
  PRIVACY_SHIELD_CERTIFICATION = 'PRIVACY_SHIELD_CERTIFICATION',
  /** Party (US): certification under the EU-US Data Privacy Framework. */
  DPF_CERTIFICATION = 'DPF_CERTIFICATION',
  /** Party (Canada): subject to PIPEDA as a commercial organisation. */
  COMMERCIAL_ORGANISATION = 'COMMERCIAL_ORGANISATION',
  /** Party: contact published for the PIPL Art. 39 notice. */
  RECIPIENT_CONTACT = 'RECIPIENT_CONTACT',
  /** Flow: transfer impact assessment (Schrems II, EDPB 01/2020). */
  TRANSFER_IMPACT_ASSESSMENT = 'TRANSFER_IMPACT_ASSESSMENT',
  /** Flow: PIPL standard contract filed with the provincial CAC. */
  PIPL_STANDARD_CONTRACT_FILING = 'PIPL_STANDARD_CONTRACT_FILING',
  /** Flow: CAC security assessment passed (valid 3 years). */
  CAC_ASSESSMENT_PASSED = 'CAC_ASSESSMENT_PASSED',
  /** Flow: PI protection certification. */
  PIPL_CERTIFICATE = 'PIPL_CERTIFICATE',
  /** Flow: the Art. 39 notice given to persons (recipient, contact, purpose, method, categories, rights). */
  ART39_NOTICE = 'ART39_NOTICE',
  /** Activity: GDPR Art. 9(2) condition for special-category data. */
  ART9_CONDITION = 'ART9_CONDITION',
  /** Activity: PIPL Arts. 55-56 personal information protection impact assessment. */
  PI_IMPACT_ASSESSMENT = 'PI_IMPACT_ASSESSMENT',
  /** Activity: GDPR Art. 35 data protection impact assessment. */
  DATA_PROTECTION_IMPACT_ASSESSMENT = 'DATA_PROTECTION_IMPACT_ASSESSMENT',
}

export type EvidenceOwner = 'party' | 'flow' | 'activity';

/** Which kind of record each piece of evidence belongs to (mirrored by a CHECK in the database). */
export const EVIDENCE_KINDS_BY_OWNER: Readonly<Record<EvidenceOwner, readonly EvidenceKind[]>> = {
  party: [
    EvidenceKind.DATA_PROCESSING_AGREEMENT,
    EvidenceKind.PIPL_ENTRUSTMENT_AGREEMENT,
    EvidenceKind.SAFE_HARBOUR_CERTIFICATION,
    EvidenceKind.PRIVACY_SHIELD_CERTIFICATION,
    EvidenceKind.DPF_CERTIFICATION,
    EvidenceKind.COMMERCIAL_ORGANISATION,
    EvidenceKind.RECIPIENT_CONTACT,
  ],
  flow: [
    EvidenceKind.TRANSFER_IMPACT_ASSESSMENT,
    EvidenceKind.PIPL_STANDARD_CONTRACT_FILING,
    EvidenceKind.CAC_ASSESSMENT_PASSED,
    EvidenceKind.PIPL_CERTIFICATE,
    EvidenceKind.ART39_NOTICE,
    EvidenceKind.PI_IMPACT_ASSESSMENT,
  ],
  activity: [EvidenceKind.ART9_CONDITION, EvidenceKind.PI_IMPACT_ASSESSMENT, EvidenceKind.DATA_PROTECTION_IMPACT_ASSESSMENT],
};
