import { HttpTestingController } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';
import { I18n } from '@consultorio/console/core';
import {
  setUpConsoleTest,
  settle,
  testUser,
  type ConsoleTestOptions,
} from '@consultorio/console/core/testing';
import { PaymentMethod, Role, type CashClosePreviewDto } from '@consultorio/shared/contracts';
import { LOCATION_ID, cashClose, clinicSettings, closePreview, text } from '../shared/cash.fixture';
import { CASH_TEXTS } from '../i18n/cash-texts';
import { CloseDialogComponent, type CloseDialogData } from './close-dialog.component';

const RECEPTIONIST_DRAWER: CloseDialogData = {
  locationId: LOCATION_ID,
  locationName: 'Miraflores',
  cashierId: 'u-2',
  cashierName: 'Rosa Recepción',
  date: null,
  asAdmin: false,
};

/** The console's test setup with the cash register's texts, as its routes register them. */
function setUpCashTest(options: ConsoleTestOptions): HttpTestingController {
  const backend = setUpConsoleTest(options);
  TestBed.inject(I18n).register(CASH_TEXTS);
  return backend;
}

describe('CloseDialogComponent', () => {
  let fixture: ComponentFixture<CloseDialogComponent>;
  let backend: HttpTestingController;
  let element: HTMLElement;
  let close: ReturnType<typeof vi.fn>;

  async function open(
    preview: CashClosePreviewDto,
    data: CloseDialogData = RECEPTIONIST_DRAWER,
    currency = preview.currency,
  ): Promise<void> {
    close = vi.fn();
    backend = setUpCashTest({
      signedInAs: testUser({ id: 'u-2', role: Role.Receptionist }),
      providers: [
        { provide: MAT_DIALOG_DATA, useValue: data },
        { provide: MatDialogRef, useValue: { close } },
      ],
    });
    fixture = TestBed.createComponent(CloseDialogComponent);
    element = fixture.nativeElement;
    await fixture.whenStable();
    backend
      .expectOne('/api/v1/settings')
      .flush(clinicSettings({ currency, locale: currency === 'CLP' ? 'es-CL' : 'es-PE' }));
    const request = backend.expectOne((candidate) => candidate.url === '/api/v1/cash-closes/preview');
    expect(request.request.params.toString()).toBe(
      data.asAdmin
        ? `locationId=${data.locationId}${data.date ? `&date=${data.date}` : ''}&cashierId=${data.cashierId}`
        : `locationId=${data.locationId}`,
    );
    request.flush(preview);
    await settle(fixture);
  }

  afterEach(() => backend.verify());

  const row = (method: PaymentMethod) =>
    element.querySelector(`[data-testid="count-${method}"]`) as HTMLElement;
  const find = (testId: string) => element.querySelector(`[data-testid="${testId}"]`) as HTMLElement | null;

  async function count(method: PaymentMethod, amount: string): Promise<void> {
    const input = row(method).querySelector('[data-testid="counted-input"]') as HTMLInputElement;
    input.value = amount;
    input.dispatchEvent(new Event('input'));
    await fixture.whenStable();
  }

  it('shows the exact difference per method and in total as the cashier types, in words too (PEN)', async () => {
    await open(closePreview({ cash: '150.10', card: '80.00' }));
    expect(text(find('close-lead'))).toContain(
      'Caja de Rosa Recepción en Miraflores, lunes, 1 de marzo de 2027.',
    );
    expect(text(row(PaymentMethod.Cash).querySelector('[data-testid="expected"]'))).toContain('S/ 150.10');
    // Methods with nothing expected start at zero; the others wait to be counted.
    expect((row(PaymentMethod.Transfer).querySelector('input') as HTMLInputElement).value).toBe('0.00');
    expect((row(PaymentMethod.Cash).querySelector('input') as HTMLInputElement).value).toBe('');
    expect(text(find('difference-total'))).toContain('Completa todos los montos contados');

    await count(PaymentMethod.Cash, '150.00');
    const cash = row(PaymentMethod.Cash).querySelector('[data-testid="difference"]') as HTMLElement;
    expect(text(cash)).toContain('-S/ 0.10');
    expect(text(cash)).toContain('Faltante');
    expect(cash.getAttribute('data-balance')).toBe('short');

    await count(PaymentMethod.Card, '80.20');
    const card = row(PaymentMethod.Card).querySelector('[data-testid="difference"]') as HTMLElement;
    expect(text(card)).toContain('+S/ 0.20');
    expect(text(card)).toContain('Sobrante');

    // 150.00 + 80.20 − (150.10 + 80.00) is 0.10 exactly, where floats say 0.09999999999999432.
    expect(text(find('expected-total'))).toContain('S/ 230.10');
    expect(text(find('counted-total'))).toContain('S/ 230.20');
    expect(text(find('difference-total'))).toContain('+S/ 0.10');
    expect(text(find('difference-total'))).toContain('Sobrante');

    await count(PaymentMethod.Card, '80,10');
    expect(text(find('difference-total'))).toContain('S/ 0.00');
    expect(text(find('difference-total'))).toContain('Cuadra');
    expect(find('difference-total')?.getAttribute('data-balance')).toBe('even');
  });

  it('counts Chilean pesos in whole pesos only', async () => {
    await open(closePreview({ cash: '15000' }, { currency: 'CLP' }));
    expect(text(row(PaymentMethod.Cash).querySelector('[data-testid="expected"]'))).toMatch(/\$\s?15\.000/);
    expect((row(PaymentMethod.Card).querySelector('input') as HTMLInputElement).value).toBe('0');

    await count(PaymentMethod.Cash, '14990.5');
    expect(text(row(PaymentMethod.Cash))).toContain('Esta moneda no usa decimales.');
    expect(text(row(PaymentMethod.Cash).querySelector('[data-testid="difference"]'))).toContain('—');

    await count(PaymentMethod.Cash, '14990');
    expect(text(row(PaymentMethod.Cash).querySelector('[data-testid="difference"]'))).toContain('$-10');
    expect(text(find('difference-total'))).toContain('Faltante');
  });

  it('sends what was counted for every method with the notes, and closes with the close', async () => {
    await open(closePreview({ cash: '150.10' }));
    await count(PaymentMethod.Cash, '150.00');
    const notes = find('close-notes') as HTMLTextAreaElement;
    notes.value = ' Faltó sencillo ';
    notes.dispatchEvent(new Event('input'));
    (find('confirm-close') as HTMLButtonElement).click();
    await fixture.whenStable();

    const request = backend.expectOne('/api/v1/cash-closes');
    expect(request.request.method).toBe('POST');
    // The front desk names neither the day nor the cashier: its own drawer, today.
    expect(request.request.body).toEqual({
      locationId: LOCATION_ID,
      counted: [
        { method: 'cash', counted: '150.00' },
        { method: 'card', counted: '0.00' },
        { method: 'transfer', counted: '0.00' },
        { method: 'yape_plin', counted: '0.00' },
        { method: 'insurer', counted: '0.00' },
      ],
      notes: 'Faltó sencillo',
    });
    const made = cashClose({ cashierId: 'u-2' });
    request.flush(made);
    await settle(fixture);
    expect(close).toHaveBeenCalledWith(made);
  });

  it('names the cashier and the day when an admin closes, and says so when the day was closed meanwhile (409)', async () => {
    const data: CloseDialogData = { ...RECEPTIONIST_DRAWER, date: '2027-02-26', asAdmin: true };
    await open(closePreview({ cash: '150.10' }, { businessDate: '2027-02-26' }), data);
    await count(PaymentMethod.Cash, '150.10');
    (find('confirm-close') as HTMLButtonElement).click();
    await fixture.whenStable();
    const request = backend.expectOne('/api/v1/cash-closes');
    expect(request.request.body).toMatchObject({
      locationId: LOCATION_ID,
      cashierId: 'u-2',
      date: '2027-02-26',
    });
    request.flush(
      {
        type: 'urn:consultorio:problem:cash-day-closed',
        title: 'Conflict',
        status: 409,
        detail: 'That cash drawer is already closed for the day.',
      },
      { status: 409, statusText: 'Conflict' },
    );
    await settle(fixture);
    expect(close).not.toHaveBeenCalled();

    const closedMeanwhile = cashClose({ closedByName: 'Andrés Administrador', difference: '0.00' });
    backend
      .expectOne((candidate) => candidate.url === '/api/v1/cash-closes/preview')
      .flush(closePreview({ cash: '150.10' }, { close: closedMeanwhile }));
    await settle(fixture);
    expect(text(find('close-existing'))).toContain('Esta caja ya se había cerrado.');
    expect(text(find('close-existing'))).toContain('por Andrés Administrador');
    expect(find('close-lines')).not.toBeNull();
    expect(find('confirm-close')).toBeNull();
  });
});
