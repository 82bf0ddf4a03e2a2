import type { ProblemList } from '../../common/errors';
import { validateEvidence } from '../evidence/evidence.store';
import { EvidenceKind } from '../../domain/evidence-kind';
import type { FlowEntry, MechanismEntry } from '../../domain/inventory-document';
import { PiplExemption, SccModule, TransferMechanism } from '../../domain/transfer-mechanism';

/** What a mechanism entry may hold as evidence of its own: what shows that mechanism was put in place. */
export const MECHANISM_EVIDENCE_KINDS: readonly EvidenceKind[] = [
  EvidenceKind.TRANSFER_IMPACT_ASSESSMENT,
  EvidenceKind.PIPL_STANDARD_CONTRACT_FILING,
  EvidenceKind.CAC_ASSESSMENT_PASSED,
  EvidenceKind.PIPL_CERTIFICATE,
];

/**
 * The entry with its mechanisms as a list: the single-mechanism shorthand (`mechanism`, with
 * `piplExemption`) becomes a list of one, or an empty list for `mechanism: null`. A patch that
 * names neither keeps the list it had.
 */
export function withMechanismList<Entry extends Partial<FlowEntry>>(entry: Entry): Entry {
  if (entry.mechanism === undefined && entry.piplExemption === undefined) return entry;
  const { mechanism, piplExemption, ...rest } = entry;
  if (rest.mechanisms !== undefined && rest.mechanisms !== null) return entry;
  const mechanisms: MechanismEntry[] = mechanism ? [{ mechanism, piplExemption: piplExemption ?? null }] : [];
  // An exemption without a mechanism is kept so that validation can name it.
  if (!mechanism && piplExemption) return entry;
  return { ...rest, mechanisms } as Entry;
}

/** The mechanisms an entry names, in order of reliance. */
export function mechanismEntriesOf(entry: Pick<FlowEntry, 'mechanisms' | 'mechanism' | 'piplExemption'>): MechanismEntry[] {
  return withMechanismList(entry).mechanisms ?? [];
}

/** Every problem of a flow's mechanism list, under `${at}.mechanisms[i]`. */
export function validateMechanisms(entry: FlowEntry, at: string, problems: ProblemList): void {
  const shorthand = entry.mechanism !== undefined || entry.piplExemption !== undefined;
  if (shorthand && entry.mechanisms !== undefined && entry.mechanisms !== null) {
    problems.add(`${at}.mechanism`, 'give either mechanisms or the single mechanism shorthand, not both');
    return;
  }
  if (shorthand && !entry.mechanism && entry.piplExemption) {
    problems.add(`${at}.piplExemption`, `an exemption is claimed only by a flow whose mechanism is PIPL_EXEMPTION, not ${entry.mechanism ?? 'none'}`);
    return;
  }
  const seen = new Set<string>();
  mechanismEntriesOf(entry).forEach((item, index) => {
    // The shorthand's fields sit on the flow itself.
    const base = shorthand ? at : `${at}.mechanisms[${index}]`;
    if (!Object.values(TransferMechanism).includes(item.mechanism)) {
      problems.add(`${base}.mechanism`, `'${item.mechanism}' is not a transfer mechanism`);
      return;
    }
    const module = item.sccModule ?? null;
    if (module !== null && !Object.values(SccModule).includes(module)) problems.add(`${base}.sccModule`, `'${module}' is not an SCC module`);
    else if (module !== null && item.mechanism !== TransferMechanism.STANDARD_CONTRACTUAL_CLAUSES) {
      problems.add(`${base}.sccModule`, `an SCC module belongs to STANDARD_CONTRACTUAL_CLAUSES, not ${item.mechanism}`);
    }
    const exemption = item.piplExemption ?? null;
    if (exemption !== null && !Object.values(PiplExemption).includes(exemption)) problems.add(`${base}.piplExemption`, `'${exemption}' is not a PIPL exemption`);
    else if (exemption !== null && item.mechanism !== TransferMechanism.PIPL_EXEMPTION) {
      const holder = shorthand ? 'a flow whose mechanism is' : 'the mechanism';
      problems.add(`${base}.piplExemption`, `an exemption is claimed only by ${holder} PIPL_EXEMPTION, not ${item.mechanism}`);
    }
    const identity = `${item.mechanism}/${module ?? ''}/${exemption ?? ''}`;
    if (seen.has(identity)) problems.add(`${base}.mechanism`, `${item.mechanism} is listed twice`);
    seen.add(identity);
    const evidence = item.evidence ?? [];
    validateEvidence(evidence, 'flow', base, problems);
    evidence.forEach((record, evidenceIndex) => {
      if (!MECHANISM_EVIDENCE_KINDS.includes(record.kind)) {
        problems.add(`${base}.evidence[${evidenceIndex}].kind`, `${record.kind} belongs to the flow, not to one mechanism (a mechanism holds ${MECHANISM_EVIDENCE_KINDS.join(', ')})`);
      }
    });
  });
}
