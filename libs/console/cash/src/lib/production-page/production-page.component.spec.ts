import { HttpTestingController } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { I18n } from '@consultorio/console/core';
import {
  setUpConsoleTest,
  settle,
  testUser,
  type ConsoleTestOptions,
} from '@consultorio/console/core/testing';
import { Role, type DoctorProductionDto } from '@consultorio/shared/contracts';
import { CASH_TEXTS } from '../i18n/cash-texts';
import { clinicSettings, text } from '../shared/cash.fixture';
import { dayIn } from '../shared/cash-settings';
import { ProductionPageComponent } from './production-page.component';

/** The console's test setup with the cash register's texts, as its routes register them. */
function setUpCashTest(options: ConsoleTestOptions): HttpTestingController {
  const backend = setUpConsoleTest(options);
  TestBed.inject(I18n).register(CASH_TEXTS);
  return backend;
}

const NUNEZ: DoctorProductionDto = {
  doctorId: 'd-1',
  doctorName: 'Dra. Daniela Núñez',
  invoices: 3,
  billed: '900.00',
  credited: '0.00',
  collected: '750.10',
};
const PAREDES: DoctorProductionDto = {
  doctorId: 'd-2',
  doctorName: 'Dr. Luis Paredes',
  invoices: 2,
  billed: '400.20',
  credited: '50.00',
  collected: '0.20',
};

describe('ProductionPageComponent', () => {
  let fixture: ComponentFixture<ProductionPageComponent>;
  let backend: HttpTestingController;
  let element: HTMLElement;

  async function render(role: Role): Promise<void> {
    backend = setUpCashTest({ signedInAs: testUser({ role }) });
    fixture = TestBed.createComponent(ProductionPageComponent);
    element = fixture.nativeElement;
    await fixture.whenStable();
    backend.expectOne('/api/v1/settings').flush(clinicSettings());
    if (role !== Role.Doctor) {
      backend
        .expectOne((request) => request.url === '/api/v1/doctors')
        .flush({ items: [{ id: 'd-1', fullName: 'Dra. Daniela Núñez' }], total: 1, page: 1, pageSize: 100 });
    }
    await settle(fixture);
  }

  afterEach(() => backend.verify());

  const expectProduction = () =>
    backend.expectOne((request) => request.url === '/api/v1/transactions/doctor-production');
  const find = (testId: string) => element.querySelector(`[data-testid="${testId}"]`) as HTMLElement | null;

  it('shows a doctor their own production of this month, with no doctor to choose', async () => {
    await render(Role.Doctor);
    const today = dayIn('America/Lima');
    const request = expectProduction();
    expect(request.request.params.toString()).toBe(`from=${today.slice(0, 7)}-01&to=${today}`);
    request.flush([NUNEZ]);
    await settle(fixture);

    expect(text(element.querySelector('h1'))).toBe('Mi producción');
    expect(find('production-doctor')).toBeNull();
    expect(element.querySelectorAll('[data-testid="production-row"]').length).toBe(1);
    expect(text(find('production-row'))).toContain('S/ 750.10');
    // One doctor needs no total row.
    expect(find('production-total')).toBeNull();

    const from = find('production-from') as HTMLInputElement;
    from.value = '2026-01-01';
    from.dispatchEvent(new Event('change'));
    await fixture.whenStable();
    const again = expectProduction();
    expect(again.request.params.get('from')).toBe('2026-01-01');
    again.flush([]);
    await settle(fixture);
    expect(text(find('production-empty'))).toContain('No tienes producción en este periodo.');
  });

  it('lets an admin see every doctor with exact totals, or one doctor', async () => {
    await render(Role.Admin);
    expectProduction().flush([NUNEZ, PAREDES]);
    await settle(fixture);
    const total = text(find('production-total'));
    expect(total).toContain('5');
    expect(total).toContain('S/ 1,300.20');
    expect(total).toContain('S/ 50.00');
    expect(total).toContain('S/ 750.30');

    (find('production-doctor')?.querySelector('.mat-mdc-select-trigger') as HTMLElement).click();
    await fixture.whenStable();
    (
      [...document.querySelectorAll('mat-option')].find((option) =>
        option.textContent?.includes('Núñez'),
      ) as HTMLElement
    ).click();
    await fixture.whenStable();
    const request = expectProduction();
    expect(request.request.params.get('doctorId')).toBe('d-1');
    request.flush([NUNEZ]);
    await settle(fixture);
  });
});
