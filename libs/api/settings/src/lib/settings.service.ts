import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  AuditAction,
  type ClinicSettingsDto,
  type UpdateClinicSettingsDto,
} from '@consultorio/shared/contracts';
import { AuditService, diffChanges, type RequestContext } from '@consultorio/api/core';
import { ClinicSettingsEntity } from './catalog.entities';

const AUDITED: (keyof ClinicSettingsEntity & string)[] = [
  'name',
  'timeZone',
  'currency',
  'locale',
  'taxRate',
  'pricesIncludeTax',
  'slotGranularityMinutes',
  'defaultBufferMinutes',
  'cancellationPolicyHours',
  'reminderOffsetsHours',
  'quietHoursStart',
  'quietHoursEnd',
  'dailySendCap',
  'phone',
  'email',
  'address',
  'taxId',
];

function toDto(settings: ClinicSettingsEntity): ClinicSettingsDto {
  return {
    name: settings.name,
    timeZone: settings.timeZone,
    currency: settings.currency.trim(),
    locale: settings.locale,
    taxRate: settings.taxRate,
    pricesIncludeTax: settings.pricesIncludeTax,
    slotGranularityMinutes: settings.slotGranularityMinutes,
    defaultBufferMinutes: settings.defaultBufferMinutes,
    cancellationPolicyHours: settings.cancellationPolicyHours,
    reminderOffsetsHours: settings.reminderOffsetsHours,
    quietHoursStart: settings.quietHoursStart,
    quietHoursEnd: settings.quietHoursEnd,
    dailySendCap: settings.dailySendCap,
    phone: settings.phone,
    email: settings.email,
    address: settings.address,
    taxId: settings.taxId,
    updatedAt: settings.updatedAt.toISOString(),
  };
}

/** The clinic's one settings row (created by the migration with sensible defaults for Peru). */
@Injectable()
export class ClinicSettingsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async get(): Promise<ClinicSettingsDto> {
    return toDto(await this.dataSource.manager.findOneByOrFail(ClinicSettingsEntity, { id: 1 }));
  }

  update(dto: UpdateClinicSettingsDto, context: RequestContext): Promise<ClinicSettingsDto> {
    return this.dataSource.transaction(async (manager) => {
      const before = await manager.findOneOrFail(ClinicSettingsEntity, {
        where: { id: 1 },
        lock: { mode: 'pessimistic_write' },
      });
      const changes = Object.fromEntries(Object.entries(dto).filter(([, value]) => value !== undefined));
      if (Object.keys(changes).length > 0) await manager.update(ClinicSettingsEntity, { id: 1 }, changes);
      const after = await manager.findOneByOrFail(ClinicSettingsEntity, { id: 1 });
      await this.audit.record(manager, context, {
        action: AuditAction.Update,
        entity: 'clinic_settings',
        entityId: '1',
        changes: diffChanges(before, after, AUDITED),
      });
      return toDto(after);
    });
  }
}
