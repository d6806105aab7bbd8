import { HttpTestingController } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';
import { I18n } from '@consultorio/console/core';
import { setUpConsoleTest, settle, testUser } from '@consultorio/console/core/testing';
import { Gender, Language, PatientStatus, Role, type PatientDto } from '@consultorio/shared/contracts';
import { PatientDialogComponent, type PatientDialogData } from './patient-dialog.component';
import { PATIENTS_TEXTS } from '../i18n/patients-texts';

const PATIENT: PatientDto = {
  id: '66666666-6666-4666-8666-666666666666',
  firstNames: 'José',
  lastNames: 'Núñez Pérez',
  fullName: 'José Núñez Pérez',
  documentType: null,
  documentNumber: null,
  phone: null,
  email: null,
  birthDate: '1980-05-04',
  gender: Gender.Male,
  address: null,
  status: PatientStatus.Active,
  leadSourceId: null,
  insurerId: null,
  businessLineId: null,
  budget: null,
  emergencyContactName: null,
  emergencyContactPhone: null,
  allergies: null,
  medicalHistory: null,
  marketingConsent: false,
  preferredLanguage: Language.Es,
  userId: null,
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
};

describe('PatientDialogComponent', () => {
  let fixture: ComponentFixture<PatientDialogComponent>;
  let backend: HttpTestingController;
  let close: ReturnType<typeof vi.fn>;

  async function open(data: PatientDialogData): Promise<void> {
    close = vi.fn();
    backend = setUpConsoleTest({
      providers: [
        { provide: MAT_DIALOG_DATA, useValue: data },
        { provide: MatDialogRef, useValue: { close } },
      ],
      signedInAs: testUser({ role: Role.Receptionist }),
    });
    TestBed.inject(I18n).register(PATIENTS_TEXTS);
    fixture = TestBed.createComponent(PatientDialogComponent);
    await settle(fixture);
    for (const catalog of ['insurers', 'lead-sources']) {
      backend
        .expectOne((request) => request.url === `/api/v1/${catalog}`)
        .flush({
          items: [],
          total: 0,
          page: 1,
          pageSize: 100,
        });
    }
    await settle(fixture);
  }

  afterEach(() => backend.verify());

  const element = () => fixture.nativeElement as HTMLElement;
  const input = (name: string) => element().querySelector(`[formcontrolname="${name}"]`) as HTMLInputElement;

  async function type(name: string, value: string): Promise<void> {
    input(name).value = value;
    input(name).dispatchEvent(new Event('input'));
    input(name).dispatchEvent(new Event('blur'));
    await settle(fixture);
  }

  function errorOf(name: string): string {
    return (input(name).closest('mat-form-field')?.querySelector('mat-error')?.textContent ?? '').trim();
  }

  async function save(): Promise<void> {
    (element().querySelector('form') as HTMLFormElement).dispatchEvent(new Event('submit'));
    await settle(fixture);
  }

  it('checks the shared CreatePatientDto rules as the user types', async () => {
    await open({ patient: null });
    await save();
    expect(errorOf('firstNames')).toBe('Este campo es obligatorio.');
    expect(errorOf('lastNames')).toBe('Este campo es obligatorio.');
    expect(errorOf('documentNumber')).toBe('Este campo es obligatorio.');

    // Dots and spaces go away as in the API, leaving too few characters.
    await type('documentNumber', '1.2 3');
    expect(errorOf('documentNumber')).toBe('Entre 4 y 20 letras, números o «-».');
    await type('documentNumber', '12.345.678');
    expect(errorOf('documentNumber')).toBe('');
    await type('phone', 'llámame');
    expect(errorOf('phone')).toBe('Escribe un teléfono válido, por ejemplo +51 987 654 321.');
    await type('email', 'jose@');
    expect(errorOf('email')).toBe('Escribe un correo válido, por ejemplo nombre@clinica.com.');
    await type('firstNames', 'x'.repeat(81));
    expect(errorOf('firstNames')).toBe('Debe tener como máximo 80 caracteres.');

    backend.expectNone((request) => request.method === 'POST');
  });

  it('registers the patient and puts a duplicate document on its field', async () => {
    await open({ patient: null });
    await type('firstNames', ' José ');
    await type('lastNames', 'Núñez Pérez');
    await type('documentNumber', '41234567');
    await type('phone', '+51 987 654 321');
    await save();

    const request = backend.expectOne((candidate) => candidate.method === 'POST');
    expect(request.request.url).toBe('/api/v1/patients');
    expect(request.request.body).toMatchObject({
      firstNames: 'José',
      lastNames: 'Núñez Pérez',
      documentType: 'dni',
      documentNumber: '41234567',
      phone: '+51 987 654 321',
      email: null,
      birthDate: null,
      status: 'active',
    });
    request.flush(
      {
        type: 'urn:consultorio:problem:conflict',
        title: 'Conflict',
        status: 409,
        errors: [
          { field: 'documentNumber', code: 'unique', message: 'documentNumber is already registered' },
        ],
      },
      { status: 409, statusText: 'Conflict' },
    );
    await settle(fixture);
    expect(errorOf('documentNumber')).toBe('Ya hay un paciente con este documento.');
    expect(close).not.toHaveBeenCalled();
  });

  it('sends only what changed when editing', async () => {
    await open({ patient: PATIENT });
    await type('phone', '+51 911 222 333');
    await save();
    const request = backend.expectOne(`/api/v1/patients/${PATIENT.id}`);
    expect(request.request.method).toBe('PATCH');
    expect(request.request.body).toEqual({ phone: '+51 911 222 333' });
    request.flush({ ...PATIENT, phone: '+51 911 222 333' });
    await settle(fixture);
    expect(close).toHaveBeenCalled();
  });
});
