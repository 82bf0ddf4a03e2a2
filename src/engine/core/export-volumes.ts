import { isVolumeBound, TransferMechanism } from '../../domain/transfer-mechanism';
import { ENTRUSTED_PARTY_KINDS } from '../../domain/party-kind';
import type { HopFacts } from './traverse-activity';
import type { SnapshotFlow } from './inventory-snapshot';
import { requireActivity, requireFlow, requireParty, type SnapshotIndex } from './snapshot-index';

/** Persons who are in exactly these subject categories, and how many they are. */
export interface SubjectCategoryGroup {
  subjectCategoryIds: string[];
  persons: number;
}

/** Persons per exporting PIPL handler (party id) since 1 January: what the volume thresholds compare. */
export type HandlerVolumes = ReadonlyMap<string, number>;

/**
 * The handler a PIPL export counts against: the party that sends it, unless that party processes
 * on someone's behalf (PIPL Art. 21), in which case it is the activity's controller, whose export
 * it is. A reading: the Provisions count per "data handler" (Arts. 5(4), 7, 8), and an entrusted
 * party is no handler of the data it is entrusted with.
 */
export function exportingHandlerId(index: SnapshotIndex, hop: HopFacts): string {
  const sender = requireParty(index, hop.fromPartyId);
  return ENTRUSTED_PARTY_KINDS.includes(sender.kind) ? requireActivity(index, hop.activityId).controllerId : sender.id;
}

/**
 * A hop that counts towards its handler's volume: a PIPL export on no exemption that holds
 * whatever the volume. A reading: persons exported under Arts. 4, 5(1)-(3) or 6 are not counted
 * towards the thresholds those articles lift, so a hotel booking export does not push the
 * handler's other exports over 100,000.
 */
export function countsTowardsVolume(index: SnapshotIndex, hop: HopFacts): boolean {
  return hop.transferRegimes.includes('PIPL') && !claimsVolumeFreeExemption(requireFlow(index, hop.flowId));
}

/**
 * A flow naming an exemption that holds whatever the volume (Arts. 3, 4, 5(1)-(3), 6) among its
 * mechanisms. A reading: such a flow is left out of the count even when that exemption is a
 * fallback, as its persons are exported under an exemption that lifts the thresholds whenever it
 * applies; the count cannot wait for the verdict, which depends on it.
 */
function claimsVolumeFreeExemption(flow: SnapshotFlow): boolean {
  return flow.mechanisms.some((entry) => entry.mechanism === TransferMechanism.PIPL_EXEMPTION && !isVolumeBound(entry.piplExemption));
}

interface HandlerExports {
  flowIds: Set<string>;
  activityIds: Set<string>;
}

/** Collects, hop by hop, what each handler exports; `volumes` then counts them. */
export class ExportVolumeCounter {
  private readonly byHandler = new Map<string, HandlerExports>();

  constructor(private readonly index: SnapshotIndex) {}

  add(hops: readonly HopFacts[]): void {
    for (const hop of hops) {
      if (!countsTowardsVolume(this.index, hop)) continue;
      const handlerId = exportingHandlerId(this.index, hop);
      const exports = this.byHandler.get(handlerId) ?? { flowIds: new Set<string>(), activityIds: new Set<string>() };
      exports.flowIds.add(hop.flowId);
      exports.activityIds.add(hop.activityId);
      this.byHandler.set(handlerId, exports);
    }
  }

  /**
   * Per handler, cumulatively across all its exporting flows (Provisions Arts. 5(4), 7, 8: "自当年1月1日起累计"):
   * the larger of the declared volumes summed (a declaration cannot say which persons it counts,
   * so two flows declaring 60,000 each are 120,000) and the distinct stored persons whose subject
   * categories any of its exporting activities concern (each counted once however many flows carry them).
   */
  volumes(groups: readonly SubjectCategoryGroup[]): HandlerVolumes {
    const volumes = new Map<string, number>();
    for (const [handlerId, exports] of this.byHandler) {
      let declared = 0;
      for (const flowId of exports.flowIds) declared += requireFlow(this.index, flowId).annualSubjects ?? 0;
      volumes.set(handlerId, Math.max(declared, personsConcerned(this.index, groups, exports.activityIds)));
    }
    return volumes;
  }
}

/** Stored persons in a subject category of any of the activities, each once. */
export function personsConcerned(index: SnapshotIndex, groups: readonly SubjectCategoryGroup[], activityIds: ReadonlySet<string>): number {
  let persons = 0;
  for (const group of groups) {
    const concerned = group.subjectCategoryIds.some((id) => (index.activitiesBySubjectCategory.get(id) ?? []).some((activity) => activityIds.has(activity.id)));
    if (concerned) persons += group.persons;
  }
  return persons;
}
