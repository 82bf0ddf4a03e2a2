import type { EntityManager } from 'typeorm';
import { inSequence } from '../../common/sequence';
import { activityKind } from '../activity/activity.store';
import { dataCategoryKind } from '../data-category/data-category.store';
import { flowKind } from '../flow/flow.store';
import { partyKind } from '../party/party.store';
import { readPersonEntries } from '../person/person.store';
import { subjectCategoryKind } from '../subject-category/subject-category.store';
import type { InventoryDocument, OrganisationEntry } from '../../domain/inventory-document';
import { normaliseInventory } from './normalise-inventory';

async function readOrganisation(manager: EntityManager): Promise<OrganisationEntry | null> {
  const [row] = (await manager.query('SELECT name, policy, contact, dpo, representatives FROM organisation')) as (Required<Pick<OrganisationEntry, 'name' | 'policy' | 'contact' | 'dpo'>> & {
    representatives: OrganisationEntry['representatives'] | null;
  })[];
  return row ? { name: row.name, policy: row.policy, contact: row.contact, dpo: row.dpo, representatives: row.representatives ?? [] } : null;
}

/** The whole data map as an inventory document, in normalised form (what `export` prints). */
export async function readInventory(manager: EntityManager, options: { includePersons: boolean }): Promise<InventoryDocument> {
  const [organisation, subjectCategories, dataCategories, parties, activities, flows, persons] = await inSequence([
    () => readOrganisation(manager),
    () => subjectCategoryKind.readEntries(manager),
    () => dataCategoryKind.readEntries(manager),
    () => partyKind.readEntries(manager),
    () => activityKind.readEntries(manager),
    () => flowKind.readEntries(manager),
    () => options.includePersons ? readPersonEntries(manager) : Promise.resolve(undefined)]);
  return normaliseInventory({
    flowmap: 1,
    organisation,
    subjectCategories: [...subjectCategories.values()],
    dataCategories: [...dataCategories.values()],
    parties: [...parties.values()],
    activities: [...activities.values()],
    flows: [...flows.values()],
    ...(persons ? { persons } : {}),
  });
}
