import { isInForce } from '../../common/dates';
import { legalBasisText } from '../../domain/legal-basis';
import { EvidenceKind } from '../../domain/evidence-kind';
import { sortedUnique } from '../../engine/core/sorted-unique';
import { isInTerritory } from '../../engine/core/regime-territory';
import type { DataHop } from '../flow-query/flow-query.type';
import type { ActivityEntry, ContactPointEntry, InventoryDocument, OrganisationEntry, PartyEntry } from '../../domain/inventory-document';
import { csvList, toCsv } from './csv';

/**
 * One processing activity as the GDPR Art. 30(1) record lists it, in words a regulator reads:
 * (a) the controller and its contact, (b) the purposes, (c) the categories of data subjects and of
 * personal data, (d) the recipients, (e) the transfers to third countries with their safeguards,
 * (f) the retention, (g) the security measures. Empty lists and nulls are items the map lacks.
 */
export interface ProcessingRecord {
  activityKey: string;
  activityName: string;
  controller: string;
  controllerContact: string | null;
  purpose: string;
  legalBasis: string;
  subjectCategories: string[];
  dataCategories: string[];
  recipients: string[];
  transfers: string[];
  retention: string | null;
  securityMeasures: string[];
}

/** What the record needs of a cross-border hop (see inventoryTransfers). */
export type TransferHop = Pick<DataHop, 'activityKey' | 'toKey' | 'toCountries' | 'transferRegimes' | 'mechanism' | 'safeguards'>;

export function byKey<T extends { key: string }>(entries: readonly T[] | undefined): Map<string, T> {
  return new Map((entries ?? []).map((entry) => [entry.key, entry]));
}

/** Art. 30(1)(a) asks for the controller's contact details: the contact on record for the Art. 39 notice, if any. */
export function contactOf(party: PartyEntry | undefined): string | null {
  return party?.evidence?.find((evidence) => evidence.kind === EvidenceKind.RECIPIENT_CONTACT && evidence.reference)?.reference ?? null;
}

function retentionOf(activity: ActivityEntry): string | null {
  const { period, event } = activity.retention ?? {};
  const parts = [period ? `period: ${period}` : null, event ? `event: ${event}` : null].filter((part): part is string => part !== null);
  return parts.length > 0 ? parts.join('; ') : null;
}

/**
 * A transfer as Art. 30(1)(e) names it: the recipient, the third countries (those outside the
 * territory of a regime under which the hop is a transfer: a processor in IE and the US is a
 * transfer to the US), the mechanism and safeguards.
 */
export function transferText(hop: TransferHop, parties: ReadonlyMap<string, PartyEntry>): string {
  const thirdCountries = hop.toCountries.filter((country) => hop.transferRegimes.some((regime) => !isInTerritory(regime, country)));
  const where = thirdCountries.length > 0 ? thirdCountries.join(', ') : 'countries not stated';
  const safeguards = hop.safeguards.length > 0 ? `; safeguards: ${hop.safeguards.join(', ')}` : '';
  return `${parties.get(hop.toKey)?.name ?? hop.toKey} (${where}): ${hop.mechanism ?? 'no transfer mechanism'}${safeguards}`;
}

/**
 * The record of processing as of a calendar date: the activities in force then, each with the
 * recipients of its flows in force and the cross-border hops of its flows (`transfers`, computed
 * for the same time).
 */
export function buildRecordOfProcessing(document: InventoryDocument, transfers: readonly TransferHop[], on: string): ProcessingRecord[] {
  const parties = byKey(document.parties);
  const subjectCategories = byKey(document.subjectCategories);
  const dataCategories = byKey(document.dataCategories);
  const inForce = (entry: { effectiveFrom: string; effectiveTo?: string | null }): boolean => isInForce(entry.effectiveFrom, entry.effectiveTo ?? null, on);
  const flows = (document.flows ?? []).filter(inForce);
  return (document.activities ?? []).filter(inForce).map((activity) => {
    const controller = parties.get(activity.controller);
    return {
      activityKey: activity.key,
      activityName: activity.name,
      controller: controller?.name ?? activity.controller,
      controllerContact: contactOf(controller),
      purpose: activity.purpose,
      legalBasis: legalBasisText(activity.legalBasis),
      subjectCategories: activity.subjectCategories.map((key) => subjectCategories.get(key)?.name ?? key),
      dataCategories: activity.dataCategories.map(({ category }) => {
        const entry = dataCategories.get(category);
        const flags = [entry?.gdprSpecial ? 'GDPR special category' : null, entry?.piplSensitive ? 'PIPL sensitive' : null].filter(Boolean);
        return `${entry?.name ?? category} (${[category, ...flags].join(', ')})`;
      }),
      recipients: sortedUnique(
        flows
          .filter((flow) => flow.activity === activity.key)
          .map((flow) => parties.get(flow.to))
          .filter((party): party is PartyEntry => party !== undefined)
          .map((party) => `${party.name} (${party.kind})`),
      ),
      transfers: sortedUnique(transfers.filter((hop) => hop.activityKey === activity.key).map((hop) => transferText(hop, parties))),
      retention: retentionOf(activity),
      securityMeasures: activity.securityMeasures ?? [],
    };
  });
}

/** The columns of the record as a table (CSV, spreadsheet, HTML). */
export const RECORD_COLUMNS = [
  'activity',
  'name',
  'controller',
  'controller contact',
  'purposes',
  'legal basis',
  'categories of data subjects',
  'categories of personal data',
  'recipients',
  'third-country transfers and safeguards',
  'retention',
  'security measures',
];

/** The record as table rows under RECORD_COLUMNS: one per activity, lists joined with '; ', an item the map lacks left empty. */
export function recordOfProcessingRows(records: readonly ProcessingRecord[]): string[][] {
  return records.map((record) => [
    record.activityKey,
    record.activityName,
    record.controller,
    record.controllerContact ?? '',
    record.purpose,
    record.legalBasis,
    csvList(record.subjectCategories),
    csvList(record.dataCategories),
    csvList(record.recipients),
    csvList(record.transfers),
    record.retention ?? '',
    csvList(record.securityMeasures),
  ]);
}

/** The record as CSV: a header row, then one row per activity. */
export function recordOfProcessingCsv(records: readonly ProcessingRecord[]): string {
  return toCsv(RECORD_COLUMNS, recordOfProcessingRows(records));
}

function contactPointText(point: ContactPointEntry): string {
  return [point.name, point.contact, point.country ? `established in ${point.country}` : null].filter(Boolean).join(', ');
}

/**
 * The controller's items of Art. 30(1)(a) that the organisation holds, as (item, entry) pairs: its
 * contact, its data protection officer and its representatives; an item not given is null.
 */
export function controllerDetails(organisation: OrganisationEntry | null): [string, string | null][] {
  const representatives = organisation?.representatives ?? [];
  return [
    ['Controller', organisation?.name ?? null],
    ['Contact', organisation?.contact ?? null],
    ['Data protection officer', organisation?.dpo ? contactPointText(organisation.dpo) : null],
    ['Representatives', representatives.length > 0 ? csvList(representatives.map(contactPointText)) : null],
  ];
}

/** Text as Markdown shows it: characters Markdown would read as syntax escaped, line breaks kept inside a table cell. */
function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]<>#|!~]/g, '\\$&').replace(/\r?\n/g, '<br>');
}

function markdownCell(value: string | readonly string[] | null): string {
  const values = value === null ? [] : typeof value === 'string' ? [value] : value;
  return values.length > 0 ? values.map(escapeMarkdown).join('<br>') : '*not stated*';
}

/**
 * The record as Markdown for a reader: the organisation, then a section per activity with a
 * two-column table of the Art. 30(1) items; an item the map lacks reads *not stated*.
 */
export function recordOfProcessingMarkdown(records: readonly ProcessingRecord[], context: { organisation: OrganisationEntry | null; on: string }): string {
  const { organisation, on } = context;
  const policy = organisation?.policy;
  const lines = ['# Record of processing activities (GDPR Art. 30(1))', ''];
  if (organisation) lines.push(`Organisation: ${escapeMarkdown(organisation.name)}  `);
  for (const [item, entry] of controllerDetails(organisation).slice(1)) if (entry !== null) lines.push(`${item}: ${escapeMarkdown(entry)}  `);
  if (policy?.title || policy?.url) lines.push(`Privacy policy: ${escapeMarkdown([policy.title, policy.url].filter(Boolean).join(', '))}  `);
  lines.push(`Activities in force on ${on}: ${records.length}`, '');
  for (const record of records) {
    lines.push(
      `## ${escapeMarkdown(record.activityName)} (${escapeMarkdown(record.activityKey)})`,
      '',
      '| Item | Entry |',
      '| --- | --- |',
      `| Controller | ${markdownCell(record.controller)} |`,
      `| Controller contact | ${markdownCell(record.controllerContact)} |`,
      `| Purposes | ${markdownCell(record.purpose)} |`,
      `| Legal basis | ${markdownCell(record.legalBasis)} |`,
      `| Categories of data subjects | ${markdownCell(record.subjectCategories)} |`,
      `| Categories of personal data | ${markdownCell(record.dataCategories)} |`,
      `| Recipients | ${markdownCell(record.recipients)} |`,
      `| Transfers to third countries and safeguards | ${markdownCell(record.transfers)} |`,
      `| Retention | ${markdownCell(record.retention)} |`,
      `| Security measures | ${markdownCell(record.securityMeasures)} |`,
      '',
    );
  }
  return lines.join('\n');
}
