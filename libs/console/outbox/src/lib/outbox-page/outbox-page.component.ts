import { DOCUMENT } from '@angular/common';
import { ChangeDetectionStrategy, Component, InjectionToken, computed, inject } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatChipsModule, type MatChipListboxChange } from '@angular/material/chips';
import { MatDialog } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatSelectModule } from '@angular/material/select';
import { MatSortModule, type Sort } from '@angular/material/sort';
import { MatTableModule } from '@angular/material/table';
import { DateTimePipe, I18n, Notifier, TranslatePipe } from '@consultorio/console/core';
import {
  ListCardComponent,
  SearchFieldComponent,
  StatusChipComponent,
  listLayout,
} from '@consultorio/console/ui';
import { MAX_PAGE_SIZE, OutboxStatus, type OutboxMessageDto } from '@consultorio/shared/contracts';
import { EMPTY, firstValueFrom, fromEvent, map, startWith, switchMap, timer } from 'rxjs';
import {
  MessageDialogComponent,
  type MessageDialogData,
  type MessageDialogResult,
} from '../message-dialog/message-dialog.component';
import { MESSAGE_TEMPLATES, OUTBOX_STATUSES, STATUS_LOOK, templateKey } from '../shared/outbox-labels';
import { OutboxStore } from './outbox.store';

/** Value of the chip that shows every status. */
const ALL = 'all';

/** How often (ms) the list is fetched again while the page is visible. */
export const OUTBOX_REFRESH_MS = new InjectionToken<number>('OUTBOX_REFRESH_MS', { factory: () => 10_000 });

const COLUMNS = {
  wide: ['createdAt', 'recipient', 'subject', 'template', 'status', 'attempts', 'nextAttemptAt', 'lastError'],
  medium: ['createdAt', 'message', 'status', 'attempts', 'nextAttemptAt'],
  narrow: ['message'],
} as const;

/**
 * The outbox for admins: every outgoing message with its delivery status, filtered by status,
 * template or a search; a message opens in a dialog with the mail as it was received. The list
 * follows the dispatcher by itself while the page is visible.
 */
@Component({
  selector: 'cs-outbox-page',
  imports: [
    DateTimePipe,
    ListCardComponent,
    MatButtonModule,
    MatChipsModule,
    MatFormFieldModule,
    MatIconModule,
    MatSelectModule,
    MatSortModule,
    MatTableModule,
    SearchFieldComponent,
    StatusChipComponent,
    TranslatePipe,
  ],
  providers: [OutboxStore],
  templateUrl: './outbox-page.component.html',
  styleUrl: './outbox-page.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class OutboxPageComponent {
  protected readonly store = inject(OutboxStore);
  private readonly dialog = inject(MatDialog);
  private readonly notifier = inject(Notifier);
  private readonly i18n = inject(I18n);

  protected readonly all = ALL;
  protected readonly statuses = OUTBOX_STATUSES;
  protected readonly statusLook = STATUS_LOOK;
  protected readonly templates = MESSAGE_TEMPLATES;
  protected readonly pageSizeOptions = [20, 50, MAX_PAGE_SIZE];
  protected readonly sortField = computed(() => this.store.query().sort.replace(/^-/, ''));
  protected readonly sortDirection = computed(() =>
    this.store.query().sort.startsWith('-') ? 'desc' : 'asc',
  );
  protected readonly trackById = (_index: number, message: OutboxMessageDto) => message.id;

  // Eight columns need a large screen beside the navigation; below it the subject, recipient,
  // template and error share one.
  protected readonly layout = listLayout(1599.98);
  protected readonly columns = computed(() => COLUMNS[this.layout()]);

  constructor() {
    // Follow the dispatcher while someone looks: every few seconds, and at once on coming back to the tab.
    const document = inject(DOCUMENT);
    const every = inject(OUTBOX_REFRESH_MS);
    fromEvent(document, 'visibilitychange')
      .pipe(
        startWith(null),
        map(() => document.visibilityState !== 'hidden'),
        switchMap((visible, index) => (visible ? timer(index === 0 ? every : 0, every) : EMPTY)),
        takeUntilDestroyed(),
      )
      .subscribe(() => this.store.reload());
  }

  protected templateLabel(template: string): string {
    const key = templateKey(template);
    return key ? this.i18n.t(key) : template;
  }

  protected countOf(status: OutboxStatus): number | null {
    return this.store.counts()?.[status] ?? null;
  }

  protected onStatusChip(event: MatChipListboxChange): void {
    const value = event.value as OutboxStatus | typeof ALL | undefined;
    const status = value && value !== ALL ? value : null;
    if (status !== this.store.query().status) this.store.filter({ status });
    // Unselecting a status shows them all, and the chip of what is shown stays selected.
    if (value === undefined) event.source.value = ALL;
  }

  protected onSort(sort: Sort): void {
    this.store.sortBy(sort.active, sort.direction);
  }

  protected async open(message: OutboxMessageDto): Promise<void> {
    const phone = this.layout() === 'narrow';
    const ref = this.dialog.open<MessageDialogComponent, MessageDialogData, MessageDialogResult>(
      MessageDialogComponent,
      {
        data: { id: message.id },
        autoFocus: 'dialog',
        ...(phone
          ? {
              width: '100vw',
              maxWidth: '100vw',
              height: '100%',
              maxHeight: '100%',
              panelClass: 'cs-full-screen-dialog',
            }
          : { width: '1040px', maxWidth: 'calc(100vw - 32px)', maxHeight: 'calc(100vh - 32px)' }),
      },
    );
    const result = await firstValueFrom(ref.afterClosed());
    if (!result) return;
    if (result.action === 'cancelled') {
      this.notifier.success('outbox.cancelled', { recipient: result.message.recipient });
    } else {
      this.notifier.success(result.message.id === message.id ? 'outbox.requeued' : 'outbox.copyQueued', {
        recipient: result.message.recipient,
      });
    }
    this.store.reload();
  }
}
