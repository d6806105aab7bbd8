import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ClinicSettingsEntity } from './catalog.entities';
import { CATALOG_ENTITIES, CATALOGS } from './catalogs';
import { ClinicSettingsController } from './settings.controller';
import { ClinicSettingsService } from './settings.service';

/** Clinic settings and the configuration catalogs (specialties, treatments, locations, …). */
@Module({
  imports: [TypeOrmModule.forFeature([ClinicSettingsEntity, ...CATALOG_ENTITIES])],
  controllers: [ClinicSettingsController, ...CATALOGS.map((catalog) => catalog.controller)],
  providers: [ClinicSettingsService, ...CATALOGS.map((catalog) => catalog.provider)],
  exports: [ClinicSettingsService],
})
export class SettingsModule {}
