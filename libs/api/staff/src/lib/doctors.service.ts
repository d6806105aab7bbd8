import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import {
  AuditAction,
  Role,
  type CreateDoctorDto,
  type DoctorDto,
  type DoctorQueryDto,
  type Page,
} from '@consultorio/shared/contracts';
import {
  AuditService,
  diffChanges,
  notFound,
  paginate,
  unprocessable,
  type RequestContext,
} from '@consultorio/api/core';
import { DoctorEntity } from './staff.entities';

type DoctorRow = DoctorEntity & {
  fullName: string;
  email: string;
  specialtyIds: string[];
  locationIds: string[];
};

const AUDITED: (keyof DoctorRow & string)[] = [
  'userId',
  'documentId',
  'licenseNumber',
  'yearsExperience',
  'consultationFee',
  'bio',
  'color',
  'available',
  'specialtyIds',
  'locationIds',
];

function toDto(doctor: DoctorRow): DoctorDto {
  return {
    id: doctor.id,
    userId: doctor.userId,
    fullName: doctor.fullName,
    email: doctor.email,
    documentId: doctor.documentId,
    licenseNumber: doctor.licenseNumber,
    specialtyIds: doctor.specialtyIds,
    locationIds: doctor.locationIds,
    yearsExperience: doctor.yearsExperience,
    consultationFee: doctor.consultationFee,
    bio: doctor.bio,
    color: doctor.color,
    available: doctor.available,
    createdAt: doctor.createdAt.toISOString(),
    updatedAt: doctor.updatedAt.toISOString(),
  };
}

@Injectable()
export class DoctorsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(query: DoctorQueryDto): Promise<Page<DoctorDto>> {
    const builder = this.dataSource
      .getRepository(DoctorEntity)
      .createQueryBuilder('d')
      .innerJoin('users', 'u', 'u.id = d.user_id');
    if (query.q?.trim()) {
      builder.andWhere('(unaccent(u.full_name) ILIKE unaccent(:q) OR d.license_number::text ILIKE :q)', {
        q: `%${query.q.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`,
      });
    }
    if (query.specialtyId) {
      builder.andWhere(
        'EXISTS (SELECT 1 FROM doctor_specialties s WHERE s.doctor_id = d.id AND s.specialty_id = :specialtyId)',
        {
          specialtyId: query.specialtyId,
        },
      );
    }
    if (query.locationId) {
      builder.andWhere(
        'EXISTS (SELECT 1 FROM doctor_locations l WHERE l.doctor_id = d.id AND l.location_id = :locationId)',
        {
          locationId: query.locationId,
        },
      );
    }
    if (query.available !== undefined)
      builder.andWhere('d.available = :available', { available: query.available });
    const page = await paginate(builder, query, {
      sortable: { fullName: 'u.full_name', createdAt: 'd.created_at' },
      defaultSort: 'fullName',
      tieBreaker: 'd.id',
      map: (doctor) => doctor,
      plainPaging: true,
    });
    const rows = await this.rows(
      this.dataSource.manager,
      page.items.map((doctor) => doctor.id),
    );
    return { ...page, items: rows.map(toDto) };
  }

  async get(id: string): Promise<DoctorDto> {
    return toDto(await this.row(this.dataSource.manager, id));
  }

  create(dto: CreateDoctorDto, context: RequestContext): Promise<DoctorDto> {
    return this.dataSource.transaction(async (manager) => {
      await this.assertDoctorUser(manager, dto.userId);
      const { specialtyIds, locationIds, ...fields } = dto;
      const saved = await manager.save(manager.create(DoctorEntity, fields));
      await this.replaceLinks(manager, saved.id, specialtyIds, locationIds);
      const doctor = await this.row(manager, saved.id);
      await this.audit.record(manager, context, {
        action: AuditAction.Create,
        entity: 'doctor',
        entityId: doctor.id,
        changes: diffChanges(null, doctor, AUDITED),
      });
      return toDto(doctor);
    });
  }

  update(id: string, dto: Partial<CreateDoctorDto>, context: RequestContext): Promise<DoctorDto> {
    return this.dataSource.transaction(async (manager) => {
      await manager.query('SELECT 1 FROM doctors WHERE id = $1 FOR UPDATE', [id]);
      const before = await this.row(manager, id);
      if (dto.userId && dto.userId !== before.userId) await this.assertDoctorUser(manager, dto.userId);
      const { specialtyIds, locationIds, ...fields } = dto;
      const changes = Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined));
      if (Object.keys(changes).length > 0) await manager.update(DoctorEntity, { id }, changes);
      await this.replaceLinks(manager, id, specialtyIds, locationIds);
      const after = await this.row(manager, id);
      await this.audit.record(manager, context, {
        action: AuditAction.Update,
        entity: 'doctor',
        entityId: id,
        changes: diffChanges(before, after, AUDITED),
      });
      return toDto(after);
    });
  }

  /** The doctor profile of a user, if any (doctors act on their own agenda). */
  async idOfUser(userId: string): Promise<string | null> {
    const [row] = await this.dataSource.query('SELECT id FROM doctors WHERE user_id = $1', [userId]);
    return row?.id ?? null;
  }

  private async assertDoctorUser(manager: EntityManager, userId: string): Promise<void> {
    const [user] = await manager.query('SELECT role FROM users WHERE id = $1 FOR SHARE', [userId]);
    if (!user || user.role !== Role.Doctor) {
      throw unprocessable('not-a-doctor', 'The linked user must exist and have the doctor role.', [
        { field: 'userId', code: 'doctorRole', message: 'userId must be a user with the doctor role' },
      ]);
    }
  }

  /**
   * Replaces the doctor's specialties and locations when given. Removing a location that still has
   * working hours fails on the foreign key (409): move or delete the hours first.
   */
  private async replaceLinks(
    manager: EntityManager,
    id: string,
    specialtyIds?: string[],
    locationIds?: string[],
  ) {
    if (specialtyIds) {
      await manager.query(
        'DELETE FROM doctor_specialties WHERE doctor_id = $1 AND NOT (specialty_id = ANY($2))',
        [id, specialtyIds],
      );
      await manager.query(
        `INSERT INTO doctor_specialties (doctor_id, specialty_id) SELECT $1, unnest($2::uuid[]) ON CONFLICT DO NOTHING`,
        [id, specialtyIds],
      );
    }
    if (locationIds) {
      await manager.query(
        'DELETE FROM doctor_locations WHERE doctor_id = $1 AND NOT (location_id = ANY($2))',
        [id, locationIds],
      );
      await manager.query(
        `INSERT INTO doctor_locations (doctor_id, location_id) SELECT $1, unnest($2::uuid[]) ON CONFLICT DO NOTHING`,
        [id, locationIds],
      );
    }
  }

  private async row(manager: EntityManager, id: string): Promise<DoctorRow> {
    const [row] = await this.rows(manager, [id]);
    if (!row) throw notFound('Doctor');
    return row;
  }

  /** Doctors with their user's name and their specialties and locations, in the order of `ids`. */
  private async rows(manager: EntityManager, ids: string[]): Promise<DoctorRow[]> {
    if (ids.length === 0) return [];
    const doctors = await manager
      .getRepository(DoctorEntity)
      .createQueryBuilder('d')
      .innerJoin('users', 'u', 'u.id = d.user_id')
      .addSelect(['u.full_name AS full_name', 'u.email AS email'])
      .addSelect(
        `coalesce((SELECT array_agg(s.specialty_id ORDER BY s.specialty_id) FROM doctor_specialties s WHERE s.doctor_id = d.id), '{}')`,
        'specialty_ids',
      )
      .addSelect(
        `coalesce((SELECT array_agg(l.location_id ORDER BY l.location_id) FROM doctor_locations l WHERE l.doctor_id = d.id), '{}')`,
        'location_ids',
      )
      .where('d.id = ANY(:ids)', { ids })
      .getRawAndEntities();
    const byId = new Map(
      doctors.entities.map((entity, index) => {
        const raw = doctors.raw[index];
        return [
          entity.id,
          {
            ...entity,
            fullName: raw.full_name,
            email: raw.email,
            specialtyIds: raw.specialty_ids,
            locationIds: raw.location_ids,
          },
        ];
      }),
    );
    return ids.map((id) => byId.get(id)).filter((row): row is DoctorRow => !!row);
  }
}
