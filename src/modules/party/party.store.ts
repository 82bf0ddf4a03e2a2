import type { EntityManager } from 'typeorm';
import { calendarDateOf, isCalendarDate } from '../../common/dates';
import { inSequence } from '../../common/sequence';
import { readEvidence, replaceEvidence, validateEvidence } from '../evidence/evidence.store';
import type { PartyEntry } from '../../domain/inventory-document';
import { chainReaches } from '../registry/chain';
import { idsByKey } from '../registry/key-lookup';
import { validateCountries, validateKey, validateName } from '../registry/entry-validation';
import type { RegistryKind, ValidationContext } from '../registry/registry-kind';
import { compareCountryPeriods, isUndated, openCountries, resolveCountryHistory, toCountryPeriod, validateCountryHistory, type CountryPeriod } from './country-history';
import { PartyEntity } from './party.entity';
import { PartyKind } from '../../domain/party-kind';

/** Every country period of the parties, by party id, in compareCountryPeriods order. */
export async function readCountryHistories(manager: EntityManager, ids: string[] | null): Promise<Map<string, CountryPeriod[]>> {
  const rows = (await manager.query(
    `SELECT party_id, country_code, effective_from, effective_to FROM party_country ${ids ? 'WHERE party_id = ANY($1::uuid[])' : ''}`,
    ids ? [ids] : [],
  )) as { party_id: string; country_code: string; effective_from: string | null; effective_to: string | null }[];
  const byParty = new Map<string, CountryPeriod[]>();
  for (const row of rows) {
    const periods = byParty.get(row.party_id) ?? [];
    periods.push({ country: row.country_code, effectiveFrom: row.effective_from, effectiveTo: row.effective_to });
    byParty.set(row.party_id, periods);
  }
  for (const periods of byParty.values()) periods.sort(compareCountryPeriods);
  return byParty;
}

/** The periods a write of `entry` stores, or the problem with its `countriesEffectiveFrom`. */
async function countryHistoryToStore(manager: EntityManager, entry: PartyEntry, existingId: string | null): Promise<CountryPeriod[] | string> {
  const stated = (entry.countryHistory ?? []).map(toCountryPeriod);
  const base = stated.length > 0 || existingId === null ? stated : ((await readCountryHistories(manager, [existingId])).get(existingId) ?? []);
  return resolveCountryHistory(base, entry.countries, { from: entry.countriesEffectiveFrom ?? null, today: calendarDateOf(new Date()), isNew: existingId === null });
}

/** Kinds of party that can engage a sub-processor. */
const ENGAGING_KINDS: readonly PartyKind[] = [PartyKind.PROCESSOR, PartyKind.SUB_PROCESSOR];

async function validateParty(manager: EntityManager, entry: PartyEntry, { problems, at, existingId }: ValidationContext): Promise<void> {
  validateKey(entry.key, `${at}.key`, problems);
  validateName(entry.name, `${at}.name`, problems);
  if (!Object.values(PartyKind).includes(entry.kind)) problems.add(`${at}.kind`, `'${entry.kind}' is not a party kind`);
  const problemsBeforeCountries = problems.problems.length;
  validateCountries(entry.countries, `${at}.countries`, problems);
  validateCountryHistory(entry.countryHistory ?? [], `${at}.countryHistory`, problems);
  const from = entry.countriesEffectiveFrom;
  if (from !== null && from !== undefined && !isCalendarDate(from)) problems.add(`${at}.countriesEffectiveFrom`, `'${from}' is not a date (YYYY-MM-DD)`);
  else if (problems.problems.length === problemsBeforeCountries) {
    const history = await countryHistoryToStore(manager, entry, existingId);
    if (typeof history === 'string') problems.add(`${at}.countriesEffectiveFrom`, history);
  }
  validateEvidence(entry.evidence ?? [], 'party', at, problems);
  const engagedBy = entry.engagedBy ?? null;
  if (entry.kind === PartyKind.SUB_PROCESSOR && engagedBy === null) {
    problems.add(`${at}.engagedBy`, 'a SUB_PROCESSOR needs the key of the processor that engaged it');
  }
  if (entry.kind !== PartyKind.SUB_PROCESSOR && engagedBy !== null) {
    problems.add(`${at}.engagedBy`, `only a SUB_PROCESSOR is engaged by a processor, not a ${entry.kind}`);
  }
  if (engagedBy === null || entry.kind !== PartyKind.SUB_PROCESSOR) return;
  const [engager] = (await manager.query('SELECT id, kind FROM party WHERE key = $1', [engagedBy])) as { id: string; kind: PartyKind }[];
  if (!engager) problems.add(`${at}.engagedBy`, `no party '${engagedBy}'`);
  else if (!ENGAGING_KINDS.includes(engager.kind)) {
    problems.add(`${at}.engagedBy`, `'${engagedBy}' is a ${engager.kind}; only a PROCESSOR or SUB_PROCESSOR engages sub-processors`);
  } else if (engager.id === existingId || (existingId !== null && (await chainReaches(manager, { table: 'party', column: 'engaged_by_id' }, engager.id, existingId)))) {
    problems.add(`${at}.engagedBy`, `'${engagedBy}' would make the chain of engagements a loop`);
  }
}

async function readParties(manager: EntityManager, ids?: string[]): Promise<Map<string, PartyEntry>> {
  const query = manager.getRepository(PartyEntity).createQueryBuilder('party');
  if (ids) query.where('party.id IN (:...ids)', { ids: ids.length > 0 ? ids : [null] });
  const rows = await query.orderBy('party.key').getMany();
  const scope = ids ?? null;
  const [histories, evidence, engagers] = await inSequence([
    () => readCountryHistories(manager, scope),
    () => readEvidence(manager, 'party', scope),
    () => manager.query('SELECT id, key FROM party WHERE id = ANY($1::uuid[])', [
      rows.flatMap((row) => (row.engagedById ? [row.engagedById] : [])),
    ]) as Promise<{ id: string; key: string }[]>]);
  const engagerKeys = new Map(engagers.map((row) => [row.id, row.key]));
  return new Map(
    rows.map((row) => [
      row.id,
      {
        key: row.key,
        name: row.name,
        kind: row.kind,
        countries: openCountries(histories.get(row.id) ?? []),
        countryHistory: isUndated(histories.get(row.id) ?? []) ? [] : (histories.get(row.id) ?? []),
        engagedBy: row.engagedById ? (engagerKeys.get(row.engagedById) ?? null) : null,
        description: row.description,
        evidence: evidence.get(row.id) ?? [],
      },
    ]),
  );
}

async function writeParty(manager: EntityManager, entry: PartyEntry, existingId: string | null): Promise<string> {
  const engagedById = entry.engagedBy ? ((await idsByKey(manager, 'party', [entry.engagedBy])).get(entry.engagedBy) ?? null) : null;
  const row = { key: entry.key, name: entry.name, kind: entry.kind, engagedById, description: entry.description ?? null };
  const id = existingId ?? (await manager.insert(PartyEntity, row)).identifiers[0].id as string;
  if (existingId) await manager.update(PartyEntity, existingId, row);
  await replaceCountryHistory(manager, id, await countryHistoryToStore(manager, entry, existingId));
  await replaceEvidence(manager, 'party', id, entry.evidence ?? []);
  return id;
}

async function replaceCountryHistory(manager: EntityManager, partyId: string, history: CountryPeriod[] | string): Promise<void> {
  if (typeof history === 'string') throw new Error(`party ${partyId}: country history was validated before the write: ${history}`);
  await manager.query('DELETE FROM party_country WHERE party_id = $1', [partyId]);
  if (history.length === 0) return;
  await manager.query(
    `INSERT INTO party_country (party_id, country_code, effective_from, effective_to)
     SELECT $1, country, effective_from, effective_to FROM unnest($2::text[], $3::date[], $4::date[]) AS period (country, effective_from, effective_to)`,
    [partyId, history.map((period) => period.country), history.map((period) => period.effectiveFrom), history.map((period) => period.effectiveTo)],
  );
}

async function partyReferrers(manager: EntityManager, id: string): Promise<string[]> {
  const rows = (await manager.query(
    `SELECT 'flow' AS what, key FROM flow WHERE from_party_id = $1 OR to_party_id = $1
     UNION ALL SELECT 'activity', key FROM activity WHERE controller_id = $1
     UNION ALL SELECT 'sub-processor', key FROM party WHERE engaged_by_id = $1
     ORDER BY 1, 2 LIMIT 20`,
    [id],
  )) as { what: string; key: string }[];
  return rows.map((row) => `${row.what} '${row.key}'`);
}

export const partyKind: RegistryKind<PartyEntry> = {
  table: 'party',
  label: 'party',
  readEntries: readParties,
  validate: validateParty,
  write: writeParty,
  referrers: partyReferrers,
};
