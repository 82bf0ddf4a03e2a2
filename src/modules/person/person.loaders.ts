import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import { entitiesByLoader, listLoader } from '../../common/loaders';
import { ConsentEntity } from '../consent/consent.entity';
import { readStoredProfiles } from './person.service';

export function createPersonLoaders(dataSource: DataSource) {
  return {
    subjectCategoryIds: listLoader<{ owner_id: string; subject_category_id: string }, string>(
      dataSource,
      'SELECT person_id AS owner_id, subject_category_id FROM person_subject_category WHERE person_id = ANY($1::uuid[])',
      (row) => row.subject_category_id,
    ),
    consents: entitiesByLoader<ConsentEntity>(dataSource, ConsentEntity, 'personId', 'givenAt'),
    /** By external id: the person, what their answer needs and the inventory revision, read together. */
    profile: new DataLoader((externalIds: readonly string[]) => readStoredProfiles(dataSource, externalIds)),
  };
}
