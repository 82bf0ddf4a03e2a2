import type { Pool, PoolClient } from 'pg';
import type { GeneratedEvidence, GeneratedInventory } from './generate-inventory';

/** Rows per statement: large enough to be set-based, small enough to keep each parameter a few MB. */
const ROWS_PER_STATEMENT = 20_000;

export interface InventoryLoad {
  seconds: number;
  rows: number;
  rowsByTable: Record<string, number>;
}

/** A PostgreSQL array literal, for columns of arrays (unnest would flatten an array of arrays). */
export function arrayLiteral(values: readonly string[]): string {
  return `{${values.map((value) => `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`).join(',')}}`;
}

interface Column<Row> {
  name: string;
  type: string;
  value: (row: Row) => unknown;
  /** An expression over the unnested column `c<n>` (default: the column itself). */
  expression?: (column: string) => string;
}

/** INSERT ... SELECT FROM unnest(...) in slices: one statement per slice, whatever the row count. */
async function insertRows<Row>(client: PoolClient, table: string, columns: Column<Row>[], rows: readonly Row[]): Promise<number> {
  const names = columns.map((column) => column.name).join(', ');
  const aliases = columns.map((_, index) => `c${index}`);
  const select = columns.map((column, index) => (column.expression ? column.expression(aliases[index]) : aliases[index])).join(', ');
  const unnest = columns.map((column, index) => `$${index + 1}::${column.type}[]`).join(', ');
  const sql = `INSERT INTO ${table} (${names}) SELECT ${select} FROM unnest(${unnest}) AS t(${aliases.join(', ')})`;
  for (let start = 0; start < rows.length; start += ROWS_PER_STATEMENT) {
    const slice = rows.slice(start, start + ROWS_PER_STATEMENT);
    await client.query(sql, columns.map((column) => slice.map(column.value)));
  }
  return rows.length;
}

interface EvidenceRow extends GeneratedEvidence {
  partyId: string | null;
  activityId: string | null;
  flowId: string | null;
}

/**
 * Writes a generated data map straight into the registry tables in one transaction, a few
 * statements per table, and bumps the inventory revision as every change to the map does. The
 * rows satisfy the schema's constraints and what the services check on top of it (flows carry
 * only categories their activity covers, sub-processors are engaged by processors, ...).
 */
export async function loadInventory(pool: Pool, inventory: GeneratedInventory): Promise<InventoryLoad> {
  const started = process.hrtime.bigint();
  const client = await pool.connect();
  const rowsByTable: Record<string, number> = {};
  try {
    await client.query('BEGIN');
    rowsByTable.subject_category = await insertRows(client, 'subject_category', [
      { name: 'id', type: 'uuid', value: (row) => row.id },
      { name: 'key', type: 'text', value: (row) => row.key },
      { name: 'name', type: 'text', value: (row) => row.name },
      { name: 'description', type: 'text', value: (row) => row.description },
    ], inventory.subjectCategories);
    rowsByTable.data_category = await insertRows(client, 'data_category', [
      { name: 'id', type: 'uuid', value: (row) => row.id },
      { name: 'key', type: 'text', value: (row) => row.key },
      { name: 'name', type: 'text', value: (row) => row.name },
      { name: 'parent_id', type: 'uuid', value: (row) => row.parentId },
      { name: 'gdpr_special', type: 'boolean', value: (row) => row.gdprSpecial },
      { name: 'pipl_sensitive', type: 'boolean', value: (row) => row.piplSensitive },
    ], inventory.dataCategories);
    rowsByTable.party = await insertRows(client, 'party', [
      { name: 'id', type: 'uuid', value: (row) => row.id },
      { name: 'key', type: 'text', value: (row) => row.key },
      { name: 'name', type: 'text', value: (row) => row.name },
      { name: 'kind', type: 'text', value: (row) => row.kind },
      { name: 'engaged_by_id', type: 'uuid', value: (row) => row.engagedById },
      { name: 'description', type: 'text', value: (row) => row.description },
    ], inventory.parties);
    rowsByTable.party_country = await insertRows(client, 'party_country', [
      { name: 'party_id', type: 'uuid', value: (row) => row[0] },
      { name: 'country_code', type: 'text', value: (row) => row[1] },
    ], inventory.parties.flatMap((party) => party.countries.map((country) => [party.id, country] as const)));
    rowsByTable.activity = await insertRows(client, 'activity', [
      { name: 'id', type: 'uuid', value: (row) => row.id },
      { name: 'key', type: 'text', value: (row) => row.key },
      { name: 'name', type: 'text', value: (row) => row.name },
      { name: 'purpose', type: 'text', value: (row) => row.purpose },
      { name: 'controller_id', type: 'uuid', value: (row) => row.controllerId },
      { name: 'legal_basis', type: 'text', value: (row) => row.legalBasis },
      { name: 'retention_period', type: 'text', value: (row) => row.retentionPeriod },
      { name: 'retention_event', type: 'text', value: (row) => row.retentionEvent },
      { name: 'security_measures', type: 'text', value: (row) => arrayLiteral(row.securityMeasures), expression: (column) => `${column}::text[]` },
      { name: 'localised_in', type: 'text', value: (row) => row.localisedIn },
      { name: 'effective_from', type: 'date', value: (row) => row.effectiveFrom },
      { name: 'effective_to', type: 'date', value: (row) => row.effectiveTo },
    ], inventory.activities);
    rowsByTable.activity_subject_category = await insertRows(client, 'activity_subject_category', [
      { name: 'activity_id', type: 'uuid', value: (row) => row[0] },
      { name: 'subject_category_id', type: 'uuid', value: (row) => row[1] },
    ], inventory.activities.flatMap((activity) => activity.subjectCategoryIds.map((id) => [activity.id, id] as const)));
    rowsByTable.activity_data_category = await insertRows(client, 'activity_data_category', [
      { name: 'activity_id', type: 'uuid', value: (row) => row.activityId },
      { name: 'data_category_id', type: 'uuid', value: (row) => row.categoryId },
      { name: 'required', type: 'boolean', value: (row) => row.required },
    ], inventory.activities.flatMap((activity) => activity.categories.map((category) => ({ activityId: activity.id, ...category }))));
    rowsByTable.flow = await insertRows(client, 'flow', [
      { name: 'id', type: 'uuid', value: (row) => row.id },
      { name: 'key', type: 'text', value: (row) => row.key },
      { name: 'activity_id', type: 'uuid', value: (row) => row.activityId },
      { name: 'from_party_id', type: 'uuid', value: (row) => row.fromId },
      { name: 'to_party_id', type: 'uuid', value: (row) => row.toId },
      { name: 'legal_basis', type: 'text', value: (row) => row.legalBasis },
      { name: 'consent_required', type: 'boolean', value: (row) => row.consentRequired },
      { name: 'safeguards', type: 'text', value: (row) => arrayLiteral(row.safeguards), expression: (column) => `${column}::text[]` },
      { name: 'continuous', type: 'boolean', value: (row) => row.continuous },
      { name: 'annual_subjects', type: 'integer', value: (row) => row.annualSubjects },
      { name: 'effective_from', type: 'date', value: (row) => row.effectiveFrom },
      { name: 'effective_to', type: 'date', value: (row) => row.effectiveTo },
    ], inventory.flows);
    rowsByTable.flow_mechanism = await insertRows(client, 'flow_mechanism', [
      { name: 'flow_id', type: 'uuid', value: (row) => row[0] },
      { name: 'position', type: 'integer', value: (row) => row[1] },
      { name: 'mechanism', type: 'text', value: (row) => row[2] },
    ], inventory.flows.flatMap((flow) => flow.mechanisms.map((entry, position) => [flow.id, position, entry.mechanism] as const)));
    rowsByTable.flow_data_category = await insertRows(client, 'flow_data_category', [
      { name: 'flow_id', type: 'uuid', value: (row) => row[0] },
      { name: 'data_category_id', type: 'uuid', value: (row) => row[1] },
    ], inventory.flows.flatMap((flow) => flow.categoryIds.map((id) => [flow.id, id] as const)));
    rowsByTable.flow_country = await insertRows(client, 'flow_country', [
      { name: 'flow_id', type: 'uuid', value: (row) => row[0] },
      { name: 'country_code', type: 'text', value: (row) => row[1] },
    ], inventory.flows.flatMap((flow) => flow.countries.map((country) => [flow.id, country] as const)));
    const evidence: EvidenceRow[] = [
      ...inventory.parties.flatMap((party) => party.evidence.map((item) => ({ ...item, partyId: party.id, activityId: null, flowId: null }))),
      ...inventory.activities.flatMap((activity) => activity.evidence.map((item) => ({ ...item, partyId: null, activityId: activity.id, flowId: null }))),
      ...inventory.flows.flatMap((flow) => flow.evidence.map((item) => ({ ...item, partyId: null, activityId: null, flowId: flow.id }))),
    ];
    rowsByTable.evidence = await insertRows(client, 'evidence', [
      { name: 'party_id', type: 'uuid', value: (row) => row.partyId },
      { name: 'activity_id', type: 'uuid', value: (row) => row.activityId },
      { name: 'flow_id', type: 'uuid', value: (row) => row.flowId },
      { name: 'kind', type: 'text', value: (row) => row.kind },
      { name: 'dated_on', type: 'date', value: (row) => row.datedOn },
      { name: 'expires_on', type: 'date', value: (row) => row.expiresOn },
      { name: 'reference', type: 'text', value: (row) => row.reference },
    ], evidence);
    await client.query(
      `INSERT INTO organisation (id, name, policy) VALUES (true, $1, NULL) ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name`,
      [`Flowmap bench group (${inventory.size.name})`],
    );
    // What every change to the map does, so that API instances reload their cached copy.
    await client.query('UPDATE inventory_revision SET revision = revision + 1, changed_at = now()');
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
  const rows = Object.values(rowsByTable).reduce((sum, n) => sum + n, 0);
  return { seconds: Number(process.hrtime.bigint() - started) / 1e9, rows, rowsByTable };
}
