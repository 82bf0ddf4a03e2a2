import { daysBetween, isInForce } from '../../common/dates';
import type { EvidenceEntry, FlowEntry, InventoryDocument } from '../../domain/inventory-document';
import { assessmentValidUntil } from '../../engine/rules/pipl-export.rules';
import { EvidenceKind, type EvidenceOwner } from '../../domain/evidence-kind';

/** A piece of evidence that lapses by the horizon (or has lapsed), with the flows in force that rely on it. */
export interface ExpiringEvidenceItem {
  holder: EvidenceOwner;
  holderKey: string;
  holderName: string;
  kind: EvidenceKind;
  datedOn: string;
  reference: string | null;
  /** Its last valid day. */
  lapsesOn: string;
  /** Days from the day asked about to `lapsesOn`: negative once lapsed. */
  daysLeft: number;
  /** Keys of the flows in force that rely on it, sorted. */
  flowKeys: string[];
}

/**
 * The last day a piece of evidence is valid, or null when it does not lapse. A CAC security
 * assessment lapses 3 years after its result (Provisions on Promoting and Regulating Cross-Border
 * Data Flows, 2024, Art. 9) unless an earlier expiry is on record; the extension that article
 * allows is a new result, recorded as new evidence.
 */
export function lapseDateOf(evidence: EvidenceEntry): string | null {
  const recorded = evidence.expiresOn ?? null;
  if (evidence.kind !== EvidenceKind.CAC_ASSESSMENT_PASSED) return recorded;
  const statutory = assessmentValidUntil(evidence.datedOn);
  return recorded !== null && recorded < statutory ? recorded : statutory;
}

interface Holder {
  owner: EvidenceOwner;
  key: string;
  name: string;
  evidence: readonly EvidenceEntry[];
  /** The flows that rely on this holder's evidence. */
  reliedOnBy: (flow: FlowEntry) => boolean;
}

/**
 * Evidence that lapses on or before `horizon`, as of the day `on` (both 'YYYY-MM-DD'), soonest
 * first. Lapsed evidence stays listed until it is renewed: a record is left out when its holder
 * has another of the same kind, dated by the horizon, that is still valid after it. The flows that
 * rely on evidence: those in force on `on` to a party (its processing agreement or DPF
 * certification), the flow itself, or the flows of an activity (its impact assessment).
 */
export function expiringEvidence(document: InventoryDocument, on: string, horizon: string): ExpiringEvidenceItem[] {
  const flows = (document.flows ?? []).filter((flow) => isInForce(flow.effectiveFrom, flow.effectiveTo ?? null, on));
  const holders: Holder[] = [
    ...(document.parties ?? []).map((party): Holder => ({ owner: 'party', key: party.key, name: party.name, evidence: party.evidence ?? [], reliedOnBy: (flow) => flow.to === party.key })),
    ...(document.activities ?? []).map((activity): Holder => ({ owner: 'activity', key: activity.key, name: activity.name, evidence: activity.evidence ?? [], reliedOnBy: (flow) => flow.activity === activity.key })),
    ...(document.flows ?? []).map((flow): Holder => ({ owner: 'flow', key: flow.key, name: flow.description ?? flow.key, evidence: [...(flow.evidence ?? []), ...(flow.mechanisms ?? []).flatMap((entry) => entry.evidence ?? [])], reliedOnBy: (other) => other.key === flow.key })),
  ];
  const items: ExpiringEvidenceItem[] = [];
  for (const holder of holders) {
    for (const evidence of holder.evidence) {
      const lapsesOn = lapseDateOf(evidence);
      if (lapsesOn === null || lapsesOn > horizon) continue;
      const renewed = holder.evidence.some((other) => {
        if (other === evidence || other.kind !== evidence.kind || other.datedOn > horizon) return false;
        const otherLapsesOn = lapseDateOf(other);
        return otherLapsesOn === null || otherLapsesOn > horizon;
      });
      if (renewed) continue;
      items.push({
        holder: holder.owner,
        holderKey: holder.key,
        holderName: holder.name,
        kind: evidence.kind,
        datedOn: evidence.datedOn,
        reference: evidence.reference ?? null,
        lapsesOn,
        daysLeft: daysBetween(on, lapsesOn),
        flowKeys: flows.filter(holder.reliedOnBy).map((flow) => flow.key).sort(),
      });
    }
  }
  return items.sort((a, b) => a.lapsesOn.localeCompare(b.lapsesOn) || a.holder.localeCompare(b.holder) || a.holderKey.localeCompare(b.holderKey) || a.kind.localeCompare(b.kind));
}
