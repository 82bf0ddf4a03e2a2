import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';

@Entity('data_category')
export class DataCategoryEntity {
  @PrimaryGeneratedColumn('uuid') id!: string;
  @Column('text') key!: string;
  @Column('text') name!: string;
  @Column('uuid', { nullable: true }) parentId!: string | null;
  @Column('boolean') gdprSpecial!: boolean;
  @Column('boolean') piplSensitive!: boolean;
  @Column('text', { nullable: true }) description!: string | null;
  @VersionColumn() version!: number;
  @CreateDateColumn({ type: 'timestamptz' }) createdAt!: Date;
  @UpdateDateColumn({ type: 'timestamptz' }) updatedAt!: Date;
}
