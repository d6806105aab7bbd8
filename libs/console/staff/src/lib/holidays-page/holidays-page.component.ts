import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatSelectModule } from '@angular/material/select';
import { MatTableModule } from '@angular/material/table';
import { RouterLink } from '@angular/router';
import { HolidaysApi, I18n, Notifier, TranslatePipe } from '@consultorio/console/core';
import { ConfirmDialogComponent, ListCardComponent, type ConfirmDialogData } from '@consultorio/console/ui';
import { MAX_PAGE_SIZE, type HolidayDto } from '@consultorio/shared/contracts';
import { firstValueFrom } from 'rxjs';
import { StaffCatalog } from '../shared/staff-catalog';
import { formatLocalDate } from '../shared/staff-labels';
import { HolidayDialogComponent, type HolidayDialogData } from './holiday-dialog.component';
import { HolidaysStore } from './holidays.store';

/** The days the clinic is closed, a year at a time: no doctor can be booked on them. */
@Component({
  selector: 'cs-holidays-page',
  imports: [
    ListCardComponent,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatSelectModule,
    MatTableModule,
    RouterLink,
    TranslatePipe,
  ],
  providers: [HolidaysStore],
  templateUrl: './holidays-page.component.html',
  styleUrl: './holidays-page.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class HolidaysPageComponent {
  protected readonly store = inject(HolidaysStore);
  protected readonly catalog = inject(StaffCatalog);
  private readonly api = inject(HolidaysApi);
  private readonly dialog = inject(MatDialog);
  private readonly notifier = inject(Notifier);
  private readonly i18n = inject(I18n);

  protected readonly pageSizeOptions = [MAX_PAGE_SIZE];
  private readonly thisYear = new Date().getFullYear();
  protected readonly years = [this.thisYear - 1, this.thisYear, this.thisYear + 1];
  protected readonly year = computed(() => Number(this.store.query().from?.slice(0, 4) ?? this.thisYear));
  protected readonly columns = computed(() =>
    this.catalog.canEdit() ? ['date', 'name', 'actions'] : ['date', 'name'],
  );

  protected dateLabel(holiday: HolidayDto): string {
    return formatLocalDate(holiday.date, this.i18n.locale(), true);
  }

  protected isPast(holiday: HolidayDto): boolean {
    return holiday.date < this.catalog.today();
  }

  protected async add(): Promise<void> {
    const today = this.catalog.today();
    const ref = this.dialog.open<HolidayDialogComponent, HolidayDialogData, HolidayDto>(
      HolidayDialogComponent,
      {
        data: { date: this.year() === Number(today.slice(0, 4)) ? today : `${this.year()}-01-01` },
        width: '560px',
        maxWidth: 'calc(100vw - 24px)',
        autoFocus: 'first-tabbable',
      },
    );
    const created = await firstValueFrom(ref.afterClosed());
    if (!created) return;
    this.notifier.success('staff.holidays.added', { name: created.name });
    const year = Number(created.date.slice(0, 4));
    if (year !== this.year()) this.store.showYear(year);
    else this.store.reload();
  }

  protected async remove(holiday: HolidayDto): Promise<void> {
    const ref = this.dialog.open<ConfirmDialogComponent, ConfirmDialogData, boolean>(ConfirmDialogComponent, {
      data: {
        title: this.i18n.t('staff.holidays.removeTitle'),
        text: this.i18n.t('staff.holidays.removeText', { name: holiday.name, date: this.dateLabel(holiday) }),
        confirm: this.i18n.t('staff.exceptions.remove'),
        icon: 'delete',
        destructive: true,
      },
      maxWidth: 'calc(100vw - 24px)',
    });
    if (!(await firstValueFrom(ref.afterClosed()))) return;
    try {
      await firstValueFrom(this.api.remove(holiday.id));
      this.notifier.success('staff.holidays.removed', { name: holiday.name });
    } catch (error) {
      this.notifier.failure(error);
    }
    this.store.reload();
  }
}
