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
