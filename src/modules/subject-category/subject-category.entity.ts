import { Column, Entity } from 'typeorm';
import { RegistryRow } from '../registry/registry-row';

@Entity('subject_category')
export class SubjectCategoryEntity extends RegistryRow {
  @Column('text') name!: string;
  @Column('text', { nullable: true }) description!: string | null;
}
