import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatSelectModule } from '@angular/material/select';
import { MatSortModule, type Sort } from '@angular/material/sort';
import { MatTableModule } from '@angular/material/table';
import { Router } from '@angular/router';
import { I18n, Notifier, TranslatePipe, type TranslationKey } from '@consultorio/console/core';
import { ListCardComponent, SearchFieldComponent, listLayout } from '@consultorio/console/ui';
import {
  MAX_PAGE_SIZE,
  type DocumentType,
  type PatientDto,
  type PatientStatus,
  type PatientSummaryDto,
} from '@consultorio/shared/contracts';
import { firstValueFrom } from 'rxjs';
import { PatientDialogComponent, type PatientDialogData } from '../patient-dialog/patient-dialog.component';
import { DOCUMENT_KEYS, PATIENT_STATUSES, STATUS_KEYS, ageOn, initials } from '../shared/patient-labels';
import { PatientsStore } from './patients.store';

const COLUMNS = {
  wide: ['name', 'document', 'phone', 'email', 'birthDate', 'status'],
  medium: ['name', 'document', 'phone', 'status'],
  narrow: ['name'],
} as const;

/** The clinic's patients: search as you type (accents and typos do not matter), filter, page, register. */
@Component({
  selector: 'cs-patients-page',
  imports: [
    ListCardComponent,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatSelectModule,
    MatSortModule,
    MatTableModule,
    SearchFieldComponent,
    TranslatePipe,
  ],
  providers: [PatientsStore],
  templateUrl: './patients-page.component.html',
  styleUrl: './patients-page.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PatientsPageComponent {
  protected readonly store = inject(PatientsStore);
  private readonly dialog = inject(MatDialog);
  private readonly notifier = inject(Notifier);
  private readonly router = inject(Router);
  protected readonly i18n = inject(I18n);

  protected readonly statuses = PATIENT_STATUSES;
  protected readonly statusKeys = STATUS_KEYS;
  protected readonly pageSizeOptions = [10, 20, 50, MAX_PAGE_SIZE];
  protected readonly sortField = computed(() => this.store.query().sort.replace(/^-/, ''));
  protected readonly sortDirection = computed(() =>
    this.store.query().sort.startsWith('-') ? 'desc' : 'asc',
  );
  protected readonly initials = initials;
  protected readonly age = (patient: PatientSummaryDto) => ageOn(patient.birthDate);

  protected readonly layout = listLayout();
  protected readonly columns = computed(() => COLUMNS[this.layout()]);

  protected statusKey(status: PatientStatus): TranslationKey {
    return STATUS_KEYS[status];
  }

  protected documentKey(type: DocumentType): TranslationKey {
    return DOCUMENT_KEYS[type];
  }

  protected onStatus(status: PatientStatus | null): void {
    this.store.filterStatus(status);
  }

  protected onSort(sort: Sort): void {
    this.store.sortBy(sort.active, sort.direction);
  }

  protected open(patient: PatientSummaryDto): void {
    void this.router.navigate(['/patients', patient.id]);
  }

  protected async create(): Promise<void> {
    const ref = this.dialog.open<PatientDialogComponent, PatientDialogData, PatientDto>(
      PatientDialogComponent,
      {
        data: { patient: null },
        width: '720px',
        maxWidth: 'calc(100vw - 24px)',
        autoFocus: 'first-tabbable',
      },
    );
    const created = await firstValueFrom(ref.afterClosed());
    if (!created) return;
    this.notifier.success('patients.created', { name: created.fullName });
    void this.router.navigate(['/patients', created.id]);
  }
}
