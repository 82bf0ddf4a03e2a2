import { Column, Entity } from 'typeorm';
import { RegistryRow } from '../registry/registry-row';

@Entity('data_category')
export class DataCategoryEntity extends RegistryRow {
  @Column('text') name!: string;
  @Column('uuid', { nullable: true }) parentId!: string | null;
  @Column('boolean') gdprSpecial!: boolean;
  @Column('boolean') piplSensitive!: boolean;
  @Column('text', { nullable: true }) description!: string | null;
}
