import { Injectable, computed, inject, signal, type WritableSignal } from '@angular/core';
import { AuthStore, CatalogsApi, DoctorsApi, UsersApi } from '@consultorio/console/core';
import {
  BILLING_ADMIN_ROLES,
  BILLING_ROLES,
  MAX_PAGE_SIZE,
  Role,
  type LocationDto,
} from '@consultorio/shared/contracts';
import { map, type Observable } from 'rxjs';

/** A person or place to choose in a filter. */
export interface Choice {
  id: string;
  name: string;
}

/**
 * Who is signed in as the cash register sees them, and the lists its filters offer: locations,
 * cashiers (for admins) and doctors, each fetched once per session (again after a failure).
 */
@Injectable({ providedIn: 'root' })
export class CashCatalog {
  private readonly auth = inject(AuthStore);
  private readonly catalogs = inject(CatalogsApi);
  private readonly doctorsApi = inject(DoctorsApi);
  private readonly usersApi = inject(UsersApi);
  private readonly pending = new Set<string>();

  readonly user = this.auth.user;
  /** Whether the user sees every day and every drawer (admins and superadmins). */
  readonly isAdmin = computed(() => {
    const role = this.auth.role();
    return !!role && BILLING_ADMIN_ROLES.includes(role);
  });
  /** Whether the user is a doctor (who sees their own production only). */
  readonly isDoctor = computed(() => this.auth.role() === Role.Doctor);

  private readonly locationList = signal<LocationDto[] | null>(null);
  private readonly failedList = signal(false);
  private readonly cashierList = signal<Choice[]>([]);
  private readonly doctorList = signal<Choice[]>([]);
  /** Active locations by name; `null` until they arrive. */
  readonly locations = this.locationList.asReadonly();
  /** Staff who keep a drawer (front desk and admins); only admins get them. */
  readonly cashiers = this.cashierList.asReadonly();
  readonly doctors = this.doctorList.asReadonly();
  /** Whether the locations could not be loaded (the pages offer to try again). */
  readonly locationsFailed = this.failedList.asReadonly();

  loadLocations(): void {
    this.failedList.set(false);
    this.load(
      'locations',
      this.locationList,
      () =>
        this.catalogs
          .list('locations', { q: '', active: true, page: 1, pageSize: MAX_PAGE_SIZE, sort: 'name' })
          .pipe(map((page) => page.items)),
      () => this.failedList.set(true),
    );
  }

  /** Admins only: the API lists users to them alone. */
  loadCashiers(): void {
    if (!this.isAdmin()) return;
    this.load('cashiers', this.cashierList, () =>
      this.usersApi
        .list({ q: '', role: null, active: null, page: 1, pageSize: MAX_PAGE_SIZE, sort: 'fullName' })
        .pipe(
          map((page) =>
            page.items
              .filter((user) => BILLING_ROLES.includes(user.role))
              .map((user) => ({ id: user.id, name: user.fullName })),
          ),
        ),
    );
  }

  loadDoctors(): void {
    this.load('doctors', this.doctorList, () =>
      this.doctorsApi
        .list({ page: 1, pageSize: MAX_PAGE_SIZE })
        .pipe(map((page) => page.items.map((doctor) => ({ id: doctor.id, name: doctor.fullName })))),
    );
  }

  private load<T>(
    key: string,
    target: WritableSignal<T>,
    fetch: () => Observable<T>,
    failed?: () => void,
  ): void {
    if (this.pending.has(key)) return;
    this.pending.add(key);
    fetch().subscribe({
      next: (items) => target.set(items),
      // The next page that asks tries again.
      error: () => {
        this.pending.delete(key);
        failed?.();
      },
    });
  }
}

/**
 * Value of the "all" option of a filter: `mat-select` takes a `null` option for "no choice" and
 * would show an empty field instead of its label.
 */
export const ALL = 'all';

/** The filter's value for the API: `null` for "all". */
export function unlessAll(value: string): string | null {
  return value === ALL ? null : value;
}
