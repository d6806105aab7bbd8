import { ChangeDetectionStrategy, Component, computed, inject, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { I18n, Notifier, DoctorsApi, TranslatePipe, formatDateTime } from '@consultorio/console/core';
import { ConfirmDialogComponent, type ConfirmDialogData } from '@consultorio/console/ui';
import {
  BlockKind,
  type LocationDto,
  type ScheduleBlockDto,
  type SpecialHoursDto,
} from '@consultorio/shared/contracts';
import { firstValueFrom, type Observable } from 'rxjs';
import { BLOCK_KIND_KEYS, clinicTime, formatLocalDate } from '../shared/staff-labels';
import { BlockDialogComponent, type BlockDialogData } from './block-dialog.component';
import { SpecialHoursDialogComponent, type SpecialHoursDialogData } from './special-hours-dialog.component';

const DIALOG = { width: '560px', maxWidth: 'calc(100vw - 24px)', autoFocus: 'first-tabbable' } as const;

/**
 * Exceptions to a doctor's week: special hours (a date with its own ranges, replacing the weekly
 * ones) and blocks (vacation or blocked time). The API keeps those from a month ago on.
 */
@Component({
  selector: 'cs-schedule-exceptions',
  imports: [MatButtonModule, MatIconModule, TranslatePipe],
  templateUrl: './schedule-exceptions.component.html',
  styleUrl: './schedule-exceptions.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ScheduleExceptionsComponent {
  private readonly api = inject(DoctorsApi);
  private readonly dialog = inject(MatDialog);
  private readonly notifier = inject(Notifier);
  private readonly i18n = inject(I18n);

  readonly doctorId = input.required<string>();
  readonly specialHours = input.required<readonly SpecialHoursDto[]>();
  readonly blocks = input.required<readonly ScheduleBlockDto[]>();
  /** The doctor's locations. */
  readonly locations = input.required<readonly LocationDto[]>();
  readonly timeZone = input.required<string>();
  /** Today on the clinic's calendar, `YYYY-MM-DD`. */
  readonly today = input.required<string>();
  /** Whether the user may add and remove exceptions. */
  readonly canEdit = input(false);
  /** Something changed on the server: the page loads the schedule again. */
  readonly changed = output<void>();

  protected readonly blockKindKeys = BLOCK_KIND_KEYS;

  /** Special hours by date, each date with its ranges in order. */
  protected readonly specialDays = computed(() => {
    const days = new Map<string, SpecialHoursDto[]>();
    for (const entry of this.specialHours()) days.set(entry.date, [...(days.get(entry.date) ?? []), entry]);
    return [...days.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([date, entries]) => ({
        date,
        past: date < this.today(),
        entries: entries.sort((a, b) => a.start.localeCompare(b.start)),
      }));
  });

  protected readonly sortedBlocks = computed(() =>
    [...this.blocks()].sort((a, b) => a.start.localeCompare(b.start)),
  );

  protected dateLabel(date: string): string {
    return formatLocalDate(date, this.i18n.locale(), true);
  }

  protected locationName(id: string): string {
    return this.locations().find((location) => location.id === id)?.name ?? '—';
  }

  protected blockPeriod(block: ScheduleBlockDto): string {
    const [locale, timeZone] = [this.i18n.locale(), this.timeZone()];
    const midnight = (iso: string) => clinicTime(iso, timeZone) === '00:00';
    if (block.kind === BlockKind.Vacation && midnight(block.start) && midnight(block.end)) {
      // Whole days: the last one is the day before the block ends.
      const lastDay = new Date(new Date(block.end).getTime() - 1).toISOString();
      const [first, last] = [block.start, lastDay].map((iso) =>
        formatDateTime(iso, locale, timeZone, 'date'),
      );
      return first === last ? first : `${first} – ${last}`;
    }
    const format = (iso: string) => formatDateTime(iso, locale, timeZone, 'dateTime');
    return `${format(block.start)} – ${format(block.end)}`;
  }

  protected isPast(block: ScheduleBlockDto): boolean {
    return new Date(block.end).getTime() < Date.now();
  }

  protected async addSpecialHours(): Promise<void> {
    const ref = this.dialog.open<SpecialHoursDialogComponent, SpecialHoursDialogData, SpecialHoursDto>(
      SpecialHoursDialogComponent,
      { ...DIALOG, data: { doctorId: this.doctorId(), locations: this.locations(), date: this.today() } },
    );
    if (!(await firstValueFrom(ref.afterClosed()))) return;
    this.notifier.success('staff.special.added');
    this.changed.emit();
  }

  protected async addBlock(): Promise<void> {
    const ref = this.dialog.open<BlockDialogComponent, BlockDialogData, ScheduleBlockDto>(
      BlockDialogComponent,
      {
        ...DIALOG,
        data: { doctorId: this.doctorId(), timeZone: this.timeZone(), date: this.today() },
      },
    );
    if (!(await firstValueFrom(ref.afterClosed()))) return;
    this.notifier.success('staff.blocks.added');
    this.changed.emit();
  }

  protected removeSpecialHours(entry: SpecialHoursDto): Promise<void> {
    return this.remove(
      this.i18n.t('staff.special.removeText', {
        date: this.dateLabel(entry.date),
        start: entry.start,
        end: entry.end,
      }),
      this.api.removeSpecialHours(this.doctorId(), entry.id),
    );
  }

  protected removeBlock(block: ScheduleBlockDto): Promise<void> {
    return this.remove(
      this.i18n.t('staff.blocks.removeText', { period: this.blockPeriod(block) }),
      this.api.removeBlock(this.doctorId(), block.id),
    );
  }

  private async remove(text: string, request: Observable<void>): Promise<void> {
    const ref = this.dialog.open<ConfirmDialogComponent, ConfirmDialogData, boolean>(ConfirmDialogComponent, {
      data: {
        title: this.i18n.t('staff.exceptions.removeTitle'),
        text,
        confirm: this.i18n.t('staff.exceptions.remove'),
        icon: 'delete',
        destructive: true,
      },
      maxWidth: 'calc(100vw - 24px)',
    });
    if (!(await firstValueFrom(ref.afterClosed()))) return;
    try {
      await firstValueFrom(request);
      this.notifier.success('staff.exceptions.removed');
    } catch (error) {
      this.notifier.failure(error);
    }
    this.changed.emit();
  }
}
