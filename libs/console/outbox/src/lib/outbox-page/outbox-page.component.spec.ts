import { HttpTestingController, TestRequest } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { I18n } from '@consultorio/console/core';
import { setUpConsoleTest, settle, testUser } from '@consultorio/console/core/testing';
import { SEARCH_DEBOUNCE_MS } from '@consultorio/console/ui';
import { MessageTemplate, OutboxStatus, type OutboxPageDto } from '@consultorio/shared/contracts';
import { outboxMessage, outboxPage } from '../shared/outbox.fixture';
import { OUTBOX_REFRESH_MS, OutboxPageComponent } from './outbox-page.component';
import { OUTBOX_TEXTS } from '../i18n/outbox-texts';

const REFRESH_MS = 80;
const SENT = outboxMessage();
const FAILED = outboxMessage({
  id: 'm-2',
  recipient: 'luis.vargas@correo.pe',
  template: MessageTemplate.AppointmentRescheduled,
  subject: 'Su cita en Clínica Sonrisa cambió de horario',
  status: OutboxStatus.Failed,
  attempts: 8,
  sentAt: null,
  lastError: 'connect ECONNREFUSED 127.0.0.1:2525',
});
const COUNTS = { sent: 41, failed: 1, pending: 2 };

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('OutboxPageComponent', () => {
  let fixture: ComponentFixture<OutboxPageComponent>;
  let backend: HttpTestingController;
  let element: HTMLElement;

  /** Opens the page as an admin; the list refreshes itself every `refreshMs`. */
  async function render(refreshMs = 60_000): Promise<void> {
    backend = setUpConsoleTest({
      signedInAs: testUser(),
      providers: [{ provide: OUTBOX_REFRESH_MS, useValue: refreshMs }],
    });
    TestBed.inject(I18n).register(OUTBOX_TEXTS);
    fixture = TestBed.createComponent(OutboxPageComponent);
    element = fixture.nativeElement;
    await fixture.whenStable();
  }

  afterEach(() => {
    fixture.destroy();
    backend.verify();
  });

  function expectList(): TestRequest {
    return backend.expectOne((request) => request.url === '/api/v1/outbox' && request.method === 'GET');
  }

  async function answer(request: TestRequest, body: OutboxPageDto): Promise<void> {
    request.flush(body);
    await settle(fixture);
  }

  /** The clickable part of a status chip (it carries the selection state). */
  function chip(status: string): HTMLElement {
    return element.querySelector(`[data-testid="status-${status}"] button`) as HTMLElement;
  }

  /** The one list request still waiting (earlier ones were dropped for newer ones). */
  function latestList(): TestRequest {
    const waiting = backend
      .match((request) => request.url === '/api/v1/outbox' && request.method === 'GET')
      .filter((request) => !request.cancelled);
    expect(waiting.length).toBe(1);
    return waiting[0];
  }

  it('asks for the newest messages first and shows each with its template, status, attempts and error', async () => {
    await render();
    const request = expectList();
    expect(request.request.params.toString()).toBe('page=1&pageSize=20&sort=-createdAt');
    await answer(request, outboxPage([SENT, FAILED], COUNTS));

    const rows = [...element.querySelectorAll('tr[data-testid="message-row"]')] as HTMLElement[];
    expect(rows.length).toBe(2);
    expect(rows[0].textContent).toContain('ana.rojas@correo.pe');
    expect(rows[0].textContent).toContain('Confirmación de cita');
    expect(rows[0].querySelector('[data-testid="status-chip"]')?.textContent).toContain('Enviado');
    expect(rows[1].textContent).toContain('Cambio de horario');
    expect(rows[1].querySelector('[data-status="failed"]')?.textContent).toContain('Fallido');
    expect(rows[1].textContent).toContain('connect ECONNREFUSED 127.0.0.1:2525');
    // Times in the clinic's zone (America/Lima, UTC−5): 14:00Z is 9 a. m. there.
    expect(rows[0].textContent).toMatch(/1 mar\. 2027, 9:00\sa\.\sm\./);
  });

  it('shows the count of every status on its chip and filters by the chosen one, back to all on a second click', async () => {
    await render();
    await answer(expectList(), outboxPage([SENT, FAILED], COUNTS));
    expect(chip('all').textContent).toContain('44');
    expect(element.querySelector('[data-testid="count-failed"]')?.textContent).toBe('1');
    expect(element.querySelector('[data-testid="count-sending"]')?.textContent).toBe('0');

    chip('failed').click();
    await fixture.whenStable();
    let request = expectList();
    expect(request.request.params.get('status')).toBe('failed');
    expect(request.request.params.get('page')).toBe('1');
    await answer(request, outboxPage([FAILED], COUNTS));
    expect(chip('failed').getAttribute('aria-selected')).toBe('true');

    chip('failed').click();
    await fixture.whenStable();
    request = expectList();
    expect(request.request.params.has('status')).toBe(false);
    await answer(request, outboxPage([SENT, FAILED], COUNTS));
    expect(chip('all').getAttribute('aria-selected')).toBe('true');
  });

  it('searches recipients and subjects on the server once the user stops typing', async () => {
    await render();
    await answer(expectList(), outboxPage([SENT, FAILED], COUNTS));

    const search = element.querySelector('[data-testid="outbox-search"]') as HTMLInputElement;
    search.value = 'cambió';
    search.dispatchEvent(new Event('input'));
    await wait(SEARCH_DEBOUNCE_MS + 50);
    await fixture.whenStable();

    const request = expectList();
    expect(request.request.params.get('q')).toBe('cambió');
    await answer(request, outboxPage([FAILED], COUNTS));
    expect(element.querySelectorAll('tr[data-testid="message-row"]').length).toBe(1);
  });

  it('explains an empty result and a failed load, and loads again on retry', async () => {
    await render();
    expectList().flush({ title: 'Internal Server Error', status: 500 }, { status: 500, statusText: 'Error' });
    await settle(fixture);
    expect(element.querySelector('[data-testid="list-error"]')?.textContent).toContain(
      'No se pudo cargar la bandeja de salida.',
    );

    (element.querySelector('[data-testid="list-retry"]') as HTMLButtonElement).click();
    await fixture.whenStable();
    await answer(expectList(), outboxPage([]));
    expect(element.querySelector('[data-testid="list-empty"]')?.textContent).toContain(
      'No hay mensajes con estos filtros.',
    );
  });

  it('loads the list again every few seconds while the page is visible, not while it is hidden', async () => {
    await render(REFRESH_MS);
    await answer(expectList(), outboxPage([SENT], COUNTS));
    await wait(REFRESH_MS * 2);
    await answer(latestList(), outboxPage([SENT, FAILED], COUNTS));
    expect(element.querySelectorAll('tr[data-testid="message-row"]').length).toBe(2);

    const visibility = vi.spyOn(document, 'visibilityState', 'get').mockReturnValue('hidden');
    document.dispatchEvent(new Event('visibilitychange'));
    await wait(REFRESH_MS * 3);
    backend.expectNone((request) => request.url === '/api/v1/outbox');

    // Back on the tab: at once, without waiting for the next round.
    visibility.mockReturnValue('visible');
    document.dispatchEvent(new Event('visibilitychange'));
    await wait(10);
    await answer(latestList(), outboxPage([SENT, FAILED], COUNTS));
    visibility.mockRestore();
  });
});
