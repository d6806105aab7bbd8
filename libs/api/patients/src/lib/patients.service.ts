import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager, type SelectQueryBuilder } from 'typeorm';
import {
  AuditAction,
  type CreatePatientDto,
  type Page,
  type PatientDto,
  type PatientQueryDto,
  type PatientSummaryDto,
  Role,
} from '@consultorio/shared/contracts';
import {
  AuditService,
  diffChanges,
  notFound,
  paginate,
  unprocessable,
  type RequestContext,
} from '@consultorio/api/core';
import { PatientEntity } from './patient.entity';
import { AUDITED_PATIENT_FIELDS, toPatientDto, toPatientSummary } from './patient.mapper';

const SEARCH_LIMIT = 10;

/** Splits a query into at most 5 words, with LIKE wildcards escaped. */
function searchWords(query: string): string[] {
  return query
    .trim()
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 5)
    .map((word) => word.replace(/[\\%_]/g, (c) => `\\${c}`));
}

/**
 * Every word must match the patient's accent-free search text (names, document, phone digits,
 * e-mail), either as a substring or, for typos, by trigram word similarity (`<%`). Both use the
 * GIN trigram index on `search_text`.
 */
/** Limits a patient query to those with an appointment with the doctor (what a doctor may see). */
function treatedBy<T extends object>(
  builder: SelectQueryBuilder<T>,
  doctorId?: string | null,
): SelectQueryBuilder<T> {
  if (doctorId) {
    builder.andWhere(
      'EXISTS (SELECT 1 FROM appointments a WHERE a.patient_id = p.id AND a.doctor_id = :treatingDoctor)',
      {
        treatingDoctor: doctorId,
      },
    );
  }
  return builder;
}

function whereMatches<T extends object>(
  builder: SelectQueryBuilder<T>,
  query: string,
): SelectQueryBuilder<T> {
  searchWords(query).forEach((word, index) => {
    const term = `immutable_unaccent(lower(:w${index}))`;
    builder.andWhere(`(p.search_text LIKE '%' || ${term} || '%' OR ${term} <% p.search_text)`, {
      [`w${index}`]: word,
    });
  });
  return builder;
}

/** A linked account must be an existing patient-role user (one record per account: `uq_patients_user`). */
async function assertPatientAccount(
  manager: EntityManager,
  userId: string | null | undefined,
): Promise<void> {
  if (!userId) return;
  const [user] = await manager.query(`SELECT role FROM users WHERE id = $1`, [userId]);
  if (user?.role !== Role.Patient) {
    throw unprocessable('not-a-patient-account', 'userId must be the account of a patient-role user.', [
      { field: 'userId', code: 'patientAccount', message: 'userId must be a user with the patient role' },
    ]);
  }
}

@Injectable()
export class PatientsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  list(query: PatientQueryDto, doctorId?: string | null): Promise<Page<PatientSummaryDto>> {
    const builder = treatedBy(this.dataSource.getRepository(PatientEntity).createQueryBuilder('p'), doctorId);
    if (query.q?.trim()) whereMatches(builder, query.q);
    if (query.status) builder.andWhere('p.status = :status', { status: query.status });
    if (query.leadSourceId)
      builder.andWhere('p.lead_source_id = :leadSourceId', { leadSourceId: query.leadSourceId });
    if (query.insurerId) builder.andWhere('p.insurer_id = :insurerId', { insurerId: query.insurerId });
    if (query.businessLineId) {
      builder.andWhere('p.business_line_id = :businessLineId', { businessLineId: query.businessLineId });
    }
    return paginate(builder, query, {
      sortable: {
        lastNames: 'p.last_names',
        firstNames: 'p.first_names',
        createdAt: 'p.created_at',
        birthDate: 'p.birth_date',
      },
      defaultSort: 'lastNames',
      tieBreaker: 'p.id',
      map: toPatientSummary,
    });
  }

  /** The best matches for search-as-you-type: closest first, at most 10. */
  async search(query: string, doctorId?: string | null): Promise<PatientSummaryDto[]> {
    const builder = whereMatches(
      treatedBy(this.dataSource.getRepository(PatientEntity).createQueryBuilder('p'), doctorId),
      query,
    )
      .addSelect('word_similarity(immutable_unaccent(lower(:whole)), p.search_text)', 'rank')
      .setParameter('whole', query.trim())
      .orderBy('rank', 'DESC')
      .addOrderBy('p.last_names', 'ASC')
      .addOrderBy('p.first_names', 'ASC')
      .limit(SEARCH_LIMIT);
    return (await builder.getMany()).map(toPatientSummary);
  }

  /** One patient's record; reading it is audited (it holds clinical fields). */
  get(id: string, context: RequestContext, doctorId?: string | null): Promise<PatientDto> {
    return this.dataSource.transaction(async (manager) => {
      const patient = await this.find(manager, id);
      if (doctorId) {
        const [treated] = await manager.query(
          'SELECT 1 FROM appointments WHERE patient_id = $1 AND doctor_id = $2 LIMIT 1',
          [id, doctorId],
        );
        if (!treated) throw notFound('Patient');
      }
      await this.audit.record(manager, context, {
        action: AuditAction.Read,
        entity: 'patient',
        entityId: id,
      });
      return toPatientDto(patient);
    });
  }

  create(dto: CreatePatientDto, context: RequestContext): Promise<PatientDto> {
    return this.dataSource.transaction(async (manager) => {
      await assertPatientAccount(manager, dto.userId);
      const saved = await manager.save(manager.create(PatientEntity, dto));
      const patient = await this.find(manager, saved.id);
      await this.audit.record(manager, context, {
        action: AuditAction.Create,
        entity: 'patient',
        entityId: patient.id,
        changes: diffChanges(null, patient, AUDITED_PATIENT_FIELDS),
      });
      return toPatientDto(patient);
    });
  }

  update(id: string, dto: Partial<CreatePatientDto>, context: RequestContext): Promise<PatientDto> {
    return this.dataSource.transaction(async (manager) => {
      const before = await this.find(manager, id, true);
      await assertPatientAccount(manager, dto.userId);
      const changes = Object.fromEntries(Object.entries(dto).filter(([, value]) => value !== undefined));
      if (Object.keys(changes).length > 0) await manager.update(PatientEntity, { id }, changes);
      const after = await this.find(manager, id);
      await this.audit.record(manager, context, {
        action: AuditAction.Update,
        entity: 'patient',
        entityId: id,
        changes: diffChanges(before, after, AUDITED_PATIENT_FIELDS),
      });
      return toPatientDto(after);
    });
  }

  private async find(manager: EntityManager, id: string, lock = false): Promise<PatientEntity> {
    const patient = await manager.findOne(PatientEntity, {
      where: { id },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    if (!patient) throw notFound('Patient');
    return patient;
  }
}
