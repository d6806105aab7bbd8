import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { InsurerKind, ResourceType } from '@consultorio/shared/contracts';

/** A `time` column as `HH:MM` (PostgreSQL answers `21:00:00`). */
const CLOCK = {
  to: (value: string | null | undefined) => value,
  from: (value: string | null) => (value ? value.slice(0, 5) : null),
};

/** Columns shared by every catalog table. */
export abstract class CatalogEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'citext' })
  name!: string;

  @Column({ type: 'boolean', default: true })
  active!: boolean;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}

@Entity('specialties')
export class SpecialtyEntity extends CatalogEntity {}

@Entity('business_lines')
export class BusinessLineEntity extends CatalogEntity {}

@Entity('lead_sources')
export class LeadSourceEntity extends CatalogEntity {}

@Entity('zones')
export class ZoneEntity extends CatalogEntity {}

@Entity('insurers')
export class InsurerEntity extends CatalogEntity {
  @Column({ type: 'citext' })
  code!: string;

  @Column({ type: 'text' })
  kind!: InsurerKind;
}

@Entity('locations')
export class LocationEntity extends CatalogEntity {
  @Column({ type: 'text' })
  address!: string;

  @Column({ type: 'uuid', nullable: true })
  zoneId!: string | null;

  @Column({ type: 'text', nullable: true })
  phone!: string | null;
}

@Entity('resources')
export class ResourceEntity extends CatalogEntity {
  @Column({ type: 'uuid' })
  locationId!: string;

  @Column({ type: 'text' })
  type!: ResourceType;
}

@Entity('treatments')
export class TreatmentEntity extends CatalogEntity {
  @Column({ type: 'uuid' })
  specialtyId!: string;

  @Column({ type: 'integer' })
  durationMinutes!: number;

  /** numeric(12,2), read as a string so no amount passes through a binary float. */
  @Column({ type: 'numeric', precision: 12, scale: 2 })
  price!: string;

  @Column({ type: 'uuid', nullable: true })
  businessLineId!: string | null;

  @Column({ type: 'text', nullable: true })
  requiredResourceType!: ResourceType | null;
}

@Entity('products')
export class ProductEntity extends CatalogEntity {
  @Column({ type: 'citext' })
  sku!: string;

  @Column({ type: 'text' })
  unit!: string;

  /** numeric(12,2), read as a string. */
  @Column({ type: 'numeric', precision: 12, scale: 2 })
  price!: string;
}

@Entity('clinic_settings')
export class ClinicSettingsEntity {
  @PrimaryGeneratedColumn({ type: 'smallint' })
  id!: number;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text' })
  timeZone!: string;

  @Column({ type: 'char', length: 3 })
  currency!: string;

  @Column({ type: 'text' })
  locale!: string;

  @Column({ type: 'numeric', precision: 5, scale: 4 })
  taxRate!: string;

  @Column({ type: 'boolean' })
  pricesIncludeTax!: boolean;

  @Column({ type: 'integer' })
  slotGranularityMinutes!: number;

  @Column({ type: 'integer' })
  defaultBufferMinutes!: number;

  @Column({ type: 'integer' })
  cancellationPolicyHours!: number;

  @Column({ type: 'integer', array: true })
  reminderOffsetsHours!: number[];

  @Column({ type: 'time', precision: 0, nullable: true, transformer: CLOCK })
  quietHoursStart!: string | null;

  @Column({ type: 'time', precision: 0, nullable: true, transformer: CLOCK })
  quietHoursEnd!: string | null;

  @Column({ type: 'integer', nullable: true })
  dailySendCap!: number | null;

  @Column({ type: 'text', nullable: true })
  phone!: string | null;

  @Column({ type: 'text', nullable: true })
  email!: string | null;

  @Column({ type: 'text', nullable: true })
  address!: string | null;

  @Column({ type: 'text', nullable: true })
  taxId!: string | null;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
