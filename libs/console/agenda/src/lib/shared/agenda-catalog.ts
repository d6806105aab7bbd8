import { Injectable, computed, inject, signal } from '@angular/core';
import {
  AuthStore,
  CatalogsApi,
  ClinicSettingsApi,
  DoctorsApi,
  type CatalogPath,
  type CatalogEntryOf,
} from '@consultorio/console/core';
import {
  MAX_PAGE_SIZE,
  Role,
  type CatalogEntryDto,
  type ClinicSettingsDto,
  type DoctorDto,
  type LocationDto,
  type ResourceDto,
  type TreatmentDto,
} from '@consultorio/shared/contracts';
import { DEFAULT_TIME_ZONE } from '@consultorio/shared/scheduling';
import { Observable, forkJoin, map } from 'rxjs';

/** Everything the catalog holds, as loaded. */
export interface AgendaCatalogData {
  settings: ClinicSettingsDto;
  locations: LocationDto[];
  specialties: CatalogEntryDto[];
  treatments: TreatmentDto[];
  resources: ResourceDto[];
  doctors: DoctorDto[];
}

const byId = <T extends { id: string }>(items: readonly T[]) => new Map(items.map((item) => [item.id, item]));

/**
 * What the agenda needs to draw and book: the clinic's time zone, sites, specialties, treatments,
 * resources and doctors (with their colours). Loaded once when the agenda opens.
 */
@Injectable()
export class AgendaCatalog {
  private readonly catalogs = inject(CatalogsApi);
  private readonly settingsApi = inject(ClinicSettingsApi);
  private readonly doctorsApi = inject(DoctorsApi);
  private readonly auth = inject(AuthStore);
  private readonly data = signal<AgendaCatalogData | null>(null);

  /** Whether loading failed (the page offers to retry). */
  readonly failed = signal(false);
  readonly ready = computed(() => this.data() !== null);
  readonly settings = computed(() => this.data()?.settings ?? null);
  /** The clinic's IANA time zone: every time on the agenda is shown in it. */
  readonly timeZone = computed(() => this.data()?.settings.timeZone ?? DEFAULT_TIME_ZONE);
  readonly locations = computed(() => this.data()?.locations ?? []);
  readonly specialties = computed(() => this.data()?.specialties ?? []);
  readonly treatments = computed(() => this.data()?.treatments ?? []);
  readonly resources = computed(() => this.data()?.resources ?? []);
  readonly doctors = computed(() => this.data()?.doctors ?? []);

  private readonly doctorMap = computed(() => byId(this.doctors()));
  private readonly treatmentMap = computed(() => byId(this.treatments()));
  private readonly locationMap = computed(() => byId(this.locations()));
  private readonly resourceMap = computed(() => byId(this.resources()));
  private readonly specialtyMap = computed(() => byId(this.specialties()));

  /** A signed-in doctor's own profile: their agenda is the only one they see. */
  readonly ownDoctor = computed(() => {
    const user = this.auth.user();
    if (user?.role !== Role.Doctor) return null;
    return this.doctors().find((doctor) => doctor.userId === user.id) ?? null;
  });
  readonly isDoctor = computed(() => this.auth.role() === Role.Doctor);

  load(): void {
    this.failed.set(false);
    forkJoin({
      settings: this.settingsApi.get(),
      locations: this.active('locations'),
      specialties: this.active('specialties'),
      treatments: this.active('treatments'),
      resources: this.active('resources'),
      doctors: this.doctorsApi.list({ pageSize: MAX_PAGE_SIZE }).pipe(map((page) => page.items)),
    }).subscribe({
      next: (data) => this.data.set(data),
      error: () => this.failed.set(true),
    });
  }

  /** Uses data already at hand instead of loading it. */
  use(data: AgendaCatalogData): void {
    this.data.set(data);
  }

  doctor(id: string | null | undefined): DoctorDto | undefined {
    return id ? this.doctorMap().get(id) : undefined;
  }

  treatment(id: string | null | undefined): TreatmentDto | undefined {
    return id ? this.treatmentMap().get(id) : undefined;
  }

  location(id: string | null | undefined): LocationDto | undefined {
    return id ? this.locationMap().get(id) : undefined;
  }

  resource(id: string | null | undefined): ResourceDto | undefined {
    return id ? this.resourceMap().get(id) : undefined;
  }

  specialty(id: string | null | undefined): CatalogEntryDto | undefined {
    return id ? this.specialtyMap().get(id) : undefined;
  }

  private active<P extends CatalogPath>(catalog: P): Observable<CatalogEntryOf<P>[]> {
    return this.catalogs
      .list(catalog, { q: '', active: true, page: 1, pageSize: MAX_PAGE_SIZE, sort: 'name' })
      .pipe(map((page) => page.items));
  }
}
