import { EntryProblems, EntryRule, type EntryProblem, type PartyReference } from './entry-problem';
import type { ActivityEntry } from './inventory-document';
import { CONTROLLING_PARTY_KINDS } from './party-kind';
import { checkCountry, checkDateOrder, checkEvidenceDates, checkPartyKind } from './validate-common';

/**
 * The rules of an activity entry: its controller decides purposes and means (GDPR Art. 4(7), PIPL
 * Art. 73(1)), a localisation promise names a country and its exception needs the promise, and it
 * ends no earlier than it starts. `controller` is what the entry's controller key names.
 */
export function validateActivity(activity: ActivityEntry, controller: PartyReference): EntryProblem[] {
  const problems = new EntryProblems();
  checkPartyKind(activity.controller, controller, CONTROLLING_PARTY_KINDS, 'controller', problems);
  if (activity.localisedIn !== null && activity.localisedIn !== undefined) checkCountry(activity.localisedIn, 'localisedIn', problems);
  else if (activity.localisedUnlessConsented) {
    problems.add('localisedUnlessConsented', EntryRule.EXCEPTION_WITHOUT_PROMISE, 'needs localisedIn, the promise it is an exception to');
  }
  checkDateOrder(activity.effectiveFrom, activity.effectiveTo, 'effectiveTo', 'effectiveFrom', problems);
  checkEvidenceDates(activity.evidence, problems);
  return problems.problems;
}
