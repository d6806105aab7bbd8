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
import { Role } from '@consultorio/shared/contracts';
import { LOCATIONS, LOCATION_ID, cashEntry, clinicSettings, text } from '../shared/cash.fixture';
import { CASH_TEXTS } from '../i18n/cash-texts';
import { EntryDialogComponent, type EntryDialogData } from './entry-dialog.component';

/** The console's test setup with the cash register's texts, as its routes register them. */
function setUpCashTest(options: ConsoleTestOptions): HttpTestingController {
  const backend = setUpConsoleTest(options);
  TestBed.inject(I18n).register(CASH_TEXTS);
  return backend;
}

describe('EntryDialogComponent', () => {
  let fixture: ComponentFixture<EntryDialogComponent>;
  let backend: HttpTestingController;
  let element: HTMLElement;
  let close: ReturnType<typeof vi.fn>;

  async function open(
    currency = 'PEN',
    data: EntryDialogData = { locationId: LOCATION_ID, adjustmentOf: null },
  ) {
    close = vi.fn();
    backend = setUpCashTest({
      signedInAs: testUser({ id: 'u-2', role: Role.Receptionist }),
      providers: [
        { provide: MAT_DIALOG_DATA, useValue: data },
        { provide: MatDialogRef, useValue: { close } },
      ],
    });
    fixture = TestBed.createComponent(EntryDialogComponent);
    element = fixture.nativeElement;
    await fixture.whenStable();
    backend.expectOne('/api/v1/settings').flush(clinicSettings({ currency }));
    backend
      .expectOne((request) => request.url === '/api/v1/locations')
      .flush({ items: LOCATIONS, total: 2, page: 1, pageSize: 100 });
    backend
      .expectOne((request) => request.url === '/api/v1/doctors')
      .flush({ items: [{ id: 'd-1', fullName: 'Dra. Daniela Núñez' }], total: 1, page: 1, pageSize: 100 });
    await settle(fixture);
  }

  afterEach(() => backend.verify());

  const find = (testId: string) => element.querySelector(`[data-testid="${testId}"]`) as HTMLElement | null;

  async function type(testId: string, value: string): Promise<void> {
    const input = find(testId) as HTMLInputElement;
    input.value = value;
    input.dispatchEvent(new Event('input'));
    await fixture.whenStable();
  }

  it('checks the amount against the currency’s decimals while it is typed (soles)', async () => {
    await open();
    await type('entry-amount', '10.555');
    expect(text(find('entry-amount-error'))).toContain('Usa como máximo 2 decimales.');
    await type('entry-amount', '0');
    expect(text(find('entry-amount-error'))).toContain('El monto debe ser mayor que cero.');
    await type('entry-amount', '10,50');
    expect(find('entry-amount-error')).toBeNull();
  });

  it('takes no cents for Chilean pesos', async () => {
    await open('CLP');
    await type('entry-amount', '5000.5');
    expect(text(find('entry-amount-error'))).toContain('Esta moneda no usa decimales.');
    await type('entry-amount', '5000');
    expect(find('entry-amount-error')).toBeNull();
  });

  it('records an expense in the caller’s drawer and closes with it', async () => {
    await open();
    (find('entry-type-expense')?.querySelector('button') as HTMLButtonElement).click();
    await type('entry-concept', '  Compra de guantes ');
    await type('entry-amount', '20,00');
    await type('entry-comment', 'Caja chica');
    (find('save-entry') as HTMLButtonElement).click();
    await fixture.whenStable();

    const request = backend.expectOne('/api/v1/transactions');
    expect(request.request.method).toBe('POST');
    expect(request.request.body).toEqual({
      type: 'expense',
      concept: 'Compra de guantes',
      amount: '20.00',
      method: 'cash',
      locationId: LOCATION_ID,
      doctorId: null,
      patientId: null,
      comment: 'Caja chica',
    });
    const saved = cashEntry({ type: 'expense' as never, concept: 'Compra de guantes', amount: '20.00' });
    request.flush(saved);
    await settle(fixture);
    expect(close).toHaveBeenCalledWith(saved);
  });

  it('explains a refusal because the drawer-day is already closed', async () => {
    await open();
    await type('entry-concept', 'Venta de cepillo');
    await type('entry-amount', '15');
    (find('save-entry') as HTMLButtonElement).click();
    await fixture.whenStable();
    backend.expectOne('/api/v1/transactions').flush(
      {
        type: 'urn:consultorio:problem:cash-day-closed',
        title: 'Unprocessable Content',
        status: 422,
        detail: 'That cash drawer is already closed for the day.',
      },
      { status: 422, statusText: 'Unprocessable Content' },
    );
    await settle(fixture);
    expect(close).not.toHaveBeenCalled();
    expect(text(find('entry-failure'))).toContain('La caja de este día ya está cerrada');
  });

  it('books an adjustment pointing at the entry it corrects', async () => {
    const adjusted = cashEntry({ id: 't-9', concept: 'Venta de cepillo' });
    await open('PEN', { locationId: LOCATION_ID, adjustmentOf: adjusted });
    expect(text(find('adjusted-entry'))).toContain('Corrige «Venta de cepillo»');
    (find('entry-type-expense')?.querySelector('button') as HTMLButtonElement).click();
    await type('entry-amount', '10.50');
    (find('save-entry') as HTMLButtonElement).click();
    await fixture.whenStable();
    const request = backend.expectOne('/api/v1/transactions');
    expect(request.request.body).toMatchObject({
      type: 'expense',
      concept: 'Ajuste: Venta de cepillo',
      amount: '10.50',
      adjustmentOfId: 't-9',
    });
    request.flush(cashEntry({ id: 't-10', adjustmentOfId: 't-9' }));
    await settle(fixture);
    expect(close).toHaveBeenCalled();
  });
});
