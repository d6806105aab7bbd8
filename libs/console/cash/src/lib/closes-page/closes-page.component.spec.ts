import { HttpTestingController } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { I18n } from '@consultorio/console/core';
import {
  setUpConsoleTest,
  settle,
  testUser,
  type ConsoleTestOptions,
} from '@consultorio/console/core/testing';
import { Role } from '@consultorio/shared/contracts';
import { CASH_TEXTS } from '../i18n/cash-texts';
import { LOCATIONS, cashClose, clinicSettings, text } from '../shared/cash.fixture';
import { ClosesPageComponent } from './closes-page.component';

/** The console's test setup with the cash register's texts, as its routes register them. */
function setUpCashTest(options: ConsoleTestOptions): HttpTestingController {
  const backend = setUpConsoleTest(options);
  TestBed.inject(I18n).register(CASH_TEXTS);
  return backend;
}

const OVER = cashClose({
  id: 'c-2',
  cashierId: 'u-2',
  cashierName: 'Rosa Recepción',
  businessDate: '2027-02-28',
  expected: '980.00',
  counted: '1000.00',
  difference: '20.00',
});

describe('ClosesPageComponent', () => {
  let fixture: ComponentFixture<ClosesPageComponent>;
  let backend: HttpTestingController;
  let element: HTMLElement;

  async function render(role: Role): Promise<void> {
    const user = role === Role.Admin ? testUser() : testUser({ id: 'u-2', role });
    backend = setUpCashTest({ signedInAs: user });
    fixture = TestBed.createComponent(ClosesPageComponent);
    element = fixture.nativeElement;
    await fixture.whenStable();
    backend.expectOne('/api/v1/settings').flush(clinicSettings());
    backend
      .expectOne((request) => request.url === '/api/v1/locations')
      .flush({ items: LOCATIONS, total: 2, page: 1, pageSize: 100 });
    if (role === Role.Admin) {
      backend
        .expectOne((request) => request.url === '/api/v1/users')
        .flush({ items: [testUser()], total: 1, page: 1, pageSize: 100 });
    }
  }

  afterEach(() => backend.verify());

  const expectList = () => backend.expectOne((request) => request.url === '/api/v1/cash-closes');
  const rows = () => [...element.querySelectorAll('tr[data-testid="close-row"]')] as HTMLElement[];

  it('lists every close for an admin, newest day first, with the difference in words', async () => {
    await render(Role.Admin);
    const request = expectList();
    expect(request.request.params.toString()).toBe('page=1&pageSize=20&sort=-businessDate');
    request.flush({ items: [OVER, cashClose()], total: 2, page: 1, pageSize: 20 });
    await settle(fixture);

    expect(rows().length).toBe(2);
    expect(text(rows()[0])).toContain('28 feb. 2027');
    expect(text(rows()[0])).toContain('Miraflores');
    expect(text(rows()[0])).toContain('Rosa Recepción');
    expect(text(rows()[0].querySelector('[data-testid="close-difference"]'))).toContain('+S/ 20.00');
    expect(text(rows()[0].querySelector('[data-testid="close-difference"]'))).toContain('Sobrante');
    expect(text(rows()[1].querySelector('[data-testid="close-difference"]'))).toContain('-S/ 0.10');
    expect(text(rows()[1].querySelector('[data-testid="close-difference"]'))).toContain('Faltante');

    const from = element.querySelector('[data-testid="closes-from"]') as HTMLInputElement;
    from.value = '2027-02-01';
    from.dispatchEvent(new Event('change'));
    await fixture.whenStable();
    const filtered = expectList();
    expect(filtered.request.params.get('from')).toBe('2027-02-01');
    filtered.flush({ items: [OVER], total: 1, page: 1, pageSize: 20 });
    await settle(fixture);

    rows()[0].click();
    await fixture.whenStable();
    expect(text(document.querySelector('[data-testid="close-detail"]'))).toContain('Rosa Recepción');
    expect(document.querySelector('[data-testid="close-lines"]')).not.toBeNull();
  });

  it('shows the front desk its own close of today, without filters', async () => {
    await render(Role.Receptionist);
    const request = expectList();
    expect(request.request.params.get('cashierId')).toBe('u-2');
    expect(request.request.params.has('from')).toBe(false);
    request.flush({ items: [], total: 0, page: 1, pageSize: 20 });
    await settle(fixture);
    expect(element.querySelector('input[type="date"]')).toBeNull();
    expect(text(element.querySelector('[data-testid="list-empty"]'))).toContain(
      'Todavía no cerraste tu caja hoy.',
    );
  });
});
