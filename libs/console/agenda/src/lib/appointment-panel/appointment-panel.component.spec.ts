import { HttpTestingController } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { I18n } from '@consultorio/console/core';
import { setUpConsoleTest, settle, testUser } from '@consultorio/console/core/testing';
import {
  AppointmentStatus,
  Gender,
  Language,
  PatientStatus,
  Role,
  type AppointmentDto,
  type PatientDto,
} from '@consultorio/shared/contracts';
import { AgendaCatalog } from '../shared/agenda-catalog';
import { CATALOG, PATIENT_ID, appointment } from '../shared/catalog.fixture';
import { AppointmentPanelComponent } from './appointment-panel.component';
import { AGENDA_TEXTS } from '../i18n/agenda-texts';

const PATIENT: PatientDto = {
  id: PATIENT_ID,
  firstNames: 'José',
  lastNames: 'Núñez Pérez',
  fullName: 'José Núñez Pérez',
  documentType: null,
  documentNumber: '41234567',
  phone: '+51 987 654 321',
  email: 'jose@correo.pe',
  birthDate: null,
  gender: Gender.Male,
  address: null,
  status: PatientStatus.Active,
  leadSourceId: null,
  insurerId: null,
  businessLineId: null,
  budget: null,
  emergencyContactName: null,
  emergencyContactPhone: null,
  allergies: 'Penicilina',
  medicalHistory: null,
  marketingConsent: false,
  preferredLanguage: Language.Es,
  userId: null,
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
};

describe('AppointmentPanelComponent', () => {
  let fixture: ComponentFixture<AppointmentPanelComponent>;
  let backend: HttpTestingController;
  let changed: AppointmentDto[];

  async function show(item: AppointmentDto, role = Role.Receptionist): Promise<void> {
    backend = setUpConsoleTest({ providers: [AgendaCatalog], signedInAs: testUser({ role }) });
    TestBed.inject(I18n).register(AGENDA_TEXTS);
    TestBed.inject(AgendaCatalog).use(CATALOG);
    fixture = TestBed.createComponent(AppointmentPanelComponent);
    fixture.componentRef.setInput('appointment', item);
    changed = [];
    fixture.componentInstance.changed.subscribe((value) => changed.push(value));
    await settle(fixture);
    if (role !== Role.Doctor) backend.expectOne(`/api/v1/patients/${PATIENT_ID}`).flush(PATIENT);
    await settle(fixture);
  }

  afterEach(() => backend.verify());

  const element = () => fixture.nativeElement as HTMLElement;
  const actions = () =>
    [...element().querySelectorAll('[data-testid^="action-"]')].map((button) =>
      button.getAttribute('data-testid'),
    );
  const button = (testId: string) =>
    element().querySelector(`[data-testid="${testId}"]`) as HTMLButtonElement;

  it('offers exactly the steps the transition table allows from each status', async () => {
    await show(appointment({ status: AppointmentStatus.Scheduled }));
    expect(actions()).toEqual([
      'action-confirmed',
      'action-checked_in',
      'action-no_show',
      'action-cancelled',
    ]);

    fixture.componentRef.setInput('appointment', appointment({ status: AppointmentStatus.Confirmed }));
    await settle(fixture);
    expect(actions()).toEqual(['action-checked_in', 'action-no_show', 'action-cancelled']);

    fixture.componentRef.setInput('appointment', appointment({ status: AppointmentStatus.CheckedIn }));
    await settle(fixture);
    expect(actions()).toEqual(['action-completed', 'action-no_show']);

    for (const status of [
      AppointmentStatus.Completed,
      AppointmentStatus.Cancelled,
      AppointmentStatus.NoShow,
    ]) {
      fixture.componentRef.setInput('appointment', appointment({ status }));
      await settle(fixture);
      expect(actions()).toEqual([]);
      expect(element().textContent).toContain('Esta cita ya no admite cambios de estado.');
    }
  });

  it('shows when, with whom, the patient’s contact data and a link to the record', async () => {
    await show(appointment());
    expect(element().querySelector('[data-testid="panel-time"]')?.textContent?.trim()).toBe(
      '09:00 – 09:30 · 30 min',
    );
    const summary = element().querySelector('[data-testid="patient-summary"]')?.textContent;
    expect(summary).toContain('+51 987 654 321');
    expect(summary).toContain('Alergias: Penicilina');
    expect(element().querySelector('[data-testid="patient-link"]')?.getAttribute('href')).toBe(
      `/patients/${PATIENT_ID}`,
    );
  });

  it('offers to bill a completed appointment to the front desk, not to doctors', async () => {
    await show(appointment({ status: AppointmentStatus.CheckedIn }));
    expect(element().querySelector('[data-testid="bill-appointment"]')).toBeNull();

    const completed = appointment({ status: AppointmentStatus.Completed });
    fixture.componentRef.setInput('appointment', completed);
    await settle(fixture);
    const bill = element().querySelector('[data-testid="bill-appointment"]');
    expect(bill?.textContent).toContain('Facturar');
    expect(bill?.getAttribute('href')).toBe(
      `/billing/new?appointmentId=${completed.id}&patientId=${PATIENT_ID}`,
    );
    backend.verify();

    fixture.destroy();
    TestBed.resetTestingModule();
    await show(completed, Role.Doctor);
    expect(element().querySelector('[data-testid="bill-appointment"]')).toBeNull();
  });

  it('moves the appointment one step and reports the API’s answer', async () => {
    await show(appointment());
    button('action-confirmed').click();
    const request = backend.expectOne(`/api/v1/appointments/${appointment().id}/status`);
    expect(request.request.method).toBe('PATCH');
    expect(request.request.body).toEqual({ status: 'confirmed' });
    const confirmed = appointment({ status: AppointmentStatus.Confirmed });
    request.flush(confirmed);
    await settle(fixture);
    expect(changed).toEqual([confirmed]);
  });

  it('asks why before cancelling and sends the reason', async () => {
    await show(appointment({ status: AppointmentStatus.Confirmed }));
    button('action-cancelled').click();
    await settle(fixture);

    button('confirm-cancel').click();
    await settle(fixture);
    backend.expectNone(`/api/v1/appointments/${appointment().id}/status`);
    expect(element().textContent).toContain('Indica el motivo (hasta 300 caracteres).');

    const reason = element().querySelector('[data-testid="cancel-reason"]') as HTMLTextAreaElement;
    reason.value = 'El paciente viaja';
    reason.dispatchEvent(new Event('input'));
    button('confirm-cancel').click();
    const request = backend.expectOne(`/api/v1/appointments/${appointment().id}/status`);
    expect(request.request.body).toEqual({ status: 'cancelled', reason: 'El paciente viaja' });
    request.flush(
      {
        type: 'urn:consultorio:problem:illegal-transition',
        title: 'Unprocessable Entity',
        status: 422,
        errors: [{ field: 'status', code: 'transition', message: 'completed → cancelled is not allowed' }],
      },
      { status: 422, statusText: 'Unprocessable Entity' },
    );
    await settle(fixture);
    expect(element().querySelector('[data-testid="panel-problem"]')?.textContent).toContain(
      'La cita ya no admite ese cambio de estado.',
    );
    expect(changed).toEqual([]);
  });

  it('keeps patient records away from doctors', async () => {
    await show(appointment(), Role.Doctor);
    expect(element().querySelector('[data-testid="patient-link"]')).toBeNull();
    expect(element().querySelector('[data-testid="patient-summary"]')).toBeNull();
  });
});
