import { Injectable, computed, inject, signal } from '@angular/core';
import {
  AuthStore,
  CatalogsApi,
  ClinicSettingsApi,
  type CatalogPath,
  type CatalogEntryOf,
} from '@consultorio/console/core';
import { MAX_PAGE_SIZE, type CatalogEntryDto, type LocationDto } from '@consultorio/shared/contracts';
import { DEFAULT_TIME_ZONE, localDateOf } from '@consultorio/shared/scheduling';
import { catchError, forkJoin, map, of, type Observable } from 'rxjs';
import { STAFF_EDITOR_ROLES } from './staff-access';

const byId = <T extends { id: string }>(items: readonly T[]) => new Map(items.map((item) => [item.id, item]));

/**
 * What the doctors pages need besides the doctors: specialties and locations (to name and pick
 * them), the clinic's time zone and currency, and whether the signed-in user may edit.
 * Inactive entries are kept so that a doctor's old specialty still has a name.
 */
@Injectable()
export class StaffCatalog {
  private readonly catalogs = inject(CatalogsApi);
  private readonly auth = inject(AuthStore);
  private readonly data = signal<{
    specialties: CatalogEntryDto[];
    locations: LocationDto[];
    timeZone: string;
    currency: string;
  } | null>(null);

  readonly specialties = computed(() => this.data()?.specialties ?? []);
  readonly locations = computed(() => this.data()?.locations ?? []);
  /** The active entries, for pickers. */
  readonly activeSpecialties = computed(() => this.specialties().filter((entry) => entry.active));
  readonly activeLocations = computed(() => this.locations().filter((entry) => entry.active));
  readonly timeZone = computed(() => this.data()?.timeZone ?? DEFAULT_TIME_ZONE);
  readonly currency = computed(() => this.data()?.currency ?? 'PEN');
  /** Whether the signed-in user may create and change doctors, schedules and holidays. */
  readonly canEdit = computed(() => {
    const role = this.auth.role();
    return !!role && STAFF_EDITOR_ROLES.includes(role);
  });

  private readonly specialtyMap = computed(() => byId(this.specialties()));
  private readonly locationMap = computed(() => byId(this.locations()));

  constructor() {
    forkJoin({
      specialties: this.all('specialties'),
      locations: this.all('locations'),
      settings: inject(ClinicSettingsApi)
        .get()
        .pipe(catchError(() => of({ timeZone: DEFAULT_TIME_ZONE, currency: 'PEN' }))),
    }).subscribe(({ specialties, locations, settings }) =>
      this.data.set({ specialties, locations, timeZone: settings.timeZone, currency: settings.currency }),
    );
  }

  /** Today's date on the clinic's calendar, `YYYY-MM-DD`. */
  today(): string {
    return localDateOf(new Date().toISOString(), this.timeZone());
  }

  specialtyName(id: string): string {
    return this.specialtyMap().get(id)?.name ?? '—';
  }

  locationName(id: string): string {
    return this.locationMap().get(id)?.name ?? '—';
  }

  /** Every entry of a catalog (none if it cannot be loaded: names show as "—"). */
  private all<P extends CatalogPath>(catalog: P): Observable<CatalogEntryOf<P>[]> {
    return this.catalogs
      .list(catalog, { q: '', active: null, page: 1, pageSize: MAX_PAGE_SIZE, sort: 'name' })
      .pipe(
        map((page) => page.items),
        catchError(() => of([])),
      );
  }
}
