import type { AutomatedDecisions } from '../../domain/automated-decisions';
import type { EntityManager } from 'typeorm';
import { inSequence } from '../../common/sequence';
import { groupBy } from '../../common/collections';
import type { LegalBasis } from '../../domain/legal-basis';
import type { EvidenceKind } from '../../domain/evidence-kind';
import type { RecipientRole } from '../../domain/recipient-role';
import type { PiplExemption, Safeguard, TransferMechanism, SccModule } from '../../domain/transfer-mechanism';
import type { EvidenceRecord, InventorySnapshot } from '../../engine/core/inventory-snapshot';
import type { PartyKind } from '../../domain/party-kind';

interface EvidenceRow {
  party_id: string | null;
  activity_id: string | null;
  flow_id: string | null;
  mechanism_position: number | null;
  kind: EvidenceKind;
  dated_on: string;
  expires_on: string | null;
  reference: string | null;
}

/** Reads the whole data map as plain data, in a handful of set-based queries. */
export async function loadInventorySnapshot(manager: EntityManager): Promise<InventorySnapshot> {
  const [parties, partyCountries, categories, subjects, activities, activitySubjects, activityCategories, flows, flowCategories, flowCountries, evidence, flowMechanisms] =
    (await inSequence([
      () => manager.query('SELECT id, key, name, kind, engaged_by_id FROM party'),
      () => manager.query('SELECT party_id, country_code, effective_from, effective_to FROM party_country ORDER BY country_code'),
      () => manager.query('SELECT id, key, name, parent_id, gdpr_special, pipl_sensitive FROM data_category'),
      () => manager.query('SELECT id, key, name FROM subject_category'),
      () => manager.query(`SELECT id, key, name, purpose, controller_id, legal_basis, retention_period, retention_event, security_measures,
                            localised_in, localised_unless_consented, targets_residents, minimum_age, guardian_consent_under,
                            personalised_advertising, advertising_opt_out, automated_decisions, human_review, effective_from, effective_to FROM activity`),
      () => manager.query('SELECT activity_id, subject_category_id FROM activity_subject_category'),
      () => manager.query('SELECT activity_id, data_category_id, required FROM activity_data_category'),
      () => manager.query(`SELECT id, key, activity_id, from_party_id, to_party_id, legal_basis, consent_required, necessity, recipient_role, safeguards,
                            continuous, annual_subjects, effective_from, effective_to FROM flow`),
      () => manager.query('SELECT flow_id, data_category_id FROM flow_data_category'),
      () => manager.query('SELECT flow_id, country_code FROM flow_country ORDER BY country_code'),
      () => manager.query('SELECT party_id, activity_id, flow_id, mechanism_position, kind, dated_on, expires_on, reference FROM evidence ORDER BY kind, dated_on'),
      () => manager.query('SELECT flow_id, position, mechanism, scc_module, pipl_exemption FROM flow_mechanism ORDER BY flow_id, position')])) as [
      { id: string; key: string; name: string; kind: PartyKind; engaged_by_id: string | null }[],
      { party_id: string; country_code: string; effective_from: string | null; effective_to: string | null }[],
      { id: string; key: string; name: string; parent_id: string | null; gdpr_special: boolean; pipl_sensitive: boolean }[],
      { id: string; key: string; name: string }[],
      {
        id: string; key: string; name: string; purpose: string; controller_id: string; legal_basis: LegalBasis;
        retention_period: string | null; retention_event: string | null; security_measures: string[];
        localised_in: string | null; localised_unless_consented: boolean; targets_residents: boolean;
        minimum_age: number | null; guardian_consent_under: number | null; personalised_advertising: boolean; advertising_opt_out: boolean;
        automated_decisions: AutomatedDecisions; human_review: boolean; effective_from: string; effective_to: string | null;
      }[],
      { activity_id: string; subject_category_id: string }[],
      { activity_id: string; data_category_id: string; required: boolean }[],
      {
        id: string; key: string; activity_id: string; from_party_id: string; to_party_id: string; legal_basis: LegalBasis | null;
        consent_required: boolean; necessity: string | null; recipient_role: RecipientRole | null; safeguards: Safeguard[]; continuous: boolean;
        annual_subjects: number | null; effective_from: string; effective_to: string | null;
      }[],
      { flow_id: string; data_category_id: string }[],
      { flow_id: string; country_code: string }[],
      EvidenceRow[],
      { flow_id: string; position: number; mechanism: TransferMechanism; scc_module: SccModule | null; pipl_exemption: PiplExemption | null }[],
    ];
  const toEvidence = (row: EvidenceRow): EvidenceRecord => ({ kind: row.kind, datedOn: row.dated_on, expiresOn: row.expires_on, reference: row.reference });
  const countriesByParty = groupBy(partyCountries, (row) => row.party_id);
  const subjectsByActivity = groupBy(activitySubjects, (row) => row.activity_id);
  const categoriesByActivity = groupBy(activityCategories, (row) => row.activity_id);
  const categoriesByFlow = groupBy(flowCategories, (row) => row.flow_id);
  const countriesByFlow = groupBy(flowCountries, (row) => row.flow_id);
  const evidenceByParty = groupBy(evidence.filter((row) => row.party_id), (row) => row.party_id as string);
  const evidenceByActivity = groupBy(evidence.filter((row) => row.activity_id), (row) => row.activity_id as string);
  const evidenceByFlow = groupBy(evidence.filter((row) => row.flow_id && row.mechanism_position === null), (row) => row.flow_id as string);
  const evidenceByMechanism = groupBy(evidence.filter((row) => row.mechanism_position !== null), (row) => `${row.flow_id}/${row.mechanism_position}`);
  const mechanismsByFlow = groupBy(flowMechanisms, (row) => row.flow_id);

  return {
    parties: new Map(
      parties.map((row) => [
        row.id,
        {
          id: row.id, key: row.key, name: row.name, kind: row.kind, engagedById: row.engaged_by_id,
          countries: (countriesByParty.get(row.id) ?? []).filter((link) => link.effective_to === null).map((link) => link.country_code),
          countryPeriods: (countriesByParty.get(row.id) ?? []).map((link) => ({ country: link.country_code, effectiveFrom: link.effective_from, effectiveTo: link.effective_to })),
          evidence: (evidenceByParty.get(row.id) ?? []).map(toEvidence),
        },
      ]),
    ),
    categories: new Map(
      categories.map((row) => [
        row.id,
        { id: row.id, key: row.key, name: row.name, parentId: row.parent_id, gdprSpecial: row.gdpr_special, piplSensitive: row.pipl_sensitive },
      ]),
    ),
    subjectCategories: new Map(subjects.map((row) => [row.id, { id: row.id, key: row.key, name: row.name }])),
    activities: new Map(
      activities.map((row) => [
        row.id,
        {
          id: row.id, key: row.key, name: row.name, purpose: row.purpose, controllerId: row.controller_id, legalBasis: row.legal_basis,
          subjectCategoryIds: (subjectsByActivity.get(row.id) ?? []).map((link) => link.subject_category_id),
          categories: (categoriesByActivity.get(row.id) ?? []).map((link) => ({ categoryId: link.data_category_id, required: link.required })),
          retentionPeriod: row.retention_period, retentionEvent: row.retention_event, securityMeasures: row.security_measures,
          localisedIn: row.localised_in, localisedUnlessConsented: row.localised_unless_consented,
          targetsResidents: row.targets_residents, minimumAge: row.minimum_age, guardianConsentUnder: row.guardian_consent_under,
          personalisedAdvertising: row.personalised_advertising, advertisingOptOut: row.advertising_opt_out,
          automatedDecisions: row.automated_decisions, humanReview: row.human_review,
          effectiveFrom: row.effective_from, effectiveTo: row.effective_to,
          evidence: (evidenceByActivity.get(row.id) ?? []).map(toEvidence),
        },
      ]),
    ),
    flows: new Map(
      flows.map((row) => [
        row.id,
        {
          id: row.id, key: row.key, activityId: row.activity_id, fromId: row.from_party_id, toId: row.to_party_id,
          categoryIds: (categoriesByFlow.get(row.id) ?? []).map((link) => link.data_category_id),
          legalBasis: row.legal_basis, consentRequired: row.consent_required, necessity: row.necessity, recipientRole: row.recipient_role, safeguards: row.safeguards,
          countries: (countriesByFlow.get(row.id) ?? []).map((link) => link.country_code),
          continuous: row.continuous, annualSubjects: row.annual_subjects,
          effectiveFrom: row.effective_from, effectiveTo: row.effective_to,
          evidence: (evidenceByFlow.get(row.id) ?? []).map(toEvidence),
          mechanisms: (mechanismsByFlow.get(row.id) ?? []).map((entry) => ({
            mechanism: entry.mechanism, sccModule: entry.scc_module, piplExemption: entry.pipl_exemption,
            evidence: (evidenceByMechanism.get(`${row.id}/${entry.position}`) ?? []).map(toEvidence),
          })),
        },
      ]),
    ),
  };
}
