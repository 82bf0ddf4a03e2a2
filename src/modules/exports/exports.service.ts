import type { DataSource } from 'typeorm';
import { calendarDateOf } from '../../common/dates';
import { engineView } from '../flow-query/engine-view-cache';
import { inventoryTransfers } from '../flow-query/inventory-transfers.service';
import { WholeMapMemo } from '../flow-query/whole-map-memo';
import { readInventory } from '../inventory/inventory-export.service';
import { dataMapJsonLd } from './data-map-jsonld';
import { RecordFormat } from './exports.type';
import { buildRecordOfProcessing, recordOfProcessingCsv, recordOfProcessingMarkdown } from './record-of-processing';
import { buildProcessorRecords } from './processor-record';
import { recordHtml } from './record-html';
import type { RecordReport } from './record-report';
import { recordWorkbook } from './record-workbook';
import { transferRegisterCsv } from './transfer-register';

/**
 * The GDPR Art. 30(1) record of processing as of a time (default now): the activities then in force. As
 * XLSX (base64) and HTML it comes with the transfer register of the same time.
 */
export async function recordOfProcessing(
  dataSource: DataSource,
  format: RecordFormat,
  asOf: Date | null | undefined,
  includePersons: boolean,
  memo = new WholeMapMemo(),
): Promise<string> {
  const on = calendarDateOf(asOf ?? memo.now);
  // Read and built once per request and day: the inventory read and the walk grow with the map.
  return memo.remember('record-of-processing', [format, on, includePersons], async () => {
    const [document, transfers] = await Promise.all([
      dataSource.transaction('REPEATABLE READ', (manager) => readInventory(manager, { includePersons: false })),
      inventoryTransfers(dataSource, asOf, {}, includePersons, memo),
    ]);
    const records = buildRecordOfProcessing(document, transfers, on);
    const organisation = document.organisation ?? null;
    const report = (): RecordReport => ({ organisation, on, records, processorRecords: buildProcessorRecords(document, transfers, on), transfers, partyNames: new Map((document.parties ?? []).map((party) => [party.key, party.name])) });
    switch (format) {
      case RecordFormat.CSV:
        return recordOfProcessingCsv(records);
      case RecordFormat.MARKDOWN:
        return recordOfProcessingMarkdown(records, { organisation, on });
      case RecordFormat.XLSX:
        return (await recordWorkbook(report())).toString('base64');
      case RecordFormat.HTML:
        return recordHtml(report());
    }
  });
}

/** The cross-border transfer register as of a time (default now), as CSV. */
export async function transferRegister(dataSource: DataSource, asOf: Date | null | undefined, includePersons: boolean, memo = new WholeMapMemo()): Promise<string> {
  const [view, hops] = await Promise.all([engineView(dataSource), inventoryTransfers(dataSource, asOf, {}, includePersons, memo)]);
  const partyNames = new Map([...view.index.snapshot.parties.values()].map((party) => [party.key, party.name]));
  return transferRegisterCsv(hops, partyNames);
}

/** The whole data map without persons as JSON-LD over the Data Privacy Vocabulary, as text. */
export async function dataMapJsonLdText(dataSource: DataSource): Promise<string> {
  const document = await dataSource.transaction('REPEATABLE READ', (manager) => readInventory(manager, { includePersons: false }));
  return `${JSON.stringify(dataMapJsonLd(document), null, 2)}\n`;
}
