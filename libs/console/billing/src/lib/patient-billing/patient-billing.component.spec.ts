import { HttpTestingController } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { setUpConsoleTest, settle, testUser } from '@consultorio/console/core/testing';
import { InvoiceStatus, Role } from '@consultorio/shared/contracts';
import { clinicSettings, invoicePage, invoiceSummary } from '../shared/billing.fixture';
import { PatientBillingComponent } from './patient-billing.component';

describe('PatientBillingComponent', () => {
  let fixture: ComponentFixture<PatientBillingComponent>;
  let backend: HttpTestingController;
  let element: HTMLElement;

  beforeEach(async () => {
    backend = setUpConsoleTest({ signedInAs: testUser({ role: Role.Receptionist }) });
    // Its texts are not registered by any route: the component brings them itself.
    fixture = TestBed.createComponent(PatientBillingComponent);
    fixture.componentRef.setInput('patientId', 'p-1');
    element = fixture.nativeElement;
    await fixture.whenStable();
    backend.expectOne('/api/v1/settings').flush(clinicSettings());
  });

  afterEach(() => {
    fixture.destroy();
    backend.verify();
  });

  it('shows what the patient was billed, paid and owes, and their invoices', async () => {
    backend.expectOne('/api/v1/invoices/patient/p-1/balance').flush({
      patientId: 'p-1',
      currency: 'PEN',
      billed: '230.00',
      credited: '0.00',
      paid: '150.00',
      balance: '80.00',
      openInvoices: 1,
    });
    const list = backend.expectOne((request) => request.url === '/api/v1/invoices/patient/p-1');
    expect(list.request.params.toString()).toBe('page=1&pageSize=10&sort=-createdAt');
    list.flush(
      invoicePage([
        invoiceSummary({ status: InvoiceStatus.Paid, paid: '150.00', balance: '0.00' }),
        invoiceSummary({ id: 'inv-2', code: 'F001-00000043', total: '80.00', balance: '80.00' }),
      ]),
    );
    await settle(fixture);

    expect(element.querySelector('[data-testid="balance-billed"]')?.textContent).toMatch(/S\/\s230\.00/);
    expect(element.querySelector('[data-testid="balance-paid"]')?.textContent).toMatch(/S\/\s150\.00/);
    expect(element.querySelector('[data-testid="balance-owed"]')?.textContent).toMatch(/S\/\s80\.00/);
    expect(element.textContent).toContain('Saldo pendiente');
    expect(element.textContent).toContain('Facturas abiertas: 1');
    const rows = [...element.querySelectorAll('[data-testid="patient-invoice-row"]')];
    expect(rows.map((row) => row.querySelector('[data-testid="status-chip"]')?.textContent?.trim())).toEqual([
      expect.stringContaining('Pagada'),
      expect.stringContaining('Emitida'),
    ]);
    expect(element.querySelector('[data-testid="patient-new-invoice"]')?.getAttribute('href')).toBe(
      '/billing/new?patientId=p-1',
    );
  });
});
