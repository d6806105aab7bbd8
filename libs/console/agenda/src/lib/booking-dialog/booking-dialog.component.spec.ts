import { HttpTestingController, type TestRequest } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';
import { I18n } from '@consultorio/console/core';
import { setUpConsoleTest, settle, testUser } from '@consultorio/console/core/testing';
import { AppointmentStatus, Role, type PatientSummaryDto } from '@consultorio/shared/contracts';
import { AgendaCatalog } from '../shared/agenda-catalog';
import {
  CATALOG,
  CHAIR_ID,
  CLEANING_ID,
  CONSULTATION_ID,
  DANIELA_ID,
  JORGE_ID,
  LOCATION_ID,
  PATIENT_ID,
  appointment,
} from '../shared/catalog.fixture';
import { BookingDialogComponent, type BookingDialogData } from './booking-dialog.component';
import { PATIENT_SEARCH_DEBOUNCE_MS } from './patient-picker.component';
import { AGENDA_TEXTS } from '../i18n/agenda-texts';

const NUNEZ: PatientSummaryDto = {
  id: PATIENT_ID,
  fullName: 'José Núñez Pérez',
  firstNames: 'José',
  lastNames: 'Núñez Pérez',
  documentType: null,
  documentNumber: '41234567',
  phone: '+51 987 654 321',
  email: null,
  birthDate: null,
  status: 'active' as PatientSummaryDto['status'],
};

describe('BookingDialogComponent', () => {
  let fixture: ComponentFixture<BookingDialogComponent>;
  let backend: HttpTestingController;
  let close: ReturnType<typeof vi.fn>;

  async function open(data: Partial<BookingDialogData> = {}): Promise<void> {
    close = vi.fn();
    backend = setUpConsoleTest({
      providers: [
        AgendaCatalog,
        {
          provide: MAT_DIALOG_DATA,
          useValue: { date: '2026-12-01', start: null, doctorId: null, locationId: LOCATION_ID, ...data },
        },
        { provide: MatDialogRef, useValue: { close } },
      ],
      signedInAs: testUser({ role: Role.Receptionist }),
    });
    TestBed.inject(I18n).register(AGENDA_TEXTS);
    TestBed.inject(AgendaCatalog).use(CATALOG);
    fixture = TestBed.createComponent(BookingDialogComponent);
    await settle(fixture);
    // The day's appointments at the site, to tell which chairs are taken.
    dayAppointments().flush({ items: [], total: 0, page: 1, pageSize: 100 });
    await settle(fixture);
  }

  afterEach(() => backend.verify());

  const element = () => fixture.nativeElement as HTMLElement;
  const dayAppointments = (): TestRequest =>
    backend.expectOne((request) => request.url === '/api/v1/appointments' && request.method === 'GET');

  async function searchPatient(text: string): Promise<void> {
    const input = element().querySelector('[data-testid="patient-search"]') as HTMLInputElement;
    input.focus();
    input.value = text;
    input.dispatchEvent(new Event('input'));
    await new Promise((resolve) => setTimeout(resolve, PATIENT_SEARCH_DEBOUNCE_MS + 50));
    await settle(fixture);
  }

  async function choose(testId: string, option: string): Promise<void> {
    (element().querySelector(`[data-testid="${testId}"] .mat-mdc-select-trigger`) as HTMLElement).click();
    await settle(fixture);
    const match = [...document.querySelectorAll('mat-option')].find((item) =>
      item.textContent?.includes(option),
    ) as HTMLElement;
    match.click();
    await settle(fixture);
  }

  function slotTimes(): string[] {
    return [...element().querySelectorAll('mat-chip-option')].map((chip) =>
      (chip.textContent ?? '').replace(/\s+/g, ' ').trim(),
    );
  }

  async function pickSlot(time: string): Promise<void> {
    const chip = [...element().querySelectorAll('mat-chip-option')].find(
      (item) => item.textContent?.trim() === time,
    );
    (chip?.querySelector('button') as HTMLButtonElement).click();
    await settle(fixture);
  }

  async function book(): Promise<void> {
    (element().querySelector('form') as HTMLFormElement).dispatchEvent(new Event('submit'));
    await settle(fixture);
  }

  it('finds the patient as the user types, without accents, and shows who was found', async () => {
    await open();
    await searchPatient('nunez');

    const search = backend.expectOne((request) => request.url === '/api/v1/patients/search');
    expect(search.request.params.get('q')).toBe('nunez');
    search.flush([NUNEZ]);
    await settle(fixture);

    const options = [...document.querySelectorAll('[data-testid="patient-option"]')];
    expect(options.map((option) => option.textContent?.replace(/\s+/g, ' ').trim())).toEqual([
      'José Núñez Pérez 41234567 · +51 987 654 321',
    ]);
    (options[0] as HTMLElement).click();
    await settle(fixture);
    expect((element().querySelector('[data-testid="patient-search"]') as HTMLInputElement).value).toBe(
      'José Núñez Pérez',
    );
  });

  it('suggests the free slots of the day in the clinic’s time zone, across doctors', async () => {
    await open();
    await choose('booking-treatment', 'Consulta odontológica');

    const slots = backend.expectOne((request) => request.url === '/api/v1/appointments/available-slots');
    expect(slots.request.params.keys().sort()).toEqual(['from', 'locationId', 'to', 'treatmentId']);
    expect(slots.request.params.get('from')).toBe('2026-12-01');
    expect(slots.request.params.get('treatmentId')).toBe(CONSULTATION_ID);
    slots.flush([
      { start: '2026-12-01T14:00:00.000Z', end: '2026-12-01T14:30:00.000Z', doctorId: DANIELA_ID },
      { start: '2026-12-01T19:15:00.000Z', end: '2026-12-01T19:45:00.000Z', doctorId: DANIELA_ID },
      { start: '2026-12-01T14:00:00.000Z', end: '2026-12-01T14:30:00.000Z', doctorId: JORGE_ID },
    ]);
    await settle(fixture);

    const groups = [...element().querySelectorAll('cs-slot-picker section')].map((group) =>
      group.querySelector('h4')?.textContent?.trim(),
    );
    expect(groups).toEqual(['Dra. Daniela Núñez', 'Dr. Jorge Ramírez']);
    expect(slotTimes()).toEqual(['09:00', '14:15', '09:00']);

    // One doctor: that doctor's own endpoint.
    await choose('booking-doctor', 'Dr. Jorge Ramírez');
    backend
      .expectOne(
        `/api/v1/doctors/${JORGE_ID}/available-slots?from=2026-12-01&to=2026-12-01&locationId=${LOCATION_ID}&treatmentId=${CONSULTATION_ID}`,
      )
      .flush([]);
    await settle(fixture);
    expect(element().querySelector('[data-testid="no-slots"]')?.textContent).toContain(
      'No hay horarios libres',
    );
  });

  it('offers the clicked time, books it with a free chair, and lists every conflict of a 409', async () => {
    await open({ start: '2026-12-01T10:30:00-05:00', doctorId: DANIELA_ID });
    await searchPatient('nunez');
    backend.expectOne((request) => request.url === '/api/v1/patients/search').flush([NUNEZ]);
    await settle(fixture);
    (document.querySelector('[data-testid="patient-option"]') as HTMLElement).click();
    await settle(fixture);

    await choose('booking-treatment', 'Limpieza dental');
    backend
      .expectOne((request) => request.url === `/api/v1/doctors/${DANIELA_ID}/available-slots`)
      .flush([{ start: '2026-12-01T14:00:00.000Z', end: '2026-12-01T14:45:00.000Z', doctorId: DANIELA_ID }]);
    await settle(fixture);
    expect(slotTimes()).toEqual(['10:30 · hora elegida', '09:00']);

    await book();
    const request = backend.expectOne((candidate) => candidate.method === 'POST');
    expect(request.request.body).toEqual({
      patientId: PATIENT_ID,
      doctorId: DANIELA_ID,
      locationId: LOCATION_ID,
      treatmentId: CLEANING_ID,
      resourceId: CHAIR_ID,
      start: '2026-12-01T15:30:00.000Z',
      reason: null,
    });
    request.flush(
      {
        type: 'urn:consultorio:problem:appointment-conflict',
        title: 'Conflict',
        status: 409,
        conflicts: [
          {
            id: 'a-1',
            start: '2026-12-01T15:15:00.000Z',
            end: '2026-12-01T15:45:00.000Z',
            doctorId: DANIELA_ID,
            resourceId: null,
            status: AppointmentStatus.Confirmed,
            on: 'doctor',
          },
          {
            id: 'a-2',
            start: '2026-12-01T16:00:00.000Z',
            end: '2026-12-01T16:30:00.000Z',
            doctorId: JORGE_ID,
            resourceId: CHAIR_ID,
            status: AppointmentStatus.Scheduled,
            on: 'resource',
          },
        ],
      },
      { status: 409, statusText: 'Conflict' },
    );
    await settle(fixture);
    backend
      .expectOne('/api/v1/appointments/a-1')
      .flush(appointment({ id: 'a-1', patientName: 'Rosa Pérez' }));
    backend
      .expectOne('/api/v1/appointments/a-2')
      .flush(appointment({ id: 'a-2', patientName: 'Luis Chávez' }));
    await settle(fixture);

    const problem = element().querySelector('[data-testid="booking-problem"]') as HTMLElement;
    expect(problem.querySelector('p')?.textContent).toBe('Ese horario se cruza con 2 citas:');
    const conflicts = [...problem.querySelectorAll('li')].map((item) =>
      [...item.querySelectorAll('.when, .who, .what')].map((part) => part.textContent?.trim()),
    );
    expect(conflicts).toEqual([
      ['mar, 1 dic., 10:15 – 10:45', 'Rosa Pérez', 'Con Dra. Daniela Núñez · Confirmada'],
      ['mar, 1 dic., 11:00 – 11:30', 'Luis Chávez', 'Ocupa Sillón 1 · Agendada'],
    ]);
    expect(close).not.toHaveBeenCalled();
  });

  it('names the rule of a 422 and closes with the appointment once booked', async () => {
    await open({ doctorId: DANIELA_ID });
    await searchPatient('nunez');
    backend.expectOne((request) => request.url === '/api/v1/patients/search').flush([NUNEZ]);
    await settle(fixture);
    (document.querySelector('[data-testid="patient-option"]') as HTMLElement).click();
    await settle(fixture);
    await choose('booking-treatment', 'Consulta odontológica');
    backend
      .expectOne((request) => request.url.endsWith('/available-slots'))
      .flush([{ start: '2026-12-01T14:00:00.000Z', end: '2026-12-01T14:30:00.000Z', doctorId: DANIELA_ID }]);
    await settle(fixture);

    await book();
    expect(element().textContent).toContain('Elige un horario.');
    backend.expectNone((request) => request.method === 'POST');

    await pickSlot('09:00');
    await book();
    backend
      .expectOne((request) => request.method === 'POST')
      .flush(
        {
          type: 'urn:consultorio:problem:holiday',
          title: 'Unprocessable Entity',
          status: 422,
          errors: [{ field: 'start', code: 'holiday', message: 'The clinic is closed that day (holiday).' }],
        },
        { status: 422, statusText: 'Unprocessable Entity' },
      );
    await settle(fixture);
    expect(element().querySelector('[data-testid="booking-problem"]')?.textContent).toContain(
      'La clínica no atiende ese día (feriado).',
    );

    await book();
    const booked = appointment();
    backend.expectOne((request) => request.method === 'POST').flush(booked);
    await settle(fixture);
    expect(close).toHaveBeenCalledWith(booked);
  });
});
