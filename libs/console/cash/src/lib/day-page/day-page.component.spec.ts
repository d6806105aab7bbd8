import { HttpTestingController, type TestRequest } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { I18n } from '@consultorio/console/core';
import {
  setUpConsoleTest,
  settle,
  testUser,
  type ConsoleTestOptions,
} from '@consultorio/console/core/testing';
import {
  Role,
  TransactionStatus,
  TransactionType,
  type CashTransactionDto,
  type DailyReportDto,
} from '@consultorio/shared/contracts';
import {
  LOCATIONS,
  LOCATION_ID,
  OTHER_LOCATION_ID,
  cashClose,
  cashEntry,
  clinicSettings,
  dailyReport,
  entryPage,
  text,
} from '../shared/cash.fixture';
import { CASH_TEXTS } from '../i18n/cash-texts';
import { dayIn } from '../shared/cash-settings';
import { DayPageComponent } from './day-page.component';

const ADMIN = testUser();
const RECEPTIONIST = testUser({ id: 'u-2', role: Role.Receptionist, fullName: 'Rosa Recepción' });
const EXPENSE = cashEntry({
  id: 't-2',
  type: TransactionType.Expense,
  concept: 'Compra de guantes',
  amount: '20.00',
  comment: 'Caja chica',
});
const VOIDED = cashEntry({
  id: 't-3',
  concept: 'Cobro duplicado',
  amount: '35.00',
  status: TransactionStatus.Void,
});
const PAYMENT = cashEntry({ id: 't-4', concept: 'Pago F001-00000042', amount: '50.00', invoiceId: 'inv-42' });

/** The console's test setup with the cash register's texts, as its routes register them. */
function setUpCashTest(options: ConsoleTestOptions): HttpTestingController {
  const backend = setUpConsoleTest(options);
  TestBed.inject(I18n).register(CASH_TEXTS);
  return backend;
}

describe('DayPageComponent', () => {
  let fixture: ComponentFixture<DayPageComponent>;
  let backend: HttpTestingController;
  let element: HTMLElement;

  async function render(user = ADMIN): Promise<void> {
    backend = setUpCashTest({ signedInAs: user });
    fixture = TestBed.createComponent(DayPageComponent);
    element = fixture.nativeElement;
    await fixture.whenStable();
    backend.expectOne('/api/v1/settings').flush(clinicSettings());
    backend
      .expectOne((request) => request.url === '/api/v1/locations')
      .flush({
        items: LOCATIONS,
        total: 2,
        page: 1,
        pageSize: 100,
      });
    if (user.role === Role.Admin) {
      backend
        .expectOne((request) => request.url === '/api/v1/users')
        .flush({
          items: [
            ADMIN,
            RECEPTIONIST,
            testUser({ id: 'u-3', role: Role.Doctor, fullName: 'Dra. Daniela Núñez' }),
          ],
          total: 3,
          page: 1,
          pageSize: 100,
        });
    }
    await settle(fixture);
  }

  afterEach(() => {
    fixture.destroy();
    backend.verify();
  });

  const expectReport = () =>
    backend.expectOne((request) => request.url === '/api/v1/transactions/daily-report');
  const expectEntries = () => backend.expectOne((request) => request.url === '/api/v1/transactions');

  async function answer(
    report: DailyReportDto,
    entries: CashTransactionDto[],
  ): Promise<[TestRequest, TestRequest]> {
    const reportRequest = expectReport();
    const entriesRequest = expectEntries();
    reportRequest.flush(report);
    entriesRequest.flush(entryPage(entries));
    await settle(fixture);
    return [reportRequest, entriesRequest];
  }

  const find = (testId: string) => element.querySelector(`[data-testid="${testId}"]`) as HTMLElement | null;
  const rows = () => [...element.querySelectorAll('tr[data-testid="entry-row"]')] as HTMLElement[];

  it('loads the report and the entries of today at the first location for an admin, with totals per method', async () => {
    await render();
    const today = dayIn('America/Lima');
    const [report, entries] = await answer(dailyReport({ date: today }), [cashEntry(), EXPENSE]);
    expect(report.request.params.toString()).toBe(`date=${today}&locationId=${LOCATION_ID}`);
    expect(entries.request.params.toString()).toBe(
      `from=${today}&to=${today}&locationId=${LOCATION_ID}&page=1&pageSize=20&sort=-occurredAt`,
    );

    const overall = text(find('totals-overall'));
    expect(overall).toContain('S/ 170.50');
    expect(overall).toContain('S/ 20.00');
    expect(overall).toContain('S/ 150.50');
    expect(text(find('totals-cash'))).toContain('S/ 100.50');
    expect(text(find('totals-card'))).toContain('S/ 50.00');
    // Methods without movement are left out.
    expect(find('totals-transfer')).toBeNull();

    expect(rows().length).toBe(2);
    expect(text(rows()[0])).toContain('Venta de cepillo');
    expect(text(rows()[0])).toContain('+S/ 120.50');
    // 14:05Z is 9:05 a. m. in Lima.
    expect(text(rows()[0])).toMatch(/9:05\sa\.\sm\./);
    expect(text(rows()[1])).toContain('−S/ 20.00');
    expect(text(rows()[1])).toContain('Caja chica');
    expect(find('day-date')).not.toBeNull();
    // With every cashier shown there is no single drawer to close.
    expect(find('close-drawer')).toBeNull();
    expect(find('choose-cashier')).not.toBeNull();
  });

  it('asks again for the chosen date, location and cashier', async () => {
    await render();
    await answer(dailyReport(), []);

    const date = find('day-date') as HTMLInputElement;
    date.value = '2027-02-26';
    date.dispatchEvent(new Event('change'));
    await fixture.whenStable();
    let [report, entries] = await answer(dailyReport({ date: '2027-02-26' }), []);
    expect(report.request.params.get('date')).toBe('2027-02-26');
    expect(entries.request.params.get('from')).toBe('2027-02-26');
    expect(entries.request.params.get('to')).toBe('2027-02-26');
    // Only today takes new entries.
    expect(find('new-entry')).toBeNull();

    (find('day-location')?.querySelector('.mat-mdc-select-trigger') as HTMLElement).click();
    await fixture.whenStable();
    const option = [...document.querySelectorAll('mat-option')].find((item) =>
      item.textContent?.includes('San Isidro'),
    ) as HTMLElement;
    option.click();
    await fixture.whenStable();
    [report, entries] = await answer(dailyReport({ date: '2027-02-26' }), []);
    expect(report.request.params.get('locationId')).toBe(OTHER_LOCATION_ID);
    expect(entries.request.params.get('locationId')).toBe(OTHER_LOCATION_ID);
    expect(entries.request.params.get('date')).toBeNull();

    (find('day-cashier')?.querySelector('.mat-mdc-select-trigger') as HTMLElement).click();
    await fixture.whenStable();
    const cashiers = [...document.querySelectorAll('mat-option')].map((item) => item.textContent?.trim());
    // Only staff who keep a drawer are offered.
    expect(cashiers).toEqual(['Todos los cajeros', 'Andrés Administrador', 'Rosa Recepción']);
    (
      [...document.querySelectorAll('mat-option')].find((item) =>
        item.textContent?.includes('Rosa Recepción'),
      ) as HTMLElement
    ).click();
    await fixture.whenStable();
    [report, entries] = await answer(dailyReport({ date: '2027-02-26' }), []);
    expect(report.request.params.get('cashierId')).toBe('u-2');
    expect(entries.request.params.get('cashierId')).toBe('u-2');
    expect(find('close-drawer')).not.toBeNull();
  });

  it('shows a receptionist today’s own drawer without a date picker nor a cashier filter', async () => {
    await render(RECEPTIONIST);
    const [report, entries] = await answer(dailyReport(), [cashEntry({ cashierId: 'u-2' }), VOIDED, PAYMENT]);
    // No date: the API decides which day is today, the only one the front desk may see.
    expect(report.request.params.toString()).toBe(`locationId=${LOCATION_ID}&cashierId=u-2`);
    expect(entries.request.params.toString()).toBe(
      `locationId=${LOCATION_ID}&cashierId=u-2&page=1&pageSize=20&sort=-occurredAt`,
    );
    expect(find('day-date')).toBeNull();
    expect(element.querySelector('input[type="date"]')).toBeNull();
    expect(find('day-cashier')).toBeNull();
    expect(text(find('day-subtitle'))).toContain('Hoy, lunes, 1 de marzo de 2027');
    expect(find('new-entry')).not.toBeNull();
    expect(find('close-drawer')).not.toBeNull();

    // A void entry is struck through and says so in words.
    const voided = rows()[1];
    expect(voided.getAttribute('data-status')).toBe('void');
    expect(voided.querySelector('.concept.void')).not.toBeNull();
    expect(voided.querySelector('[data-testid="entry-amount"]')?.classList).toContain('void');
    expect(text(voided)).toContain('Anulado');
    expect(voided.querySelector('[data-testid="entry-actions"]')).toBeNull();

    // A payment's entry is changed through its invoice only.
    (rows()[2].querySelector('[data-testid="entry-actions"]') as HTMLButtonElement).click();
    await fixture.whenStable();
    expect(document.querySelector('[data-testid="open-invoice"]')?.getAttribute('href')).toBe(
      '/billing/inv-42',
    );
    expect(document.querySelector('[data-testid="void-entry"]')).toBeNull();
  });

  it('voids an entry of an open day once confirmed, and loads the day again', async () => {
    await render(RECEPTIONIST);
    await answer(dailyReport(), [cashEntry({ cashierId: 'u-2' })]);

    (rows()[0].querySelector('[data-testid="entry-actions"]') as HTMLButtonElement).click();
    await fixture.whenStable();
    (document.querySelector('[data-testid="void-entry"]') as HTMLButtonElement).click();
    await fixture.whenStable();
    expect(text(document.querySelector('[data-testid="confirm-text"]'))).toContain(
      '«Venta de cepillo» por S/ 120.50 dejará de contar en la caja.',
    );
    (document.querySelector('[data-testid="confirm"]') as HTMLButtonElement).click();
    await settle(fixture);
    const request = backend.expectOne('/api/v1/transactions/t-1');
    expect(request.request.method).toBe('DELETE');
    request.flush(cashEntry({ status: TransactionStatus.Void }));
    await settle(fixture);
    await answer(dailyReport(), [cashEntry({ cashierId: 'u-2', status: TransactionStatus.Void })]);
    expect(rows()[0].getAttribute('data-status')).toBe('void');
  });

  it('shows the close of a closed drawer-day, offers no second close, and adjustments instead of voids', async () => {
    await render(RECEPTIONIST);
    const close = cashClose({ cashierId: 'u-2', cashierName: 'Rosa Recepción', notes: 'Faltó sencillo' });
    await answer(dailyReport({ closes: [close] }), [
      cashEntry({ cashierId: 'u-2', businessDate: '2027-03-01' }),
    ]);

    const banner = find('closed-banner');
    expect(text(banner)).toContain('Caja cerrada: Rosa Recepción, Miraflores');
    expect(text(banner)).toContain('Esperado');
    expect(text(banner)).toContain('S/ 150.10');
    expect(text(banner)).toContain('S/ 150.00');
    expect(text(find('closed-difference'))).toContain('-S/ 0.10');
    expect(text(find('closed-difference'))).toContain('Faltante');
    expect(text(banner)).toContain('Faltó sencillo');
    expect(find('close-drawer')).toBeNull();
    // A closed drawer takes no new entries (the API would refuse them).
    expect(find('new-entry')).toBeNull();

    // Its own closed drawer of today takes no correction either: nothing to do with the entry.
    expect(rows()[0].querySelector('[data-testid="entry-actions"]')).toBeNull();
  });

  it('offers an admin to adjust an entry of a closed past day, booked today with a link to it', async () => {
    await render();
    await answer(dailyReport(), []);
    const date = find('day-date') as HTMLInputElement;
    date.value = '2027-03-01';
    date.dispatchEvent(new Event('change'));
    await fixture.whenStable();
    await answer(dailyReport({ closes: [cashClose()] }), [cashEntry()]);

    (rows()[0].querySelector('[data-testid="entry-actions"]') as HTMLButtonElement).click();
    await fixture.whenStable();
    expect(document.querySelector('[data-testid="void-entry"]')).toBeNull();
    (document.querySelector('[data-testid="adjust-entry"]') as HTMLButtonElement).click();
    await fixture.whenStable();
    backend
      .match((request) => request.url === '/api/v1/doctors')
      .forEach((request) => request.flush({ items: [], total: 0, page: 1, pageSize: 100 }));
    await settle(fixture);
    expect(text(document.querySelector('[data-testid="adjusted-entry"]'))).toContain(
      'Corrige «Venta de cepillo» (Ingreso de S/ 120.50, 1 mar. 2027',
    );
    expect((document.querySelector('[data-testid="entry-concept"]') as HTMLInputElement).value).toBe(
      'Ajuste: Venta de cepillo',
    );
  });
});
