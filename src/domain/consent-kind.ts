/** How a consent was given (GDPR Art. 7, PIPL Arts. 14, 29, 39). */
export enum ConsentKind {
  ORDINARY = 'ORDINARY',
  /** PIPL: a consent given separately for one processing (sensitive PI, provision to others, export). */
  SEPARATE = 'SEPARATE',
}
