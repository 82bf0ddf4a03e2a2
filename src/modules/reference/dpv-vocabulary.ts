import { LegalBasis } from '../../domain/legal-basis';
import { Safeguard, TransferMechanism } from '../../domain/transfer-mechanism';
import { PartyKind } from '../../domain/party-kind';

/**
 * Flowmap's enumerations as concepts of the W3C Data Privacy Vocabulary (DPV 2.2) and its GDPR
 * extension, so that a DPV tool reads the map. Namespaces as DPV publishes them.
 */
export const DPV_PREFIXES = {
  dpv: 'https://w3id.org/dpv#',
  'eu-gdpr': 'https://w3id.org/dpv/legal/eu/gdpr#',
} as const;

type Curie = `${keyof typeof DPV_PREFIXES}:${string}`;

/**
 * Readings the vocabulary leaves open: a public task is DPV's PublicInterest (Art. 6(1)(e) covers
 * both it and official authority); PIPL's bases, mechanisms and data made public have no DPV
 * concept yet (DPV 2.2 has no extension for China), so they map to what the GDPR side shares, or
 * to nothing.
 */
export const LEGAL_BASIS_CONCEPTS: Readonly<Record<LegalBasis, readonly Curie[]>> = {
  [LegalBasis.CONSENT]: ['dpv:Consent', 'eu-gdpr:A6-1-a'],
  [LegalBasis.SEPARATE_CONSENT]: ['dpv:Consent', 'eu-gdpr:A6-1-a'],
  [LegalBasis.CONTRACT]: ['dpv:Contract', 'eu-gdpr:A6-1-b'],
  [LegalBasis.LEGAL_OBLIGATION]: ['dpv:LegalObligation', 'eu-gdpr:A6-1-c'],
  [LegalBasis.VITAL_INTERESTS]: ['dpv:VitalInterest', 'eu-gdpr:A6-1-d'],
  [LegalBasis.PUBLIC_TASK]: ['dpv:PublicInterest', 'eu-gdpr:A6-1-e'],
  [LegalBasis.LEGITIMATE_INTERESTS]: ['dpv:LegitimateInterest', 'eu-gdpr:A6-1-f'],
  [LegalBasis.PUBLICLY_DISCLOSED]: [],
};

/** GDPR Chapter V: adequacy Art. 45(3), safeguards Art. 46(2), derogations Art. 49(1). */
export const TRANSFER_MECHANISM_CONCEPTS: Readonly<Record<TransferMechanism, readonly Curie[]>> = {
  [TransferMechanism.ADEQUACY_DECISION]: ['eu-gdpr:A45-3'],
  [TransferMechanism.STANDARD_CONTRACTUAL_CLAUSES]: ['eu-gdpr:A46-2-c'],
  [TransferMechanism.BINDING_CORPORATE_RULES]: ['eu-gdpr:A46-2-b'],
  [TransferMechanism.CODE_OF_CONDUCT]: ['dpv:CodeOfConduct', 'eu-gdpr:A46-2-e'],
  [TransferMechanism.GDPR_CERTIFICATION]: ['dpv:Certification', 'eu-gdpr:A46-2-f'],
  [TransferMechanism.EXPLICIT_CONSENT_DEROGATION]: ['eu-gdpr:A49-1-a'],
  [TransferMechanism.CONTRACT_DEROGATION]: ['eu-gdpr:A49-1-b', 'eu-gdpr:A49-1-c'],
  [TransferMechanism.PIPL_STANDARD_CONTRACT]: [],
  [TransferMechanism.CAC_SECURITY_ASSESSMENT]: [],
  [TransferMechanism.PIPL_CERTIFICATION]: ['dpv:Certification'],
  [TransferMechanism.PIPL_EXEMPTION]: [],
};

export const SAFEGUARD_CONCEPTS: Readonly<Record<Safeguard, readonly Curie[]>> = {
  [Safeguard.DE_IDENTIFICATION]: ['dpv:Deidentification'],
  [Safeguard.ANONYMISATION]: ['dpv:Anonymisation'],
  [Safeguard.PSEUDONYMISATION]: ['dpv:Pseudonymisation'],
  [Safeguard.ENCRYPTION]: ['dpv:Encryption'],
};

/** An affiliate or an SDK provider is, in DPV's terms, a recipient whose role the map does not state. */
export const PARTY_KIND_CONCEPTS: Readonly<Record<PartyKind, readonly Curie[]>> = {
  [PartyKind.CONTROLLER]: ['dpv:DataController'],
  [PartyKind.AFFILIATE]: ['dpv:Recipient'],
  [PartyKind.PROCESSOR]: ['dpv:DataProcessor'],
  [PartyKind.SUB_PROCESSOR]: ['dpv:DataSubProcessor'],
  [PartyKind.SDK_PROVIDER]: ['dpv:Recipient'],
  [PartyKind.THIRD_PARTY]: ['dpv:ThirdParty'],
  [PartyKind.JOINT_CONTROLLER]: ['dpv:JointDataControllers'],
  [PartyKind.PUBLIC_AUTHORITY]: ['dpv:Authority'],
};

/** The sensitivity flags of a data category: GDPR Art. 9(1) special categories, PIPL Art. 28 sensitive information. */
export const SENSITIVITY_CONCEPTS = {
  gdprSpecial: ['dpv:SpecialCategoryPersonalData'],
  piplSensitive: ['dpv:SensitivePersonalData'],
} as const satisfies Record<string, readonly Curie[]>;

/** The full IRI of a compact one ('dpv:Consent' -> 'https://w3id.org/dpv#Consent'). */
export function expandCurie(curie: Curie): string {
  const [prefix, name] = curie.split(':') as [keyof typeof DPV_PREFIXES, string];
  return `${DPV_PREFIXES[prefix]}${name}`;
}

/** The full IRIs of the concepts a value stands for; none for a value left empty (no mechanism). */
export function conceptIris<T extends string>(table: Readonly<Record<T, readonly Curie[]>>, value: T | null): string[] {
  return value === null ? [] : table[value].map(expandCurie);
}

/** What a data category is in DPV: personal data, and special or sensitive where flagged. */
export function dataCategoryConcepts(category: { gdprSpecial?: boolean; piplSensitive?: boolean }): Curie[] {
  return ['dpv:PersonalData', ...(category.gdprSpecial ? SENSITIVITY_CONCEPTS.gdprSpecial : []), ...(category.piplSensitive ? SENSITIVITY_CONCEPTS.piplSensitive : [])];
}

export function dataCategoryIris(category: { gdprSpecial: boolean; piplSensitive: boolean }): string[] {
  return dataCategoryConcepts(category).map(expandCurie);
}

/** Every enumeration value with its concepts, by enumeration name, for the `dpvTerms` query. */
export function dpvTerms(): { enumeration: string; value: string; iri: string }[] {
  const tables: [string, Readonly<Record<string, readonly Curie[]>>][] = [
    ['LegalBasis', LEGAL_BASIS_CONCEPTS],
    ['TransferMechanism', TRANSFER_MECHANISM_CONCEPTS],
    ['Safeguard', SAFEGUARD_CONCEPTS],
    ['PartyKind', PARTY_KIND_CONCEPTS],
    ['DataCategory sensitivity', SENSITIVITY_CONCEPTS],
  ];
  return tables.flatMap(([enumeration, table]) => Object.entries(table).flatMap(([value, curies]) => curies.map((curie) => ({ enumeration, value, iri: expandCurie(curie) }))));
}
