import { Column, Entity } from 'typeorm';
import { RegistryRow } from '../registry/registry-row';
import { PartyKind } from '../../domain/party-kind';

@Entity('party')
export class PartyEntity extends RegistryRow {
  @Column('text') name!: string;
  @Column('text') kind!: PartyKind;
  @Column('uuid', { nullable: true }) engagedById!: string | null;
  @Column('text', { nullable: true }) description!: string | null;
}
