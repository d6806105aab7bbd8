import { HttpTestingController } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';
import { I18n } from '@consultorio/console/core';
import { setUpConsoleTest, settle, testUser } from '@consultorio/console/core/testing';
import { OutboxStatus, type CaughtMailDto, type OutboxMessageDetailDto } from '@consultorio/shared/contracts';
import { readText } from '../shared/files';
import { outboxMessage } from '../shared/outbox.fixture';
import { MessageDialogComponent } from './message-dialog.component';
import { OUTBOX_TEXTS } from '../i18n/outbox-texts';

const CALENDAR = [
  'BEGIN:VCALENDAR',
  'METHOD:REQUEST',
  'BEGIN:VEVENT',
  'UID:appointment-1@consultorio',
  'SEQUENCE:0',
  'DTSTART:20270301T140000Z',
  'DTEND:20270301T143000Z',
  'SUMMARY:Consulta · Dra. Daniela Núñez — Clínica Sonrisa',
  'LOCATION:Miraflores\\, Av. Larco 1',
  'END:VEVENT',
  'END:VCALENDAR',
].join('\r\n');
const toBase64 = (text: string) => btoa(String.fromCharCode(...new TextEncoder().encode(text)));

function caughtOf(message: OutboxMessageDetailDto): CaughtMailDto {
  return {
    id: '7',
    messageId: message.messageId,
    from: 'no-reply@consultorio.local',
    to: [message.recipient],
    subject: message.subject,
    html: '<p>Hola, Ana Rojas (recibido):</p>',
    text: 'Hola, Ana Rojas (recibido):',
    attachments: [
      {
        filename: 'cita.ics',
        contentType: 'text/calendar',
        size: 1234,
        content: toBase64(CALENDAR),
      },
    ],
    size: 4096,
    receivedAt: '2027-03-01T14:00:03.000Z',
  };
}

describe('MessageDialogComponent', () => {
  let fixture: ComponentFixture<MessageDialogComponent>;
  let backend: HttpTestingController;
  let close: ReturnType<typeof vi.fn>;
  let element: HTMLElement;

  /** Opens the dialog on `message`; the API answers its detail and what the catcher has of it. */
  async function open(message: OutboxMessageDetailDto, caught: CaughtMailDto[]): Promise<void> {
    close = vi.fn();
    backend = setUpConsoleTest({
      signedInAs: testUser(),
      providers: [
        { provide: MAT_DIALOG_DATA, useValue: { id: message.id } },
        { provide: MatDialogRef, useValue: { close } },
      ],
    });
    TestBed.inject(I18n).register(OUTBOX_TEXTS);
    fixture = TestBed.createComponent(MessageDialogComponent);
    element = fixture.nativeElement;
    await fixture.whenStable();
    await answerDetail(message, caught);
  }

  async function answerDetail(message: OutboxMessageDetailDto, caught: CaughtMailDto[]): Promise<void> {
    backend.expectOne(`/api/v1/outbox/${message.id}`).flush(message);
    backend.expectOne(`/api/v1/outbox/${message.id}/caught`).flush(caught);
    await settle(fixture);
  }

  function find(testId: string): HTMLElement | null {
    return element.querySelector(`[data-testid="${testId}"]`);
  }

  async function confirm(expectedText: string): Promise<void> {
    await fixture.whenStable();
    expect(document.querySelector('[data-testid="confirm-text"]')?.textContent).toBe(expectedText);
    (document.querySelector('[data-testid="confirm"]') as HTMLButtonElement).click();
    await settle(fixture);
  }

  afterEach(() => backend.verify());

  it('shows the caught mail: its HTML in a frame that runs nothing, its text, and the calendar file read out', async () => {
    const message = outboxMessage();
    await open(message, [caughtOf(message)]);

    const frame = find('mail-frame') as HTMLIFrameElement;
    // An empty sandbox: no scripts, no same origin, no forms, no popups.
    expect(frame.getAttribute('sandbox')).toBe('');
    expect(frame.getAttribute('srcdoc')).toBe('<p>Hola, Ana Rojas (recibido):</p>');
    expect(find('message-source')?.textContent).toMatch(
      /Así lo recibió el servidor de correo integrado el 1 mar\. 2027, 9:00\sa\.\sm\./,
    );
    expect(find('message-facts')?.textContent).toContain('Confirmación de cita');
    expect(find('message-facts')?.textContent).toContain('Español');

    const attachment = find('attachment') as HTMLElement;
    expect(attachment.textContent).toContain('cita.ics');
    expect(attachment.textContent).toContain('1.2 kB · text/calendar');
    const calendar = find('calendar-summary')?.textContent ?? '';
    expect(calendar).toContain('Cita para el calendario');
    expect(calendar).toContain('Consulta · Dra. Daniela Núñez — Clínica Sonrisa');
    expect(calendar).toMatch(/1 mar\. 2027, 9:00\sa\.\sm\. – 9:30\sa\.\sm\./);
    expect(calendar).toContain('Miraflores, Av. Larco 1');

    const textTab = [...element.querySelectorAll('[role="tab"]')].find((tab) =>
      tab.textContent?.includes('Texto sin formato'),
    ) as HTMLElement;
    textTab.click();
    await fixture.whenStable();
    expect(find('mail-text')?.textContent).toBe('Hola, Ana Rojas (recibido):');
  });

  it('shows what the outbox holds when nothing was caught, and says so; the calendar file is fetched as sent', async () => {
    const message = outboxMessage({ status: OutboxStatus.Pending, attempts: 0, sentAt: null });
    await open(message, []);

    expect(find('mail-frame')?.getAttribute('srcdoc')).toBe(message.bodyHtml);
    expect(find('message-source')?.textContent).toContain('Todavía no se ha enviado');
    backend.expectOne(`/api/v1/outbox/${message.id}/attachments/0`).flush(new Blob([CALENDAR]));
    await vi.waitFor(async () => {
      await fixture.whenStable();
      expect(find('calendar-summary')?.textContent).toContain('Clínica Sonrisa');
    });
    expect(find('cancel-message')).not.toBeNull();
    expect(find('resend-message')).toBeNull();
  });

  it('shows the full last error of a failed message and offers both resending and cancelling', async () => {
    const error = 'connect ECONNREFUSED 127.0.0.1:2525 — the server did not answer after 8 attempts';
    const message = outboxMessage({
      status: OutboxStatus.Failed,
      attempts: 8,
      sentAt: null,
      lastError: error,
    });
    await open(message, []);
    backend.expectOne(`/api/v1/outbox/${message.id}/attachments/0`).flush(new Blob([CALENDAR]));

    expect(find('message-error')?.textContent).toContain(error);
    expect(find('message-error')?.textContent).toContain('Después de 8 intento(s).');
    expect(find('resend-message')).not.toBeNull();
    expect(find('cancel-message')).not.toBeNull();
  });

  it('offers nothing to do while a message is being sent', async () => {
    const message = outboxMessage({ status: OutboxStatus.Sending, sentAt: null, attachments: [] });
    await open(message, []);
    expect(find('resend-message')).toBeNull();
    expect(find('cancel-message')).toBeNull();
    expect(element.textContent).toContain('Sin adjuntos.');
  });

  it('resends a sent message as a copy once confirmed, and closes with the new message', async () => {
    const message = outboxMessage();
    await open(message, [caughtOf(message)]);

    find('resend-message')?.click();
    await confirm('Se enviará una copia nueva a ana.rojas@correo.pe; el envío anterior queda en la bandeja.');
    const request = backend.expectOne(`/api/v1/outbox/${message.id}/resend`);
    expect(request.request.method).toBe('POST');
    const copy = outboxMessage({ id: 'm-copy', status: OutboxStatus.Pending, sentAt: null, attempts: 0 });
    request.flush(copy);
    await settle(fixture);
    expect(close).toHaveBeenCalledWith({ action: 'resent', message: copy });
  });

  it('cancels only after confirmation; when the message moved on meanwhile it says so and shows it again', async () => {
    const message = outboxMessage({ status: OutboxStatus.Pending, sentAt: null, attachments: [] });
    await open(message, []);

    find('cancel-message')?.click();
    await fixture.whenStable();
    backend.expectNone(`/api/v1/outbox/${message.id}/cancel`);
    await confirm('El mensaje a ana.rojas@correo.pe no se enviará. Podrás reenviarlo después.');

    backend
      .expectOne(`/api/v1/outbox/${message.id}/cancel`)
      .flush(
        { title: 'Conflict', status: 409, detail: 'A sending message cannot be cancelled.' },
        { status: 409, statusText: 'Conflict' },
      );
    await settle(fixture);
    expect(close).not.toHaveBeenCalled();
    expect(document.body.textContent).toContain('El mensaje cambió de estado mientras tanto.');
    await answerDetail({ ...message, status: OutboxStatus.Sending }, []);
    expect(find('cancel-message')).toBeNull();
  });

  it('downloads an attachment the catcher did not receive from the outbox, under its name', async () => {
    const message = outboxMessage({
      attachments: [{ filename: 'receta.pdf', contentType: 'application/pdf', size: 2048 }],
    });
    await open(message, []);
    const created: Blob[] = [];
    const clicked: string[] = [];
    URL.createObjectURL = vi.fn((blob: Blob) => (created.push(blob), 'blob:receta'));
    URL.revokeObjectURL = vi.fn();
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      clicked.push(`${this.download} ${this.href}`);
    });

    find('download-attachment')?.click();
    const request = backend.expectOne(`/api/v1/outbox/${message.id}/attachments/0`);
    expect(request.request.responseType).toBe('blob');
    request.flush(new Blob(['%PDF-1.7'], { type: 'application/pdf' }));
    await settle(fixture);

    expect(clicked).toEqual(['receta.pdf blob:receta']);
    expect(await readText(created[0])).toBe('%PDF-1.7');
    click.mockRestore();
  });
});
