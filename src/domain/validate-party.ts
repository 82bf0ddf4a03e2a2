import { EntryProblems, EntryRule, type EntryProblem, type PartyReference } from './entry-problem';
import type { PartyEntry } from './inventory-document';
import { ENTRUSTED_PARTY_KINDS, PartyKind } from './party-kind';
import { checkCountries, checkEvidenceDates, checkPartyKind } from './validate-common';

/**
 * The rules of a party entry: its countries are countries (the periods of its country history are
 * checked with the history, where they are read), and only a SUB_PROCESSOR is engaged by
 * another party, and it always is, by a processor (GDPR Art. 28(2) and (4): a processor engages
 * another processor; PIPL Art. 21 entrusts processing the same way). `engager` is what `engagedBy` names.
 */
export function validateParty(party: PartyEntry, engager: PartyReference): EntryProblem[] {
  const problems = new EntryProblems();
  checkCountries(party.countries, 'countries', problems);
  const engagedBy = party.engagedBy ?? null;
  if (party.kind !== PartyKind.SUB_PROCESSOR) {
    if (engagedBy !== null) {
      problems.add('engagedBy', EntryRule.UNEXPECTED_ENGAGED_BY, `'${engagedBy}' is set on ${party.kind} '${party.key}'; only a SUB_PROCESSOR is engaged by another party`);
    }
  } else if (engagedBy === null) {
    problems.add('engagedBy', EntryRule.MISSING_ENGAGED_BY, `SUB_PROCESSOR '${party.key}' must name the processor that engaged it`);
  } else {
    checkPartyKind(engagedBy, engager, ENTRUSTED_PARTY_KINDS, 'engagedBy', problems);
  }
  checkEvidenceDates(party.evidence, problems);
  return problems.problems;
}
