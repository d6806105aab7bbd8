import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import { MatSelectModule } from '@angular/material/select';
import {
  CatalogsApi,
  I18n,
  TranslatePipe,
  applyProblemErrors,
  dtoValidator,
  errorMessage,
  type CatalogCreateOf,
  type FieldErrors,
} from '@consultorio/console/core';
import type { CatalogEntryDto } from '@consultorio/shared/contracts';
import { Observable, firstValueFrom } from 'rxjs';
import { ClinicSettingsStore } from '../../shared/clinic-settings.store';
import { currencyDecimals, currencySymbol, decimalToPercent } from '@consultorio/shared/money';
import { CURRENCY_DECIMALS_ERROR, SettingsFieldErrorPipe } from '../../shared/settings-field-error.pipe';
import type { CatalogConfig, CatalogField, ReferenceField } from '../catalog-config';
import { catalogConfig } from '../catalog-definitions';
import {
  type CatalogFieldValue,
  type CatalogFormValue,
  catalogChanges,
  formValueOf,
  normalizeMoney,
  toCatalogBody,
} from '../catalog-form';
import type { CatalogLookups } from '../catalog-lookups';

export interface CatalogDialogData {
  config: CatalogConfig;
  /** The entry to edit, or `null` to create one. */
  entry: CatalogEntryDto | null;
  /** Entries of the catalogs the form refers to (a treatment's specialty…). */
  lookups: CatalogLookups;
}

/** One choice of a reference field. */
interface ReferenceOption {
  id: string;
  name: string;
  active: boolean;
}

/**
 * Creates or edits an entry of any catalog from its configuration. The form checks the catalog's
 * shared DTO as the user types; what only the server knows (a name already taken) lands on its field.
 */
@Component({
  selector: 'cs-catalog-dialog',
  imports: [
    MatButtonModule,
    MatDialogModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatProgressSpinnerModule,
    MatSelectModule,
    ReactiveFormsModule,
    SettingsFieldErrorPipe,
    TranslatePipe,
  ],
  templateUrl: './catalog-dialog.component.html',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CatalogDialogComponent {
  private readonly api = inject(CatalogsApi);
  private readonly i18n = inject(I18n);
  private readonly settings = inject(ClinicSettingsStore);
  private readonly dialogRef = inject<MatDialogRef<CatalogDialogComponent, CatalogEntryDto>>(MatDialogRef);
  private readonly data = inject<CatalogDialogData>(MAT_DIALOG_DATA);

  protected readonly config = this.data.config;
  protected readonly original = this.data.entry;
  protected readonly saving = signal(false);
  protected readonly failure = signal<string | null>(null);

  protected readonly currencySymbol = computed(() => {
    const format = this.settings.money();
    return format ? currencySymbol(format) : '';
  });
  /** Whether prices include tax, and at which rate, to say so under the price. */
  protected readonly taxNote = computed(() => {
    const settings = this.settings.settings();
    if (!settings) return '';
    const rate = decimalToPercent(settings.taxRate);
    return this.i18n.t(
      settings.pricesIncludeTax ? 'catalogs.hint.priceIncludesTax' : 'catalogs.hint.priceExcludesTax',
      {
        rate,
      },
    );
  });

  /** Choices of each reference field: active entries, plus the inactive one the entry already uses. */
  protected readonly referenceOptions = computed(() => {
    const options: Record<string, ReferenceOption[]> = {};
    for (const field of this.config.fields) {
      if (field.kind !== 'reference') continue;
      const current = this.initial[field.name];
      options[field.name] = (this.data.lookups.of(field.catalog)() ?? [])
        .filter((entry) => entry.active || entry.id === current)
        .map(({ id, name, active }) => ({ id, name, active }));
    }
    return options;
  });
  /** Whether the referenced catalogs have loaded (an empty list then means "create one first"). */
  protected readonly referencesLoaded = computed(() =>
    this.config.fields.every(
      (field) => field.kind !== 'reference' || this.data.lookups.of(field.catalog)() !== null,
    ),
  );

  private readonly initial = formValueOf(this.config, this.original);
  protected readonly form = new FormGroup<Record<string, FormControl<CatalogFieldValue>>>(
    Object.fromEntries(
      Object.entries(this.initial).map(([name, value]) => [name, new FormControl<CatalogFieldValue>(value)]),
    ),
    {
      validators: dtoValidator<CatalogFormValue, object>(this.config.dto, {
        toDto: (value) => toCatalogBody(this.config, value),
        extra: (value) => this.currencyRules(value),
      }),
    },
  );

  protected control(field: CatalogField): FormControl<CatalogFieldValue> {
    return this.form.controls[field.name] as FormControl<CatalogFieldValue>;
  }

  protected isOptional(field: CatalogField): boolean {
    return 'optional' in field && !!field.optional;
  }

  protected referencedTitle(field: ReferenceField): string {
    const referenced = catalogConfig(field.catalog);
    return referenced ? this.i18n.t(referenced.title) : field.catalog;
  }

  protected async save(): Promise<void> {
    this.form.markAllAsTouched();
    if (this.form.invalid || this.saving()) return;
    const value = this.form.getRawValue();
    const path = this.config.path;
    // The body was built from this catalog's fields and checked with its DTO just above.
    type Body = CatalogCreateOf<typeof path>;
    let request: Observable<CatalogEntryDto>;
    if (this.original) {
      const changes = catalogChanges(this.config, this.original, value);
      if (Object.keys(changes).length === 0) {
        this.failure.set(this.i18n.t('catalogs.noChanges'));
        return;
      }
      request = this.api.update(path, this.original.id, changes as Partial<Body>);
    } else {
      request = this.api.create(path, toCatalogBody(this.config, value) as unknown as Body);
    }
    this.saving.set(true);
    this.failure.set(null);
    // Escape or a click outside must not drop an answer that is on its way.
    this.dialogRef.disableClose = true;
    try {
      this.dialogRef.close(await firstValueFrom(request));
    } catch (error) {
      if (!applyProblemErrors(this.form, error)) this.failure.set(errorMessage(this.i18n, error));
    } finally {
      this.saving.set(false);
      this.dialogRef.disableClose = false;
    }
  }

  /** Amounts in a currency without cents (Chilean pesos) may not have any. */
  private currencyRules(value: CatalogFormValue): FieldErrors {
    const format = this.settings.money();
    if (!format || currencyDecimals(format) > 0) return {};
    const errors: FieldErrors = {};
    for (const field of this.config.fields) {
      const amount = normalizeMoney(String(value[field.name] ?? ''));
      if (field.kind === 'money' && /\.\d*[1-9]/.test(amount)) {
        errors[field.name] = { [CURRENCY_DECIMALS_ERROR]: format.resolvedOptions().currency };
      }
    }
    return errors;
  }
}
