export enum Severity {
  INFO = 'INFO',
  LOW = 'LOW',
  MEDIUM = 'MEDIUM',
  HIGH = 'HIGH',
  CRITICAL = 'CRITICAL',
}

export const SEVERITY_ORDER: readonly Severity[] = [
  Severity.INFO,
  Severity.LOW,
  Severity.MEDIUM,
  Severity.HIGH,
  Severity.CRITICAL,
];

/** A compliance problem found by a rule, with what it concerns. */
export interface Finding {
  /** Stable id of the rule, e.g. 'GDPR-TRANSFER-NO-MECHANISM'. */
  ruleId: string;
  severity: Severity;
  /** Article of the law, e.g. 'GDPR Art. 44-46'. */
  legalReference: string;
  /** One sentence naming the things concerned and why. */
  message: string;
  partyIds: string[];
  flowIds: string[];
  activityIds: string[];
  /** External ids of persons, when the finding is about a person. */
  personIds: string[];
}
