import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { LegalBasis } from '../../domain/legal-basis';
import { TransferMechanism } from '../../domain/transfer-mechanism';
import { HopVerdict } from '../../engine/core/hop-verdict';
import type { DataHop } from '../flow-query/flow-query.type';
import type { InventoryDocument } from '../../domain/inventory-document';
import { PartyKind } from '../../domain/party-kind';
import { buildProcessorRecords } from './processor-record';
import { buildRecordOfProcessing } from './record-of-processing';
import { recordHtml } from './record-html';
import type { RecordReport } from './record-report';
import { recordWorkbook } from './record-workbook';

const HOSTILE_NAME = '=HYPERLINK("https://evil.example","<b>x</b>")';
const SCRIPT_NAME = '<script>alert("x")</script> & Co';

const DOCUMENT: InventoryDocument = {
  flowmap: 1,
  organisation: {
    name: SCRIPT_NAME,
    contact: 'privacy@acme.example',
    dpo: { name: 'Dana Officer', contact: 'dpo@acme.example' },
    representatives: [{ name: 'Acme EU Rep', contact: 'rep@acme.example', country: 'IE' }],
  },
  subjectCategories: [{ key: 'app-user', name: 'App user' }],
  dataCategories: [{ key: 'contact', name: 'Contact' }],
  parties: [
    { key: 'acme', name: SCRIPT_NAME, kind: PartyKind.CONTROLLER, countries: ['CN'] },
    { key: 'cloud', name: HOSTILE_NAME, kind: PartyKind.PROCESSOR, countries: ['US'] },
  ],
  activities: [
    { key: 'accounts', name: 'Accounts', purpose: 'Run accounts', controller: 'acme', legalBasis: LegalBasis.CONTRACT, subjectCategories: ['app-user'], dataCategories: [{ category: 'contact', required: true }], securityMeasures: ['encryption', 'access control'], effectiveFrom: '2024-01-01' },
  ],
  flows: [{ key: 'to-cloud', activity: 'accounts', from: 'acme', to: 'cloud', dataCategories: ['contact'], effectiveFrom: '2024-01-01' }],
};

const HOP: DataHop = {
  flowKey: 'to-cloud', activityKey: 'accounts', fromKey: 'acme', toKey: 'cloud', depth: 1, categoryKeys: ['contact'], legalBasis: LegalBasis.CONTRACT,
  consentRequired: false, consentHeld: true, fromCountries: ['CN'], toCountries: ['US'], crossesBorder: true, regimes: ['PIPL'], transferRegimes: ['PIPL'],
  mechanisms: [TransferMechanism.PIPL_STANDARD_CONTRACT], mechanism: TransferMechanism.PIPL_STANDARD_CONTRACT, reliedOnMechanisms: [], mechanismTrials: [], safeguards: [], verdict: HopVerdict.LAWFUL_WITH_GAPS, destinationVerdicts: [], lawful: true, findings: [], reasons: ['no filing on record'],
};

const REPORT: RecordReport = {
  organisation: DOCUMENT.organisation ?? null,
  on: '2024-06-01',
  records: buildRecordOfProcessing(DOCUMENT, [HOP], '2024-06-01'),
  processorRecords: buildProcessorRecords(DOCUMENT, [{ ...HOP, fromKey: 'cloud', toKey: 'acme', toCountries: ['CN'], transferRegimes: ['GDPR'] }], '2024-06-01'),
  transfers: [HOP],
  partyNames: new Map(DOCUMENT.parties!.map((party) => [party.key, party.name])),
};

describe('the record as an XLSX workbook', () => {
  it('has a sheet per record, the header row frozen, an auto-filter over it, and text cells (never formulas)', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(new Uint8Array(await recordWorkbook(REPORT)).buffer);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['Controller (Art. 30(1)(a))', 'Record of processing', 'Processor records (Art. 30(2))', 'Transfer register']);
    const [controller, record, processors, register] = workbook.worksheets;
    for (const sheet of [controller, record, processors, register]) expect(sheet.views).toMatchObject([{ state: 'frozen', ySplit: 1 }]);
    for (const sheet of [record, processors, register]) expect(sheet.rowCount).toBe(2);
    expect(controller.getSheetValues().slice(2).map((row) => (row as unknown[]).slice(1))).toEqual([
      ['Controller', SCRIPT_NAME],
      ['Contact', 'privacy@acme.example'],
      ['Data protection officer', 'Dana Officer, dpo@acme.example'],
      ['Representatives', 'Acme EU Rep, rep@acme.example, established in IE'],
    ]);
    expect(record.autoFilter).toBe('A1:L1');
    // The register gained the transfer regimes and verdict columns.
    expect(register.autoFilter).toBe('A1:P1');
    expect(record.getRow(1).getCell(6).value).toBe('legal basis');
    expect(record.getRow(2).getCell(6).value).toBe('Art. 6(1)(b) GDPR — contract; Art. 13(1)(2) PIPL — contract');
    expect(record.getRow(2).getCell(9).value).toBe(`${HOSTILE_NAME} (PROCESSOR)`);
    expect(record.getRow(2).getCell(12).value).toBe('encryption; access control');
    const importerName = register.getRow(2).getCell(6);
    expect(importerName.type).toBe(ExcelJS.ValueType.String);
    expect(importerName.value).toBe(HOSTILE_NAME);
    expect(register.getRow(2).getCell(14).value).toBe('LAWFUL_WITH_GAPS');
    expect(register.getRow(2).getCell(15).value).toBe('yes');
    expect(processors.autoFilter).toBe('A1:G1');
    expect((processors.getRow(2).values as unknown[]).slice(1)).toEqual([
      HOSTILE_NAME,
      '',
      SCRIPT_NAME,
      '',
      'Accounts: Run accounts',
      `${SCRIPT_NAME} (CN): PIPL_STANDARD_CONTRACT`,
      'encryption; access control',
    ]);
  });
});

describe('the record as printable HTML', () => {
  const html = recordHtml(REPORT);

  it('escapes every value, and loads nothing from elsewhere', () => {
    expect(html).not.toContain('<script');
    expect(html).not.toContain('<b>x</b>');
    expect(html).toContain('<td>Controller</td><td>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Co</td>');
    expect(html).toContain('=HYPERLINK(&quot;https://evil.example&quot;,&quot;&lt;b&gt;x&lt;/b&gt;&quot;)');
    expect(html).not.toMatch(/<(link|img|iframe|object|embed)\b|\ssrc=|\shref=|@import|url\(/i);
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'"`);
  });

  it('prints the record and the transfer register as tables, lists a line per item, gaps marked', () => {
    expect(html).toMatch(/^<!DOCTYPE html>\n/);
    expect(html).toContain('<td>Data protection officer</td><td>Dana Officer, dpo@acme.example</td>');
    expect(html).toContain('<h2>Record of processing (1)</h2>');
    expect(html).toContain('<h2>Transfer register (1)</h2>');
    expect(html).toContain('<td>Art. 6(1)(b) GDPR — contract<br>Art. 13(1)(2) PIPL — contract</td>');
    expect(html).toContain('<td>encryption<br>access control</td>');
    expect(html).toContain('<td><em>not stated</em></td>');
  });
});
