import { HttpTestingController } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { I18n } from '@consultorio/console/core';
import {
  setUpConsoleTest,
  settle,
  testUser,
  type ConsoleTestOptions,
} from '@consultorio/console/core/testing';
import { CASH_TEXTS } from '../i18n/cash-texts';
import { LOCATIONS, OTHER_LOCATION_ID, clinicSettings, monthlyReport, text } from '../shared/cash.fixture';
import { dayIn } from '../shared/cash-settings';
import { MonthlyPageComponent, recentMonths } from './monthly-page.component';

/** The console's test setup with the cash register's texts, as its routes register them. */
function setUpCashTest(options: ConsoleTestOptions): HttpTestingController {
  const backend = setUpConsoleTest(options);
  TestBed.inject(I18n).register(CASH_TEXTS);
  return backend;
}

describe('MonthlyPageComponent', () => {
  let fixture: ComponentFixture<MonthlyPageComponent>;
  let backend: HttpTestingController;
  let element: HTMLElement;

  beforeEach(async () => {
    backend = setUpCashTest({ signedInAs: testUser() });
    fixture = TestBed.createComponent(MonthlyPageComponent);
    element = fixture.nativeElement;
    await fixture.whenStable();
    backend.expectOne('/api/v1/settings').flush(clinicSettings());
    backend
      .expectOne((request) => request.url === '/api/v1/locations')
      .flush({ items: LOCATIONS, total: 2, page: 1, pageSize: 100 });
    await settle(fixture);
  });

  afterEach(() => backend.verify());

  const expectReport = () =>
    backend.expectOne((request) => request.url === '/api/v1/transactions/monthly-report');
  const find = (testId: string) => element.querySelector(`[data-testid="${testId}"]`) as HTMLElement | null;

  it('asks for this month of every location and shows its totals, chart, methods and doctors', async () => {
    const request = expectReport();
    expect(request.request.params.toString()).toBe(`month=${dayIn('America/Lima').slice(0, 7)}`);
    request.flush(monthlyReport());
    await settle(fixture);

    const summary = text(find('monthly-summary'));
    expect(summary).toContain('S/ 1,550.50');
    expect(summary).toContain('S/ 80.00');
    expect(text(find('monthly-net'))).toContain('S/ 1,470.50');
    expect(text(element.querySelector('h1 + p'))).toContain('febrero de 2027');

    const chart = find('bar-chart') as HTMLElement;
    expect(chart.getAttribute('role')).toBe('img');
    expect(chart.getAttribute('aria-label')).toBe(
      'Ingresos y egresos por día en febrero de 2027: ingresos S/\u00a01,550.50, egresos S/\u00a080.00.',
    );
    expect(element.querySelectorAll('[data-testid="bar-pair"]').length).toBe(28);
    expect(element.querySelectorAll('[data-testid="chart-table"] tbody tr').length).toBe(28);

    expect(text(find('monthly-methods'))).toContain('Efectivo');
    const doctor = text(element.querySelector('[data-testid="production-row"]'));
    expect(doctor).toContain('Dra. Daniela Núñez');
    expect(doctor).toContain('4');
    expect(doctor).toContain('S/ 1,800.00');
    expect(doctor).toContain('S/ 100.00');
    expect(doctor).toContain('S/ 1,250.50');
  });

  it('asks again for another month and location', async () => {
    expectReport().flush(monthlyReport());
    await settle(fixture);

    (find('monthly-month')?.querySelector('.mat-mdc-select-trigger') as HTMLElement).click();
    await fixture.whenStable();
    const options = [...document.querySelectorAll('mat-option')] as HTMLElement[];
    // This month and the two years before it, in the console's language.
    expect(options.length).toBe(24);
    const previous = recentMonths(dayIn('America/Lima').slice(0, 7), 2)[1];
    expect(options[1].textContent?.trim()).toMatch(/^[a-z]+ de \d{4}$/);
    options[1].click();
    await fixture.whenStable();
    let request = expectReport();
    expect(request.request.params.get('month')).toBe(previous);
    request.flush(monthlyReport({ month: previous }));
    await settle(fixture);

    (find('monthly-location')?.querySelector('.mat-mdc-select-trigger') as HTMLElement).click();
    await fixture.whenStable();
    (
      [...document.querySelectorAll('mat-option')].find((option) =>
        option.textContent?.includes('San Isidro'),
      ) as HTMLElement
    ).click();
    await fixture.whenStable();
    request = expectReport();
    expect(request.request.params.toString()).toBe(`month=${previous}&locationId=${OTHER_LOCATION_ID}`);
    request.flush(monthlyReport({ month: previous, doctors: [] }));
    await settle(fixture);
    expect(text(find('production-empty'))).toContain('No hay producción en este periodo.');
  });
});

describe('recentMonths', () => {
  it('counts back across the turn of the year', () => {
    expect(recentMonths('2027-02', 4)).toEqual(['2027-02', '2027-01', '2026-12', '2026-11']);
  });
});
