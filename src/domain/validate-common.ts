import { isCountryCode } from './countries';
import { EntryRule, fieldUnder, type EntryProblems, type PartyReference } from './entry-problem';
import type { EvidenceEntry } from './inventory-document';

/** Whether `code` is a country; reports it at `field` when it is not. */
export function checkCountry(code: string, field: string, problems: EntryProblems): boolean {
  if (isCountryCode(code)) return true;
  problems.add(field, EntryRule.UNKNOWN_COUNTRY, `'${code}' is not an ISO 3166-1 alpha-2 country code`);
  return false;
}

/** Every code a country, none twice. */
export function checkCountries(codes: readonly string[], field: string, problems: EntryProblems): void {
  const seen = new Set<string>();
  codes.forEach((code, index) => {
    if (checkCountry(code, fieldUnder(field, index), problems) && seen.has(code)) {
      problems.add(fieldUnder(field, index), EntryRule.COUNTRY_LISTED_TWICE, `'${code}' is listed twice`);
    }
    seen.add(code);
  });
}

/** An end (effectiveTo, expiresOn, withdrawnAt) must not come before its start; both are compared as instants. */
export function checkDateOrder(start: string, end: string | null | undefined, endField: string, startField: string, problems: EntryProblems): void {
  if (end !== null && end !== undefined && Date.parse(end) < Date.parse(start)) {
    problems.add(endField, EntryRule.DATES_OUT_OF_ORDER, `${end} is before ${startField} ${start}`);
  }
}

/** Evidence expires no earlier than it is dated; `holder` is the field holding the evidence list ('' for the entry itself). */
export function checkEvidenceDates(evidence: readonly EvidenceEntry[] | null | undefined, problems: EntryProblems, holder = ''): void {
  (evidence ?? []).forEach((item, index) => checkDateOrder(item.datedOn, item.expiresOn, fieldUnder(fieldUnder(fieldUnder(holder, 'evidence'), index), 'expiresOn'), 'datedOn', problems));
}

/** A reference to a party that must be of one of `kinds`. */
export function checkPartyKind(key: string, reference: PartyReference, kinds: readonly string[], field: string, problems: EntryProblems): void {
  if (reference === 'UNCHECKED') return;
  if (reference === 'MISSING') problems.add(field, EntryRule.UNKNOWN_REFERENCE, `no party '${key}'`);
  else if (!kinds.includes(reference.kind)) problems.add(field, EntryRule.WRONG_PARTY_KIND, `party '${key}' is a ${reference.kind}, not one of ${kinds.join(', ')}`);
}
