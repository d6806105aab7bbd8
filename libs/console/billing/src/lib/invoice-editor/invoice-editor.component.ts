import { Location } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  input,
  signal,
  untracked,
} from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import {
  FormArray,
  FormControl,
  FormGroup,
  ReactiveFormsModule,
  Validators,
  type ValidationErrors,
} from '@angular/forms';
import { MatAutocompleteModule } from '@angular/material/autocomplete';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import { MatSelectModule } from '@angular/material/select';
import { MatTooltipModule } from '@angular/material/tooltip';
import { Router, RouterLink } from '@angular/router';
import {
  AppointmentsApi,
  CatalogsApi,
  DoctorsApi,
  I18n,
  Notifier,
  PatientsApi,
  TranslatePipe,
  applyProblemErrors,
  errorMessage,
  problemOf,
  statusOf,
  type TranslationKey,
} from '@consultorio/console/core';
import {
  InvoiceItemKind,
  InvoiceKind,
  InvoiceStatus,
  MAX_PAGE_SIZE,
  type InvoiceDto,
} from '@consultorio/shared/contracts';
import {
  decimalToPercent,
  invoiceTotals,
  lineAmounts,
  lineProblems,
  type LineAmounts,
  type PricingRules,
} from '@consultorio/shared/money';
import { catchError, firstValueFrom, map, of } from 'rxjs';
import { InvoicesApi } from '../data/invoices-api';
import { BillingSettings } from '../shared/billing-settings';
import { MoneyPipe } from '../shared/billing-pipes';
import { invoiceName } from '../shared/billing-labels';
import { PatientPickerComponent, type PickedPatient } from '../shared/patient-picker.component';
import { ItemCatalog, type CatalogItem } from './item-catalog';
import {
  DESCRIPTION_MAX,
  canonicalRate,
  emptyLine,
  lineForm,
  lineFromItem,
  toItemInput,
  toLineInput,
  type LineForm,
  type LineValue,
} from './invoice-form';

const KIND_KEYS: Readonly<Record<InvoiceItemKind, TranslationKey>> = {
  [InvoiceItemKind.Treatment]: 'billing.itemKind.treatment',
  [InvoiceItemKind.Product]: 'billing.itemKind.product',
  [InvoiceItemKind.Free]: 'billing.itemKind.free',
};

/** What the editor is doing: getting its data, editing, or unable to edit. */
type EditorState = 'loading' | 'ready' | 'notDraft' | 'error';

/**
 * Drafts and edits an invoice: the patient, where it is billed and whose production it is, and
 * its lines from treatments, products or free text. Lines are checked and priced as the user
 * types with the same rules and rounding as the API (`@consultorio/shared/money`). From an
 * appointment (`?appointmentId=`) the API drafts its treatment and the editor opens that draft.
 */
@Component({
  selector: 'cs-invoice-editor',
  imports: [
    MatAutocompleteModule,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatInputModule,
    MatProgressBarModule,
    MatProgressSpinnerModule,
    MatSelectModule,
    MatTooltipModule,
    MoneyPipe,
    PatientPickerComponent,
    ReactiveFormsModule,
    RouterLink,
    TranslatePipe,
  ],
  providers: [ItemCatalog],
  templateUrl: './invoice-editor.component.html',
  styleUrl: './invoice-editor.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class InvoiceEditorComponent {
  private readonly api = inject(InvoicesApi);
  private readonly patients = inject(PatientsApi);
  private readonly appointments = inject(AppointmentsApi);
  private readonly router = inject(Router);
  private readonly location = inject(Location);
  private readonly notifier = inject(Notifier);
  private readonly i18n = inject(I18n);
  private readonly billing = inject(BillingSettings);
  protected readonly catalog = inject(ItemCatalog);

  /** The draft edited (`/billing/:id/edit`); none for a new invoice. */
  readonly id = input<string>();
  /** The appointment billed (`/billing/new?appointmentId=…`). */
  readonly appointmentId = input<string>();
  /** The patient billed (`/billing/new?patientId=…`). */
  readonly patientId = input<string>();

  protected readonly state = signal<EditorState>('loading');
  protected readonly loadError = signal<string | null>(null);
  /** The saved draft, once there is one. */
  protected readonly invoice = signal<InvoiceDto | null>(null);
  protected readonly saving = signal<'draft' | 'issue' | null>(null);
  protected readonly failure = signal<{ message: string; detail: string | null } | null>(null);
  protected readonly submitted = signal(false);
  protected readonly descriptionMax = DESCRIPTION_MAX;
  protected readonly kindKeys = KIND_KEYS;

  protected readonly locations = toSignal(
    inject(CatalogsApi)
      .list('locations', { q: '', active: true, page: 1, pageSize: MAX_PAGE_SIZE, sort: 'name' })
      .pipe(
        map((page) => page.items),
        catchError(() => of([])),
      ),
    { initialValue: [] },
  );
  protected readonly doctors = toSignal(
    inject(DoctorsApi)
      .list({ page: 1, pageSize: MAX_PAGE_SIZE })
      .pipe(
        map((page) => page.items),
        catchError(() => of([])),
      ),
    { initialValue: [] },
  );

  protected readonly lines = new FormArray<LineForm>([]);
  protected readonly form = new FormGroup({
    patient: new FormControl<PickedPatient | null>(null, { validators: Validators.required }),
    locationId: new FormControl('', { nonNullable: true, validators: Validators.required }),
    doctorId: new FormControl<string | null>(null),
    notes: new FormControl('', { nonNullable: true, validators: Validators.maxLength(1000) }),
    items: this.lines,
  });
  private readonly changes = toSignal(this.form.valueChanges, { initialValue: null });

  /** Currency and tax mode: the draft's own, or the clinic's for a new invoice. */
  protected readonly rules = computed<PricingRules | null>(() => {
    const invoice = this.invoice();
    if (invoice) return { currency: invoice.currency.trim(), pricesIncludeTax: invoice.pricesIncludeTax };
    const settings = this.billing.settings();
    return settings ? { currency: settings.currency, pricesIncludeTax: settings.pricesIncludeTax } : null;
  });
  private readonly clinicRate = computed(() => canonicalRate(this.billing.settings()?.taxRate ?? '0'));
  protected readonly rateOptions = computed(() => {
    this.changes();
    const rates = new Set([this.clinicRate(), '0']);
    for (const line of this.lines.getRawValue()) rates.add(line.taxRate);
    return [...rates];
  });
  /** Each line's amounts, or `null` while it cannot be priced; and the invoice's totals. */
  protected readonly priced = computed(() => {
    this.changes();
    const rules = this.rules();
    const values = this.lines.getRawValue();
    if (!rules) return { lines: values.map(() => null), totals: null, incomplete: false };
    const inputs = values.map(toLineInput);
    const lines: (LineAmounts | null)[] = inputs.map((line) =>
      lineProblems(line, rules.currency).length ? null : lineAmounts(line, rules),
    );
    const valid = inputs.filter((_, index) => lines[index] !== null);
    return { lines, totals: invoiceTotals(valid, rules), incomplete: valid.length < inputs.length };
  });
  protected readonly title = computed(() => {
    const invoice = this.invoice();
    return invoice ? this.i18n.t('billing.editor.editTitle') : this.i18n.t('billing.editor.newTitle');
  });
  protected readonly fromAppointment = computed(() => !!this.invoice()?.appointmentId);

  constructor() {
    this.billing.ensureLoaded();
    effect(() => {
      const id = this.id();
      const appointmentId = this.appointmentId();
      const patientId = this.patientId();
      untracked(() => void this.start(id, appointmentId, patientId));
    });
    // A clinic with one location bills there.
    effect(() => {
      const locations = this.locations();
      untracked(() => {
        const control = this.form.controls.locationId;
        if (!control.value && locations.length === 1) control.setValue(locations[0].id);
      });
    });
    // The first line waits for the clinic's tax rate.
    effect(() => {
      const settings = this.billing.settings();
      untracked(() => {
        if (settings && this.state() === 'ready' && !this.invoice() && this.lines.length === 0)
          this.addLine();
      });
    });
  }

  protected currency(): string {
    return this.rules()?.currency ?? this.billing.settings()?.currency ?? 'PEN';
  }

  protected addLine(value?: LineValue): void {
    this.lines.push(lineForm(value ?? emptyLine(this.clinicRate()), () => this.currency()));
  }

  protected removeLine(index: number): void {
    this.lines.removeAt(index);
  }

  protected suggestions(line: LineForm): CatalogItem[] {
    return this.catalog.search(line.controls.description.value);
  }

  /** A catalog item chosen for a line: it names and prices it. */
  protected pick(line: LineForm, item: CatalogItem): void {
    line.patchValue({
      kind: item.kind,
      treatmentId: item.kind === InvoiceItemKind.Treatment ? item.id : null,
      productId: item.kind === InvoiceItemKind.Product ? item.id : null,
      description: item.name,
      unitPrice: item.price,
    });
  }

  /** The description was cleared: the line is free text again. */
  protected onDescription(line: LineForm): void {
    if (!line.controls.description.value.trim() && line.controls.kind.value !== InvoiceItemKind.Free) {
      line.patchValue({ kind: InvoiceItemKind.Free, treatmentId: null, productId: null });
    }
  }

  protected rateLabel(rate: string): string {
    return rate === '0'
      ? this.i18n.t('billing.exempt')
      : this.i18n.t('billing.ratePercent', { rate: decimalToPercent(rate) });
  }

  protected onPatient(patient: PickedPatient | null): void {
    this.form.controls.patient.setValue(patient);
    this.form.controls.patient.markAsTouched();
  }

  protected patientError(): string {
    const control = this.form.controls.patient;
    return (control.touched || this.submitted()) && control.invalid
      ? this.i18n.t('billing.error.patient')
      : '';
  }

  /** The message for a field's errors, in the current language. */
  protected errorText(errors: ValidationErrors | null): string {
    if (!errors) return '';
    const [code] = Object.keys(errors);
    const params = errors[code] as { digits?: number; max?: number; message?: string } | true;
    const digits = typeof params === 'object' ? (params.digits ?? 2) : 2;
    switch (code) {
      case 'required':
        return this.i18n.t('billing.error.required');
      case 'tooLong':
      case 'maxlength':
        return this.i18n.t('billing.error.tooLong', { max: DESCRIPTION_MAX });
      case 'quantity':
        return this.i18n.t('billing.error.quantity');
      case 'decimals':
        return digits
          ? this.i18n.t('billing.error.decimals', { digits })
          : this.i18n.t('billing.error.noDecimals');
      case 'discountExceeds':
        return this.i18n.t('billing.error.discountExceeds');
      case 'taxRate':
        return this.i18n.t('billing.error.taxRate');
      case 'server':
        return (typeof params === 'object' && params.message) || this.i18n.t('billing.error.invalid');
      default:
        return this.i18n.t('billing.error.amount');
    }
  }

  protected async save(issue: boolean): Promise<void> {
    this.submitted.set(true);
    this.form.markAllAsTouched();
    this.failure.set(null);
    if (this.saving()) return;
    if (issue && this.lines.length === 0) {
      this.failure.set({ message: this.i18n.t('billing.error.noLines'), detail: null });
      return;
    }
    const patient = this.form.controls.patient.value;
    if (this.form.invalid || !patient) {
      this.failure.set({ message: this.i18n.t('billing.error.fix'), detail: null });
      return;
    }
    const value = this.form.getRawValue();
    const body = {
      patientId: patient.id,
      locationId: value.locationId,
      doctorId: value.doctorId || null,
      notes: value.notes.trim() || null,
      items: value.items.map(toItemInput),
    };
    this.saving.set(issue ? 'issue' : 'draft');
    const existing = this.invoice();
    let draft: InvoiceDto;
    try {
      draft = await firstValueFrom(existing ? this.api.update(existing.id, body) : this.api.create(body));
      this.invoice.set(draft);
    } catch (error) {
      this.saving.set(null);
      this.showFailure(error);
      return;
    }
    if (!issue) {
      this.saving.set(null);
      this.notifier.success('billing.draftSaved');
      void this.router.navigate(['/billing', draft.id]);
      return;
    }
    try {
      const issued = await firstValueFrom(this.api.issue(draft.id));
      this.notifier.success('billing.issued', { name: invoiceName(issued, this.i18n) });
      void this.router.navigate(['/billing', issued.id]);
    } catch (error) {
      // The draft is saved: further saves change it instead of drafting another one.
      // The address follows without reloading the page, which would lose the message.
      if (!existing) this.location.replaceState(`/billing/${encodeURIComponent(draft.id)}/edit`);
      this.showFailure(error);
    } finally {
      this.saving.set(null);
    }
  }

  private showFailure(error: unknown): void {
    const placed = applyProblemErrors(this.form, error);
    const problem = problemOf(error);
    this.failure.set({
      message: placed ? this.i18n.t('billing.error.fix') : errorMessage(this.i18n, error),
      detail: placed ? null : (problem?.detail ?? null),
    });
  }

  private async start(id?: string, appointmentId?: string, patientId?: string): Promise<void> {
    this.state.set('loading');
    try {
      if (id) {
        const invoice = await firstValueFrom(this.api.get(id));
        this.edit(invoice);
      } else if (appointmentId) {
        await this.draftAppointment(appointmentId, patientId);
      } else {
        if (patientId) {
          const patient = await firstValueFrom(this.patients.get(patientId));
          this.form.controls.patient.setValue(patient);
        }
        this.state.set('ready');
        if (this.billing.settings() && this.lines.length === 0) this.addLine();
      }
    } catch (error) {
      this.loadError.set(
        statusOf(error) === 404 ? this.i18n.t('billing.notFound') : errorMessage(this.i18n, error),
      );
      this.state.set('error');
    }
  }

  private edit(invoice: InvoiceDto): void {
    this.invoice.set(invoice);
    if (invoice.status !== InvoiceStatus.Draft) {
      this.state.set('notDraft');
      return;
    }
    this.form.patchValue({
      patient: { id: invoice.patientId, fullName: invoice.patientName },
      locationId: invoice.locationId,
      doctorId: invoice.doctorId,
      notes: invoice.notes ?? '',
    });
    this.lines.clear();
    for (const item of invoice.items) this.addLine(lineFromItem(item));
    this.state.set('ready');
  }

  /**
   * An appointment's invoice: the one it already has, or a draft the API prices from its
   * treatment (patient, doctor and location come from the appointment).
   */
  private async draftAppointment(appointmentId: string, patientId?: string): Promise<void> {
    const patient = patientId ?? (await firstValueFrom(this.appointments.get(appointmentId))).patientId;
    const billed = await firstValueFrom(
      this.api.list({ appointmentId, kind: InvoiceKind.Invoice, page: 1, pageSize: 10, sort: '-createdAt' }),
    );
    const live = billed.items.find((invoice) => invoice.status !== InvoiceStatus.Void);
    if (live && live.status !== InvoiceStatus.Draft) {
      this.notifier.success('billing.appointmentBilled', { name: invoiceName(live, this.i18n) });
      void this.router.navigate(['/billing', live.id], { replaceUrl: true });
      return;
    }
    const draft = live ?? (await firstValueFrom(this.api.create({ patientId: patient, appointmentId })));
    void this.router.navigate(['/billing', draft.id, 'edit'], { replaceUrl: true });
  }
}
