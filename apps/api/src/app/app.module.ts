import { Module, type DynamicModule } from '@nestjs/common';
import { AppointmentsModule } from '@consultorio/api/appointments';
import { AuthModule } from '@consultorio/api/auth';
import { BillingModule } from '@consultorio/api/billing';
import { AppEnvironment, CoreModule } from '@consultorio/api/core';
import { DemoModule } from '@consultorio/api/demo';
import { NotificationsModule } from '@consultorio/api/notifications';
import { PatientsModule } from '@consultorio/api/patients';
import { SettingsModule } from '@consultorio/api/settings';
import { StaffModule } from '@consultorio/api/staff';
import { UsersModule } from '@consultorio/api/users';

@Module({})
export class AppModule {
  static forRoot(env: AppEnvironment): DynamicModule {
    return {
      module: AppModule,
      imports: [
        CoreModule.forRoot(env),
        UsersModule,
        AuthModule,
        SettingsModule,
        PatientsModule,
        StaffModule,
        AppointmentsModule,
        NotificationsModule,
        BillingModule,
        DemoModule,
      ],
    };
  }
}
