import type { DataHop } from '../flow-query/flow-query.type';
import type { OrganisationEntry } from '../../domain/inventory-document';
import { PROCESSOR_RECORD_COLUMNS, processorRecordRows, type ProcessorRecord } from './processor-record';
import { controllerDetails, RECORD_COLUMNS, recordOfProcessingRows, type ProcessingRecord } from './record-of-processing';
import { TRANSFER_COLUMNS, transferRegisterRows } from './transfer-register';

/** What a report a DPO hands over holds: the Art. 30(1) record, the processors' Art. 30(2) records and the transfer register, as of one day. */
export interface RecordReport {
  organisation: OrganisationEntry | null;
  on: string;
  records: readonly ProcessingRecord[];
  /** The Art. 30(2) records of the parties acting as processors. */
  processorRecords: readonly ProcessorRecord[];
  transfers: readonly DataHop[];
  /** Party names by key. */
  partyNames: ReadonlyMap<string, string>;
}

/** One table of a report: a spreadsheet's sheet, an HTML report's section. */
export interface ReportTable {
  title: string;
  columns: readonly string[];
  rows: readonly (readonly string[])[];
}

/** The tables of a report, in the order they are printed. */
export function reportTables(report: RecordReport): ReportTable[] {
  return [
    { title: 'Controller (Art. 30(1)(a))', columns: ['item', 'entry'], rows: controllerDetails(report.organisation).map(([item, entry]) => [item, entry ?? '']) },
    { title: 'Record of processing', columns: RECORD_COLUMNS, rows: recordOfProcessingRows(report.records) },
    { title: 'Processor records (Art. 30(2))', columns: PROCESSOR_RECORD_COLUMNS, rows: processorRecordRows(report.processorRecords) },
    { title: 'Transfer register', columns: TRANSFER_COLUMNS, rows: transferRegisterRows(report.transfers, report.partyNames) },
  ];
}
