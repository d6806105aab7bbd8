import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { describeConstraints } from '@consultorio/api/core';
import { ClinicSettingsEntity } from './catalog.entities';
import { CATALOG_ENTITIES, CATALOGS } from './catalogs';
import { ClinicSettingsController } from './settings.controller';
import { ClinicSettingsService } from './settings.service';

describeConstraints({
  ck_clinic_settings_quiet_hours:
    'Quiet hours need both a start and an end (or neither, to send at any hour), and they must differ.',
});

/** Clinic settings and the configuration catalogs (specialties, treatments, locations, …). */
@Module({
  imports: [TypeOrmModule.forFeature([ClinicSettingsEntity, ...CATALOG_ENTITIES])],
  controllers: [ClinicSettingsController, ...CATALOGS.map((catalog) => catalog.controller)],
  providers: [ClinicSettingsService, ...CATALOGS.map((catalog) => catalog.provider)],
  exports: [ClinicSettingsService],
})
export class SettingsModule {}
