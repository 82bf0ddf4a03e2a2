/**
 * Whether an activity decides about persons by automated means, and how much the decisions weigh.
 * The map records what the controller states; it cannot see the algorithm, nor tell whether a
 * human really weighs a decision before it is taken.
 */
export enum AutomatedDecisions {
  NONE = 'NONE',
  /**
   * It uses personal information for automated decision-making (PIPL Art. 24(1): the decisions
   * must be transparent and fair; a PI protection impact assessment first, Art. 55(2)).
   */
  AUTOMATED = 'AUTOMATED',
  /**
   * Its decisions are made solely by automated means and produce legal effects on the person or
   * affect them similarly significantly (GDPR Art. 22(1); PIPL Art. 24(3)'s "significant impact").
   */
  SIGNIFICANT = 'SIGNIFICANT',
}
