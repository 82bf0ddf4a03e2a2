import { ActivityDataCategoryEntity, ActivityEntity, ActivitySubjectCategoryEntity } from '../modules/activity/activity.entity';
import { ConsentEntity } from '../modules/consent/consent.entity';
import { DataCategoryEntity } from '../modules/data-category/data-category.entity';
import { EvidenceEntity } from '../modules/evidence/evidence.entity';
import { FlowCountryEntity, FlowDataCategoryEntity, FlowEntity } from '../modules/flow/flow.entity';
import { PartyEntity } from '../modules/party/party.entity';
import { PersonEntity } from '../modules/person/person.entity';
import { SubjectCategoryEntity } from '../modules/subject-category/subject-category.entity';

export const ENTITIES = [
  PartyEntity,
  DataCategoryEntity,
  SubjectCategoryEntity,
  ActivityEntity,
  ActivitySubjectCategoryEntity,
  ActivityDataCategoryEntity,
  FlowEntity,
  FlowDataCategoryEntity,
  FlowCountryEntity,
  EvidenceEntity,
  PersonEntity,
  ConsentEntity,
];
