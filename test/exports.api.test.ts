import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Role } from '../src/modules/auth/role';
import { startTestServer, type TestServer } from './support/test-server';

let api: TestServer;

beforeAll(async () => {
  api = await startTestServer();
  const example = fs.readFileSync(path.resolve(__dirname, '../examples/zkbio-entrance-2022.yaml'), 'utf8');
  const imported = await api.graphql('mutation($file: String!) { importInventory(file: $file) { applied } }', { file: example });
  expect(imported.errors).toBeUndefined();
});
afterAll(async () => {
  await api?.stop();
});

describe('exports over GraphQL', () => {
  it('gives a VIEWER the record of processing as CSV and Markdown, and the transfer register', async () => {
    const viewer = await api.as(Role.VIEWER);
    const result = await viewer.graphql<{ csv: string; markdown: string; transferRegister: string }>(
      '{ csv: recordOfProcessing markdown: recordOfProcessing(format: MARKDOWN, asOf: "2024-06-01T00:00:00Z") transferRegister }',
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!.csv).toMatch(/^\uFEFFactivity,name,controller,/);
    expect(result.data!.markdown).toContain('Activities in force on 2024-06-01: 8');
    expect(result.data!.transferRegister).toMatch(/^\uFEFFflow,activity,exporter,/);
  });

  it('gives the record and the transfer register as an XLSX workbook (base64) and as HTML', async () => {
    // The example's transfers come from where its stored persons live, which only a reader of persons is judged with.
    const auditor = await api.as(Role.AUDITOR);
    const result = await auditor.graphql<{ xlsx: string; html: string }>(
      '{ xlsx: recordOfProcessing(format: XLSX, asOf: "2024-06-01T00:00:00Z") html: recordOfProcessing(format: HTML, asOf: "2024-06-01T00:00:00Z") }',
    );
    expect(result.errors).toBeUndefined();
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(new Uint8Array(Buffer.from(result.data!.xlsx, 'base64')).buffer);
    const [, record, processors, register] = workbook.worksheets;
    expect([record.name, processors.name, register.name]).toEqual(['Record of processing', 'Processor records (Art. 30(2))', 'Transfer register']);
    expect(record.rowCount).toBe(1 + 8);
    expect(register.rowCount).toBeGreaterThan(1);
    expect(register.getRow(1).getCell(1).value).toBe('flow');
    expect(result.data!.html).toContain('<h2>Record of processing (8)</h2>');
  });

  it('gives each enumeration value its DPV IRIs', async () => {
    const viewer = await api.as(Role.VIEWER);
    const result = await viewer.graphql<{ dpvTerms: { enumeration: string; value: string; iri: string }[] }>('{ dpvTerms { enumeration value iri } }');
    expect(result.errors).toBeUndefined();
    const irisOf = (enumeration: string, value: string) => result.data!.dpvTerms.filter((term) => term.enumeration === enumeration && term.value === value).map((term) => term.iri);
    expect(irisOf('LegalBasis', 'LEGITIMATE_INTERESTS')).toEqual(['https://w3id.org/dpv#LegitimateInterest', 'https://w3id.org/dpv/legal/eu/gdpr#A6-1-f']);
    expect(irisOf('TransferMechanism', 'STANDARD_CONTRACTUAL_CLAUSES')).toEqual(['https://w3id.org/dpv/legal/eu/gdpr#A46-2-c']);
    expect(irisOf('PartyKind', 'PROCESSOR')).toEqual(['https://w3id.org/dpv#DataProcessor']);
    expect(irisOf('DataCategory sensitivity', 'gdprSpecial')).toEqual(['https://w3id.org/dpv#SpecialCategoryPersonalData']);
  });

  it('gives parties, activities, flows and data categories the IRIs of their enumerations', async () => {
    const result = await api.graphql<{
      party: { kindIris: string[] };
      activity: { legalBasis: string; legalBasisIris: string[] };
      dataCategory: { iris: string[] };
      flows: { nodes: { mechanism: string | null; mechanismIris: string[]; safeguardIris: string[] }[] };
    }>(
      '{ party(key: "zkteco-xiamen") { kindIris } activity(key: "account-and-device-service") { legalBasis legalBasisIris } dataCategory(key: "location.precise") { iris } flows(first: 1) { nodes { mechanism mechanismIris safeguardIris } } }',
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!.party.kindIris).toEqual(['https://w3id.org/dpv#DataController']);
    expect(result.data!.activity).toEqual({ legalBasis: 'CONTRACT', legalBasisIris: ['https://w3id.org/dpv#Contract', 'https://w3id.org/dpv/legal/eu/gdpr#A6-1-b'] });
    expect(result.data!.dataCategory.iris).toEqual(['https://w3id.org/dpv#PersonalData', 'https://w3id.org/dpv#SensitivePersonalData']);
    // The example names no mechanism or safeguard: none has a concept.
    expect(result.data!.flows.nodes[0]).toEqual({ mechanism: null, mechanismIris: [], safeguardIris: [] });
  });

  it("draws a profile's map for a VIEWER, and a person's only for those who may read persons", async () => {
    const viewer = await api.as(Role.VIEWER);
    const profile = await viewer.graphql<{ profileDataFlows: { mermaid: string } }>(
      '{ profileDataFlows(profile: { subjectCategories: ["app-user"], countryOfResidence: "DE" }) { mermaid } }',
    );
    expect(profile.data!.profileDataFlows.mermaid).toMatch(/^flowchart LR\n/);
    const person = '{ person(externalId: "de-user-1") { dataFlows(asOf: "2024-06-01T00:00:00Z") { mermaid } } }';
    expect((await viewer.graphql(person)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const auditor = await api.as(Role.AUDITOR);
    const answer = await auditor.graphql<{ person: { dataFlows: { mermaid: string } } }>(person);
    expect(answer.data!.person.dataFlows.mermaid).toContain('-->|"UNLAWFUL: ');
  });

  it("names the controller's contact, DPO and representatives (Art. 30(1)(a)), kept through import and export", async () => {
    const file = `flowmap: 1
organisation:
  name: ZKTeco
  contact: privacy@zkteco.example
  dpo: { name: Dana Officer, contact: dpo@zkteco.example }
  representatives: [{ name: ZK EU Rep, contact: rep@zkteco.example, country: DE }]
`;
    const imported = await api.graphql('mutation($file: String!) { importInventory(file: $file) { applied } }', { file });
    expect(imported.errors).toBeUndefined();
    const result = await api.graphql<{ exportInventory: string; recordOfProcessing: string }>('{ exportInventory recordOfProcessing(format: MARKDOWN) }');
    expect(result.errors).toBeUndefined();
    expect(result.data!.exportInventory).toContain('dpo:\n    name: Dana Officer\n    contact: dpo@zkteco.example');
    expect(result.data!.recordOfProcessing).toContain('Data protection officer: Dana Officer, dpo@zkteco.example  \nRepresentatives: ZK EU Rep, rep@zkteco.example, established in DE  \n');
  });
});
