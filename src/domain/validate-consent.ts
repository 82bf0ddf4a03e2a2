import { EntryProblems, EntryRule, type EntryProblem } from './entry-problem';
import type { ConsentEntry } from './inventory-document';
import { checkDateOrder } from './validate-common';

/** The rules of a consent: it is to exactly one activity or one flow, and is withdrawn no earlier than given. */
export function validateConsent(consent: ConsentEntry): EntryProblem[] {
  const problems = new EntryProblems();
  const activity = consent.activity ?? null;
  const flow = consent.flow ?? null;
  if ((activity === null) === (flow === null)) {
    const named = activity === null ? 'neither an activity nor a flow' : `both activity '${activity}' and flow '${flow}'`;
    problems.add('', EntryRule.CONSENT_TARGET, `names ${named}; a consent is to exactly one of them`);
  }
  checkDateOrder(consent.givenAt, consent.withdrawnAt, 'withdrawnAt', 'givenAt', problems);
  return problems.problems;
}
