import { Injectable, inject, signal } from '@angular/core';
import { DoctorsApi, statusOf } from '@consultorio/console/core';
import type { DoctorDto, DoctorScheduleDto } from '@consultorio/shared/contracts';
import type { Subscription } from 'rxjs';

/** One doctor's profile and schedule, as the profile page shows them. */
@Injectable()
export class DoctorProfileStore {
  private readonly api = inject(DoctorsApi);
  private subscriptions: Subscription[] = [];
  private id = '';

  readonly doctor = signal<DoctorDto | null>(null);
  readonly schedule = signal<DoctorScheduleDto | null>(null);
  readonly failure = signal<'notFound' | 'error' | null>(null);
  /** Whether the schedule could not be loaded (the profile may still show). */
  readonly scheduleFailed = signal(false);

  load(id: string): void {
    this.id = id;
    this.subscriptions.forEach((subscription) => subscription.unsubscribe());
    this.doctor.set(null);
    this.schedule.set(null);
    this.failure.set(null);
    this.subscriptions = [
      this.api.get(id).subscribe({
        next: (doctor) => this.doctor.set(doctor),
        error: (error: unknown) => this.failure.set(statusOf(error) === 404 ? 'notFound' : 'error'),
      }),
    ];
    this.reloadSchedule();
  }

  reloadSchedule(): void {
    this.scheduleFailed.set(false);
    this.subscriptions.push(
      this.api.schedule(this.id).subscribe({
        next: (schedule) => this.schedule.set(schedule),
        error: () => this.scheduleFailed.set(true),
      }),
    );
  }

  /** After an edit: the profile as the API answered it. */
  use(doctor: DoctorDto): void {
    this.doctor.set(doctor);
  }
}
