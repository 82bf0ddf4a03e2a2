import { isInForce } from '../../common/dates';
import { sortedUnique } from '../../engine/core/sorted-unique';
import type { InventoryDocument } from '../../domain/inventory-document';
import { ENTRUSTED_PARTY_KINDS } from '../../domain/party-kind';
import { csvList } from './csv';
import { byKey, contactOf, transferText, type TransferHop } from './record-of-processing';

/**
 * What a processor's own record holds for one controller it acts for (GDPR Art. 30(2)): (a) the
 * processor's and the controller's names and contacts, (b) the categories of processing carried out
 * on the controller's behalf, (c) the processor's transfers to third countries, (d) the security
 * measures. Reading: the processor carries out the activities whose flows in force reach it, its
 * transfers are the cross-border hops that leave it, and the measures are those of the activities.
 */
export interface ProcessorRecord {
  processor: string;
  processorContact: string | null;
  controller: string;
  controllerContact: string | null;
  processing: string[];
  transfers: string[];
  securityMeasures: string[];
}

/** TransferHop with where it starts, to find the hops that leave a processor. */
export type ProcessorTransferHop = TransferHop & { fromKey: string };

/** A record per processor (or sub-processor) and controller it acts for, on a calendar date. */
export function buildProcessorRecords(document: InventoryDocument, transfers: readonly ProcessorTransferHop[], on: string): ProcessorRecord[] {
  const parties = byKey(document.parties);
  const activities = byKey(document.activities);
  const flows = (document.flows ?? []).filter((flow) => isInForce(flow.effectiveFrom, flow.effectiveTo ?? null, on));
  const records: ProcessorRecord[] = [];
  for (const processor of document.parties ?? []) {
    if (!ENTRUSTED_PARTY_KINDS.includes(processor.kind)) continue;
    const carriedOut = flows.filter((flow) => flow.to === processor.key).map((flow) => activities.get(flow.activity)).filter((activity) => activity !== undefined);
    for (const controllerKey of sortedUnique(carriedOut.map((activity) => activity.controller))) {
      const forController = carriedOut.filter((activity) => activity.controller === controllerKey);
      const activityKeys = new Set(forController.map((activity) => activity.key));
      const controller = parties.get(controllerKey);
      records.push({
        processor: processor.name,
        processorContact: contactOf(processor),
        controller: controller?.name ?? controllerKey,
        controllerContact: contactOf(controller),
        processing: sortedUnique(forController.map((activity) => `${activity.name}: ${activity.purpose}`)),
        transfers: sortedUnique(transfers.filter((hop) => hop.fromKey === processor.key && activityKeys.has(hop.activityKey)).map((hop) => transferText(hop, parties))),
        securityMeasures: [...new Set(forController.flatMap((activity) => activity.securityMeasures ?? []))],
      });
    }
  }
  return records;
}

/** The columns of the processors' records as a table. */
export const PROCESSOR_RECORD_COLUMNS = ['processor', 'processor contact', 'controller', 'controller contact', 'processing on behalf of the controller', 'third-country transfers and safeguards', 'security measures'];

/** The processors' records as table rows under PROCESSOR_RECORD_COLUMNS, lists joined with '; '. */
export function processorRecordRows(records: readonly ProcessorRecord[]): string[][] {
  return records.map((record) => [
    record.processor,
    record.processorContact ?? '',
    record.controller,
    record.controllerContact ?? '',
    csvList(record.processing),
    csvList(record.transfers),
    csvList(record.securityMeasures),
  ]);
}
