/** What makes a cross-border transfer lawful (GDPR Chapter V, PIPL Art. 38, UK GDPR Chapter V). */
export enum TransferMechanism {
  ADEQUACY_DECISION = 'ADEQUACY_DECISION',
  STANDARD_CONTRACTUAL_CLAUSES = 'STANDARD_CONTRACTUAL_CLAUSES',
  BINDING_CORPORATE_RULES = 'BINDING_CORPORATE_RULES',
  /** GDPR Art. 46(2)(e)-(f): approved code of conduct or certification. */
  CODE_OF_CONDUCT = 'CODE_OF_CONDUCT',
  GDPR_CERTIFICATION = 'GDPR_CERTIFICATION',
  /** GDPR Art. 49(1)(a) explicit consent, for occasional transfers only. */
  EXPLICIT_CONSENT_DEROGATION = 'EXPLICIT_CONSENT_DEROGATION',
  /** GDPR Art. 49(1)(b)-(c): necessary for a contract with or in the interest of the person. */
  CONTRACT_DEROGATION = 'CONTRACT_DEROGATION',
  PIPL_STANDARD_CONTRACT = 'PIPL_STANDARD_CONTRACT',
  CAC_SECURITY_ASSESSMENT = 'CAC_SECURITY_ASSESSMENT',
  PIPL_CERTIFICATION = 'PIPL_CERTIFICATION',
  /** Provisions on Promoting and Regulating Cross-Border Data Flows (CAC, 2024-03-22), Arts. 5-6. */
  PIPL_EXEMPTION = 'PIPL_EXEMPTION',
}

/** Ways of protecting data in transit or at the recipient. */
export enum Safeguard {
  DE_IDENTIFICATION = 'DE_IDENTIFICATION',
  ANONYMISATION = 'ANONYMISATION',
  PSEUDONYMISATION = 'PSEUDONYMISATION',
  ENCRYPTION = 'ENCRYPTION',
}

/**
 * Which exemption of the Provisions on Promoting and Regulating Cross-Border Data Flows (CAC,
 * 2024-03-22) a PIPL_EXEMPTION flow claims. All but UNDER_100000_PERSONS hold whatever the
 * volume or sensitivity of the data: Arts. 7 and 8 defer to Arts. 4-6 ("从其规定").
 */
export enum PiplExemption {
  /**
   * Art. 3: data collected or generated in international trade, cross-border transport, academic
   * cooperation, transnational manufacturing or marketing that contains no personal information
   * (and no important data). A flow of this map carries personal data, so the claim holds only
   * where the flow's data is anonymised (and then no transfer rule applies anyway).
   */
  NO_PERSONAL_INFORMATION = 'NO_PERSONAL_INFORMATION',
  /** Art. 4: personal information collected abroad, processed in China and sent back, with no domestic data added. */
  COLLECTED_ABROAD = 'COLLECTED_ABROAD',
  /** Art. 5(1): necessary for a contract the person is party to (cross-border shopping, delivery, payment, booking, visa...). */
  CONTRACT_NECESSITY = 'CONTRACT_NECESSITY',
  /** Art. 5(2): cross-border human resources management under lawful labour rules or collective contracts. */
  HR_MANAGEMENT = 'HR_MANAGEMENT',
  /** Art. 5(3): an emergency, to protect a natural person's life, health or property. */
  EMERGENCY = 'EMERGENCY',
  /** Art. 5(4): a handler other than a CIIO exporting fewer than 100,000 persons' non-sensitive PI since 1 January. */
  UNDER_100000_PERSONS = 'UNDER_100000_PERSONS',
  /** Art. 6: data outside a pilot free trade zone's negative list. */
  FREE_TRADE_ZONE = 'FREE_TRADE_ZONE',
}

/** The one exemption bound to a volume (Art. 5(4)); the others hold for any number of persons and sensitive PI. */
export function isVolumeBound(exemption: PiplExemption | null): boolean {
  return exemption === null || exemption === PiplExemption.UNDER_100000_PERSONS;
}

/**
 * The module of the standard contractual clauses of Commission Implementing Decision (EU)
 * 2021/914 (Annex, Section II, Clause 8): which parties' roles the clauses are written for.
 */
export enum SccModule {
  /** Module One: transfer controller to controller. */
  CONTROLLER_TO_CONTROLLER = 'CONTROLLER_TO_CONTROLLER',
  /** Module Two: transfer controller to processor. */
  CONTROLLER_TO_PROCESSOR = 'CONTROLLER_TO_PROCESSOR',
  /** Module Three: transfer processor to processor (a sub-processor). */
  PROCESSOR_TO_PROCESSOR = 'PROCESSOR_TO_PROCESSOR',
  /** Module Four: transfer processor to controller (back to the controller it processes for). */
  PROCESSOR_TO_CONTROLLER = 'PROCESSOR_TO_CONTROLLER',
}

/** The module number (1-4) of the Decision's Annex, for messages. */
export const SCC_MODULE_NUMBER: Readonly<Record<SccModule, number>> = {
  [SccModule.CONTROLLER_TO_CONTROLLER]: 1,
  [SccModule.CONTROLLER_TO_PROCESSOR]: 2,
  [SccModule.PROCESSOR_TO_PROCESSOR]: 3,
  [SccModule.PROCESSOR_TO_CONTROLLER]: 4,
};

/** The SCC module that fits an exporter and importer acting as controller (true) or processor (false). */
export function sccModuleFor(exporterIsController: boolean, importerIsController: boolean): SccModule {
  if (exporterIsController) return importerIsController ? SccModule.CONTROLLER_TO_CONTROLLER : SccModule.CONTROLLER_TO_PROCESSOR;
  return importerIsController ? SccModule.PROCESSOR_TO_CONTROLLER : SccModule.PROCESSOR_TO_PROCESSOR;
}
