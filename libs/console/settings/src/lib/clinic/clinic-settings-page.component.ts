import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import { MatSelectModule } from '@angular/material/select';
import { MatSlideToggleModule } from '@angular/material/slide-toggle';
import {
  ClinicSettingsApi,
  DateTimePipe,
  I18n,
  Notifier,
  TranslatePipe,
  applyProblemErrors,
  dtoValidator,
  errorMessage,
} from '@consultorio/console/core';
import {
  SLOT_GRANULARITIES,
  UpdateClinicSettingsDto,
  type ClinicSettingsDto,
} from '@consultorio/shared/contracts';
import { firstValueFrom, map, startWith } from 'rxjs';
import { ClinicSettingsStore } from '../shared/clinic-settings.store';
import { formatMoney, moneyFormat } from '@consultorio/shared/money';
import { SettingsFieldErrorPipe } from '../shared/settings-field-error.pipe';
import { currencyChoices, localeChoices, timeZoneChoices } from './clinic-settings-options';
import {
  type ClinicSettingsFormValue,
  clinicFormValueOf,
  clinicSettingsRules,
  clinicSettingsChanges,
  toUpdateClinicSettings,
} from './clinic-settings-form';
import { ReminderOffsetsFieldComponent } from './reminder-offsets-field.component';

/** An amount and an instant to preview the chosen locale, currency and time zone with. */
const PREVIEW_AMOUNT = '1234.5';

/**
 * The clinic's own settings: contact details, region, taxes and agenda rules. Validates with the
 * shared DTO as the user types and saves only the fields that changed.
 */
@Component({
  selector: 'cs-clinic-settings-page',
  imports: [
    DateTimePipe,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatProgressBarModule,
    MatProgressSpinnerModule,
    MatSelectModule,
    MatSlideToggleModule,
    ReactiveFormsModule,
    ReminderOffsetsFieldComponent,
    SettingsFieldErrorPipe,
    TranslatePipe,
  ],
  templateUrl: './clinic-settings-page.component.html',
  styleUrl: './clinic-settings-page.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ClinicSettingsPageComponent {
  private readonly api = inject(ClinicSettingsApi);
  private readonly store = inject(ClinicSettingsStore);
  private readonly notifier = inject(Notifier);
  private readonly i18n = inject(I18n);
  private readonly fb = inject(NonNullableFormBuilder);

  /** The settings as last loaded or saved; the form's changes are measured against them. */
  protected readonly original = signal<ClinicSettingsDto | null>(null);
  protected readonly loadFailed = signal(false);
  protected readonly saving = signal(false);
  protected readonly failure = signal<string | null>(null);
  protected readonly granularities = SLOT_GRANULARITIES;

  protected readonly form = this.fb.group(
    {
      name: '',
      phone: '',
      email: '',
      address: '',
      taxId: '',
      timeZone: '',
      locale: '',
      currency: '',
      taxRate: '',
      pricesIncludeTax: true,
      slotGranularityMinutes: 15,
      defaultBufferMinutes: this.fb.control<number | null>(0),
      cancellationPolicyHours: this.fb.control<number | null>(24),
      reminderOffsetsHours: this.fb.control<number[]>([]),
      quietHours: true,
      quietHoursStart: '',
      quietHoursEnd: '',
      dailySendCap: this.fb.control<number | null>(null),
    },
    {
      validators: dtoValidator(UpdateClinicSettingsDto, {
        toDto: toUpdateClinicSettings,
        extra: clinicSettingsRules,
      }),
    },
  );
  protected readonly value = toSignal(
    this.form.valueChanges.pipe(
      startWith(null),
      map(() => this.form.getRawValue()),
    ),
    { requireSync: true },
  );
  /** What saving would send. */
  protected readonly changes = computed(() => {
    const original = this.original();
    return original ? clinicSettingsChanges(original, this.value()) : {};
  });
  protected readonly changed = computed(() => Object.keys(this.changes()).length > 0);

  protected readonly timeZones = computed(() => timeZoneChoices(this.original()?.timeZone ?? ''));
  protected readonly currencies = computed(() =>
    currencyChoices(this.i18n.language(), this.original()?.currency ?? ''),
  );
  protected readonly locales = computed(() =>
    localeChoices(this.i18n.language(), this.original()?.locale ?? ''),
  );
  /** How money and dates look with the chosen locale, currency and time zone. */
  protected readonly preview = computed(() => {
    const { locale, currency, timeZone } = this.value();
    try {
      const date = new Intl.DateTimeFormat(locale, {
        dateStyle: 'medium',
        timeStyle: 'short',
        timeZone,
      }).format(new Date());
      return `${formatMoney(PREVIEW_AMOUNT, moneyFormat(locale, currency))} · ${date}`;
    } catch {
      return '';
    }
  });

  constructor() {
    void this.load();
  }

  protected async load(): Promise<void> {
    this.loadFailed.set(false);
    try {
      this.show(await firstValueFrom(this.store.refresh()));
    } catch {
      this.loadFailed.set(true);
    }
  }

  protected discard(): void {
    const original = this.original();
    if (original) this.show(original);
  }

  protected async save(): Promise<void> {
    this.form.markAllAsTouched();
    const changes = this.changes();
    if (this.form.invalid || this.saving() || Object.keys(changes).length === 0) return;
    this.saving.set(true);
    this.failure.set(null);
    try {
      const saved = await firstValueFrom(this.api.update(changes));
      this.store.replace(saved);
      this.show(saved);
      this.notifier.success('clinicSettings.saved');
    } catch (error) {
      if (!applyProblemErrors(this.form, error)) this.failure.set(errorMessage(this.i18n, error));
    } finally {
      this.saving.set(false);
    }
  }

  private show(settings: ClinicSettingsDto): void {
    this.original.set(settings);
    this.form.reset(clinicFormValueOf(settings) satisfies ClinicSettingsFormValue);
  }
}
