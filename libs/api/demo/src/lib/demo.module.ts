import { Module } from '@nestjs/common';
import { DemoClinicSeeder } from './demo-clinic.seeder';

@Module({ providers: [DemoClinicSeeder], exports: [DemoClinicSeeder] })
export class DemoModule {}
