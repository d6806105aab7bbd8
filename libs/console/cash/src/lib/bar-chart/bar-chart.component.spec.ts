import { HttpTestingController } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { I18n } from '@consultorio/console/core';
import {
  setUpConsoleTest,
  settle,
  testUser,
  type ConsoleTestOptions,
} from '@consultorio/console/core/testing';
import { clinicSettings, monthlyReport, text } from '../shared/cash.fixture';
import { CASH_TEXTS } from '../i18n/cash-texts';
import { CashSettings } from '../shared/cash-settings';
import { BarChartComponent, niceMax } from './bar-chart.component';

/** The console's test setup with the cash register's texts, as its routes register them. */
function setUpCashTest(options: ConsoleTestOptions): HttpTestingController {
  const backend = setUpConsoleTest(options);
  TestBed.inject(I18n).register(CASH_TEXTS);
  return backend;
}

describe('BarChartComponent', () => {
  let fixture: ComponentFixture<BarChartComponent>;
  let backend: HttpTestingController;
  let element: HTMLElement;

  beforeEach(async () => {
    backend = setUpCashTest({ signedInAs: testUser() });
    TestBed.inject(CashSettings).ensureLoaded();
    backend.expectOne('/api/v1/settings').flush(clinicSettings());
    fixture = TestBed.createComponent(BarChartComponent);
    fixture.componentRef.setInput('days', monthlyReport().days);
    fixture.componentRef.setInput('label', 'Ingresos y egresos por día en febrero de 2027');
    element = fixture.nativeElement;
    await settle(fixture);
  });

  afterEach(() => backend.verify());

  it('draws one pair of bars per day, as tall as the amounts, under an accessible name', () => {
    const svg = element.querySelector('svg') as SVGElement;
    expect(svg.getAttribute('role')).toBe('img');
    expect(svg.getAttribute('aria-label')).toBe('Ingresos y egresos por día en febrero de 2027');

    const pairs = [...element.querySelectorAll('[data-testid="bar-pair"]')];
    expect(pairs.length).toBe(28);
    expect(pairs.every((pair) => pair.querySelectorAll('rect').length === 2)).toBe(true);
    const height = (index: number, kind: 'income' | 'expense') =>
      Number(pairs[index].querySelector(`[data-testid="bar-${kind}"]`)?.getAttribute('height'));
    // The axis tops at 2,000 (the 1,250.50 of the 15th, rounded up): 1250.50 / 2000 of 200 px.
    expect(height(14, 'income')).toBeCloseTo(125.05, 2);
    expect(height(14, 'expense')).toBeCloseTo(8, 2);
    expect(height(0, 'income')).toBeCloseTo(30, 2);
    expect(height(1, 'income')).toBe(0);
    expect(text(pairs[14].querySelector('title'))).toContain('ingresos S/ 1,250.50, egresos S/ 80.00');
  });

  it('gives screen readers the figures of every day in a table', () => {
    const table = element.querySelector('[data-testid="chart-table"]') as HTMLTableElement;
    expect(table.classList).toContain('cs-visually-hidden');
    expect(table.caption?.textContent?.trim()).toBe('Ingresos y egresos por día en febrero de 2027');
    const rows = [...table.tBodies[0].rows];
    expect(rows.length).toBe(28);
    expect(text(rows[14])).toContain('15 feb. 2027');
    expect(text(rows[14])).toContain('S/ 1,250.50');
    expect(text(rows[14])).toContain('S/ 80.00');
    expect(text(rows[14])).toContain('S/ 1,170.50');
  });

  it('rounds the top of the axis to a round amount, on decimal strings', () => {
    expect(niceMax('0')).toBe('0');
    expect(niceMax('1250.50')).toBe('2000');
    expect(niceMax('80')).toBe('100');
    expect(niceMax('0.3')).toBe('0.5');
    expect(niceMax('15000')).toBe('20000');
    expect(niceMax('2400')).toBe('2500');
  });
});
