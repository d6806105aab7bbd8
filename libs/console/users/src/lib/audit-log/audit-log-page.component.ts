import { BreakpointObserver } from '@angular/cdk/layout';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { MatTableModule } from '@angular/material/table';
import { DateTimePipe, I18n, ROLE_KEYS, TranslatePipe, TranslationKey } from '@consultorio/console/core';
import { ListCardComponent } from '@consultorio/console/ui';
import { AuditAction, MAX_PAGE_SIZE, type AuditEntryDto, type Role } from '@consultorio/shared/contracts';
import { debounceTime, map } from 'rxjs';
import { AuditLogStore, EMPTY_AUDIT_FILTERS } from './audit-log.store';

const ACTION_KEYS: Readonly<Record<AuditAction, TranslationKey>> = {
  [AuditAction.Create]: 'audit.action.create',
  [AuditAction.Update]: 'audit.action.update',
  [AuditAction.Delete]: 'audit.action.delete',
  [AuditAction.Login]: 'audit.action.login',
  [AuditAction.Logout]: 'audit.action.logout',
  [AuditAction.PasswordChange]: 'audit.action.password_change',
  [AuditAction.Read]: 'audit.action.read',
};

const ENTITY_KEYS: Readonly<Record<string, TranslationKey>> = {
  user: 'audit.entity.user',
  session: 'audit.entity.session',
};

/** Start of a `yyyy-mm-dd` day (browser time) as an ISO instant; `null` when empty or invalid. */
export function dayStart(day: string, offsetDays = 0): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) return null;
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  const start = new Date(year, month - 1, date + offsetDays);
  return Number.isNaN(start.getTime()) ? null : start.toISOString();
}

/** Shows a change value compactly (objects as JSON, missing as a dash). */
export function displayValue(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/** The audit log for superadmins: who did what to which record, when and from where. */
@Component({
  selector: 'cs-audit-log-page',
  imports: [
    DateTimePipe,
    ListCardComponent,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatSelectModule,
    MatTableModule,
    ReactiveFormsModule,
    TranslatePipe,
  ],
  providers: [AuditLogStore],
  templateUrl: './audit-log-page.component.html',
  styleUrl: './audit-log-page.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AuditLogPageComponent {
  protected readonly store = inject(AuditLogStore);
  private readonly i18n = inject(I18n);
  protected readonly actions = Object.values(AuditAction);
  protected readonly actionKeys = ACTION_KEYS;
  protected readonly roleKeys: Readonly<Record<string, TranslationKey>> = ROLE_KEYS;
  protected readonly pageSizeOptions = [20, 50, MAX_PAGE_SIZE];
  /** Whether the screen is a phone's: who, record and IP move into the expanded details. */
  protected readonly compact = toSignal(
    inject(BreakpointObserver)
      .observe('(max-width: 599.98px)')
      .pipe(map((state) => state.matches)),
    { initialValue: false },
  );
  protected readonly columns = computed(() =>
    this.compact() ? ['at', 'action', 'expand'] : ['at', 'actor', 'action', 'entity', 'ip', 'expand'],
  );
  protected readonly expanded = signal<string | null>(null);
  protected readonly displayValue = displayValue;

  protected readonly filters = inject(NonNullableFormBuilder).group({
    action: null as AuditAction | null,
    entity: '',
    from: '',
    to: '',
  });

  constructor() {
    this.filters.valueChanges
      .pipe(
        debounceTime(300),
        map(() => this.filters.getRawValue()),
        takeUntilDestroyed(),
      )
      .subscribe((value) =>
        this.store.filter({
          action: value.action,
          entity: value.entity.trim() || null,
          from: dayStart(value.from),
          // The "to" day is included: ask for entries before the next day starts.
          to: dayStart(value.to, 1),
        }),
      );
  }

  protected clearFilters(): void {
    this.filters.reset();
    this.store.filter(EMPTY_AUDIT_FILTERS);
  }

  protected toggle(entry: AuditEntryDto): void {
    this.expanded.update((id) => (id === entry.id ? null : entry.id));
  }

  protected changesOf(entry: AuditEntryDto): { field: string; before: unknown; after: unknown }[] {
    return Object.entries(entry.changes ?? {}).map(([field, change]) => ({ field, ...change }));
  }

  /** Known record types in the current language; others as the API names them. */
  protected entityName(entity: string): string {
    const key = ENTITY_KEYS[entity];
    return key ? this.i18n.t(key) : entity;
  }

  protected actionKey(action: AuditAction): TranslationKey {
    return ACTION_KEYS[action];
  }

  protected roleKey(role: Role | string | null): TranslationKey | null {
    return role ? (this.roleKeys[role] ?? null) : null;
  }
}
