import { DOCUMENT } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialog, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import { MatTabsModule } from '@angular/material/tabs';
import { DomSanitizer, type SafeHtml } from '@angular/platform-browser';
import {
  CLINIC_TIME_ZONE,
  DateTimePipe,
  I18n,
  LANGUAGE_KEYS,
  Notifier,
  TranslatePipe,
  formatDateTime,
  statusOf,
} from '@consultorio/console/core';
import { ConfirmDialogComponent, StatusChipComponent, type ConfirmDialogData } from '@consultorio/console/ui';
import {
  OutboxStatus,
  type CaughtMailDto,
  type Language,
  type OutboxMessageDetailDto,
  type OutboxMessageDto,
} from '@consultorio/shared/contracts';
import { catchError, firstValueFrom, forkJoin, of, type Observable } from 'rxjs';
import { OutboxApi } from '../data/outbox-api';
import { isCalendar, summarizeCalendar, type CalendarSummary } from '../shared/calendar-summary';
import { base64Bytes, formatFileSize, readText, saveFile } from '../shared/files';
import { STATUS_LOOK, canCancel, canResend, templateKey } from '../shared/outbox-labels';

export interface MessageDialogData {
  id: string;
}

/** What the dialog did before closing: the API's answer to a resend or a cancellation. */
export interface MessageDialogResult {
  action: 'resent' | 'cancelled';
  message: OutboxMessageDto;
}

/** An attachment as listed: from the caught mail (with its bytes) or from the outbox row. */
interface AttachmentView {
  filename: string;
  contentType: string;
  size: number;
  /** Position in the outbox row's list (how the API serves it). */
  index: number;
  /** Base64 bytes as the catcher received them; `null` when only the outbox row has them. */
  content: string | null;
  calendar: CalendarSummary | null;
}

/**
 * One outgoing message in detail: its delivery, its last error, the mail as the embedded catcher
 * received it (HTML in a sandboxed frame, the plain text, the attachments) or, when it was not
 * caught, the bodies the outbox holds; resend and cancel, each confirmed first.
 */
@Component({
  selector: 'cs-message-dialog',
  imports: [
    DateTimePipe,
    MatButtonModule,
    MatDialogModule,
    MatIconModule,
    MatProgressSpinnerModule,
    MatTabsModule,
    StatusChipComponent,
    TranslatePipe,
  ],
  templateUrl: './message-dialog.component.html',
  styleUrl: './message-dialog.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class MessageDialogComponent {
  private readonly data = inject<MessageDialogData>(MAT_DIALOG_DATA);
  private readonly ref = inject<MatDialogRef<MessageDialogComponent, MessageDialogResult>>(MatDialogRef);
  private readonly api = inject(OutboxApi);
  private readonly dialog = inject(MatDialog);
  private readonly notifier = inject(Notifier);
  private readonly i18n = inject(I18n);
  private readonly sanitizer = inject(DomSanitizer);
  private readonly document = inject(DOCUMENT);
  private readonly timeZone = inject(CLINIC_TIME_ZONE);

  protected readonly loadState = signal<'loading' | 'loaded' | 'error'>('loading');
  protected readonly message = signal<OutboxMessageDetailDto | null>(null);
  /** The mail as the catcher received it; `null` when it was not caught. */
  protected readonly caught = signal<CaughtMailDto | null>(null);
  /** Calendar summaries of attachments fetched from the outbox row, by their index. */
  private readonly fetchedCalendars = signal<Readonly<Record<number, CalendarSummary>>>({});
  protected readonly busy = signal<'resend' | 'cancel' | null>(null);
  protected readonly statuses = OutboxStatus;
  protected readonly statusLook = STATUS_LOOK;

  protected readonly canResend = computed(() => {
    const message = this.message();
    return !!message && canResend(message.status);
  });
  protected readonly canCancel = computed(() => {
    const message = this.message();
    return !!message && canCancel(message.status);
  });
  protected readonly templateLabel = computed(() => {
    const template = this.message()?.template ?? '';
    const key = templateKey(template);
    return key ? this.i18n.t(key) : template;
  });
  protected readonly languageLabel = computed(() => {
    const locale = this.message()?.locale ?? '';
    const key = LANGUAGE_KEYS[locale as Language];
    return key ? this.i18n.t(key) : locale;
  });

  /**
   * The HTML body, trusted only to be put in the sandboxed frame of the template: without
   * `allow-scripts` nor `allow-same-origin` it runs no script and reaches nothing of the console.
   */
  protected readonly html = computed<SafeHtml | null>(() => {
    const message = this.message();
    const caught = this.caught();
    const html = caught ? caught.html : (message?.bodyHtml ?? null);
    return html ? this.sanitizer.bypassSecurityTrustHtml(html) : null;
  });
  protected readonly text = computed(() => {
    const caught = this.caught();
    return (caught ? caught.text : this.message()?.bodyText) ?? '';
  });
  protected readonly attachments = computed<AttachmentView[]>(() => {
    const caught = this.caught();
    if (caught) {
      return caught.attachments.map((attachment, index) => ({
        filename: attachment.filename,
        contentType: attachment.contentType,
        size: attachment.size,
        index,
        content: attachment.content,
        calendar: isCalendar(attachment) ? summarizeCalendar(decodeText(attachment.content)) : null,
      }));
    }
    const fetched = this.fetchedCalendars();
    return (this.message()?.attachments ?? []).map((attachment, index) => ({
      ...attachment,
      index,
      content: null,
      calendar: fetched[index] ?? null,
    }));
  });

  constructor() {
    this.load();
  }

  protected load(): void {
    this.loadState.set('loading');
    forkJoin({
      message: this.api.get(this.data.id),
      // Without the catcher (a real SMTP server) or before sending there is nothing caught.
      caught: this.api.caught(this.data.id).pipe(catchError(() => of([] as CaughtMailDto[]))),
    }).subscribe({
      next: ({ message, caught }) => {
        this.message.set(message);
        this.caught.set(caught[0] ?? null);
        this.loadState.set('loaded');
        if (!caught[0]) this.fetchCalendars(message);
      },
      error: () => this.loadState.set('error'),
    });
  }

  protected size(bytes: number): string {
    return formatFileSize(bytes, this.i18n.locale());
  }

  protected when(calendar: CalendarSummary): string {
    if (!calendar.start) return '';
    const locale = this.i18n.locale();
    const start = formatDateTime(calendar.start, locale, this.timeZone, 'dateTime');
    if (!calendar.end) return start;
    const sameDay =
      formatDateTime(calendar.start, locale, this.timeZone, 'date') ===
      formatDateTime(calendar.end, locale, this.timeZone, 'date');
    const end = sameDay
      ? new Intl.DateTimeFormat(locale, { timeZone: this.timeZone, timeStyle: 'short' }).format(
          new Date(calendar.end),
        )
      : formatDateTime(calendar.end, locale, this.timeZone, 'dateTime');
    return `${start} – ${end}`;
  }

  protected async download(attachment: AttachmentView): Promise<void> {
    try {
      const blob =
        attachment.content !== null
          ? new Blob([base64Bytes(attachment.content)], { type: attachment.contentType })
          : await firstValueFrom(this.api.attachment(this.data.id, attachment.index));
      saveFile(this.document, blob, attachment.filename);
    } catch (error) {
      this.notifier.failure(error);
    }
  }

  protected async resend(): Promise<void> {
    const message = this.message();
    if (!message) return;
    const copy = message.status === OutboxStatus.Sent;
    const confirmed = await this.confirm({
      title: this.i18n.t('outbox.resendTitle'),
      text: this.i18n.t(copy ? 'outbox.resendCopyText' : 'outbox.resendText', {
        recipient: message.recipient,
      }),
      confirm: this.i18n.t('outbox.resend'),
      icon: 'forward_to_inbox',
    });
    if (confirmed) await this.act('resend', this.api.resend(message.id));
  }

  protected async cancel(): Promise<void> {
    const message = this.message();
    if (!message) return;
    const confirmed = await this.confirm({
      title: this.i18n.t('outbox.cancelTitle'),
      text: this.i18n.t('outbox.cancelText', { recipient: message.recipient }),
      confirm: this.i18n.t('outbox.cancel'),
      icon: 'cancel_schedule_send',
      destructive: true,
    });
    if (confirmed) await this.act('cancel', this.api.cancel(message.id));
  }

  private async confirm(data: ConfirmDialogData): Promise<boolean> {
    const ref = this.dialog.open<ConfirmDialogComponent, ConfirmDialogData, boolean>(ConfirmDialogComponent, {
      data,
      width: '440px',
      maxWidth: 'calc(100vw - 24px)',
    });
    return (await firstValueFrom(ref.afterClosed())) === true;
  }

  private async act(kind: 'resend' | 'cancel', request: Observable<OutboxMessageDto>): Promise<void> {
    this.busy.set(kind);
    try {
      const message = await firstValueFrom(request);
      this.ref.close({ action: kind === 'resend' ? 'resent' : 'cancelled', message });
    } catch (error) {
      if (statusOf(error) === 409) {
        // The dispatcher moved it meanwhile (e.g. it is being sent): show where it stands now.
        this.notifier.error(this.i18n.t('outbox.stateChanged'));
        this.load();
      } else {
        this.notifier.failure(error);
      }
    } finally {
      this.busy.set(null);
    }
  }

  /** Calendar files of a message that was not caught, fetched as sent, for their summary. */
  private fetchCalendars(message: OutboxMessageDetailDto): void {
    message.attachments.forEach((attachment, index) => {
      if (!isCalendar(attachment)) return;
      this.api.attachment(message.id, index).subscribe({
        next: async (blob) => {
          const summary = summarizeCalendar(await readText(blob));
          if (summary) this.fetchedCalendars.update((calendars) => ({ ...calendars, [index]: summary }));
        },
        // The file can still be downloaded; the summary is only a convenience.
        error: () => undefined,
      });
    });
  }
}

/** UTF-8 text of base64 bytes. */
function decodeText(base64: string): string {
  return new TextDecoder().decode(base64Bytes(base64));
}
