import { EntryProblems, EntryRule, fieldUnder, type EntryProblem } from './entry-problem';
import type { FlowEntry } from './inventory-document';
import { checkCountries, checkDateOrder, checkEvidenceDates } from './validate-common';
import { isCountryCode } from './countries';

/** What the rules of a flow need to know of the entries it names; what the caller cannot tell is left out and not checked. */
export interface FlowNeighbours {
  /** The receiver's countries: those it is in now (for the message), and those of any period. */
  receiverCountries?: { current: readonly string[]; anyPeriod: ReadonlySet<string> };
  /** Whether the flow's activity processes this category itself or one above it; undefined for a category not known. */
  isCovered?: (category: string) => boolean | undefined;
}

/**
 * The rules of a flow entry: it goes from one party to another, reaches only countries where its
 * receiver is, carries only what its activity processes (a flow is a step of that processing, so
 * the record of the activity lists all it carries), and ends no earlier than it starts.
 */
export function validateFlow(flow: FlowEntry, neighbours: FlowNeighbours): EntryProblem[] {
  const problems = new EntryProblems();
  if (flow.from === flow.to) problems.add('to', EntryRule.SELF_FLOW, `'${flow.to}' is also the sender; a flow goes from one party to another`);
  const countries = flow.countries ?? [];
  checkCountries(countries, 'countries', problems);
  const receiver = neighbours.receiverCountries;
  countries.forEach((code, index) => {
    if (receiver === undefined || !isCountryCode(code) || receiver.anyPeriod.has(code)) return;
    problems.add(fieldUnder('countries', index), EntryRule.COUNTRY_NOT_OF_RECEIVER, `'${code}' is not a country of receiver '${flow.to}' (${receiver.current.join(', ') || 'none'})`);
  });
  flow.dataCategories.forEach((category, index) => {
    if (neighbours.isCovered?.(category) === false) {
      problems.add(fieldUnder('dataCategories', index), EntryRule.CATEGORY_NOT_COVERED, `'${category}' is not processed by activity '${flow.activity}', neither itself nor a category above it`);
    }
  });
  checkDateOrder(flow.effectiveFrom, flow.effectiveTo, 'effectiveTo', 'effectiveFrom', problems);
  checkEvidenceDates(flow.evidence, problems);
  (flow.mechanisms ?? []).forEach((mechanism, index) => checkEvidenceDates(mechanism.evidence, problems, fieldUnder('mechanisms', index)));
  return problems.problems;
}
