import { HttpTestingController } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';
import { I18n } from '@consultorio/console/core';
import { setUpConsoleTest, settle, testUser } from '@consultorio/console/core/testing';
import { Role, type CatalogEntryDto, type DoctorDto, type LocationDto } from '@consultorio/shared/contracts';
import { DoctorDialogComponent, type DoctorDialogData } from './doctor-dialog.component';
import { STAFF_TEXTS } from '../i18n/staff-texts';

const STAMPS = { active: true, createdAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-01T00:00:00Z' };
const ORTHODONTICS: CatalogEntryDto = {
  id: '44444444-4444-4444-8444-444444444444',
  name: 'Ortodoncia',
  ...STAMPS,
};
const MIRAFLORES: LocationDto = {
  id: '22222222-2222-4222-8222-222222222222',
  name: 'Sede Miraflores',
  address: 'Av. Larco 812',
  zoneId: null,
  phone: null,
  ...STAMPS,
};
const SURCO: LocationDto = { ...MIRAFLORES, id: '66666666-6666-4666-8666-666666666666', name: 'Sede Surco' };
const USER_ID = '55555555-5555-4555-8555-555555555555';
const DOCTOR: DoctorDto = {
  id: '11111111-1111-4111-8111-111111111111',
  userId: USER_ID,
  fullName: 'Lucía Paredes',
  email: 'lucia@consultorio.test',
  documentId: '40000000',
  licenseNumber: 'CMP-51000',
  specialtyIds: [ORTHODONTICS.id],
  locationIds: [MIRAFLORES.id],
  yearsExperience: 8,
  consultationFee: '120.00',
  bio: null,
  color: '#1e88e5',
  available: true,
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
};

describe('DoctorDialogComponent', () => {
  let fixture: ComponentFixture<DoctorDialogComponent>;
  let backend: HttpTestingController;
  let close: ReturnType<typeof vi.fn>;

  async function open(doctor: DoctorDto | null): Promise<void> {
    close = vi.fn();
    const data: DoctorDialogData = { doctor, specialties: [ORTHODONTICS], locations: [MIRAFLORES, SURCO] };
    backend = setUpConsoleTest({
      providers: [
        { provide: MAT_DIALOG_DATA, useValue: data },
        { provide: MatDialogRef, useValue: { close } },
      ],
      signedInAs: testUser({ role: Role.Admin }),
    });
    TestBed.inject(I18n).register(STAFF_TEXTS);
    fixture = TestBed.createComponent(DoctorDialogComponent);
    await settle(fixture);
    if (!doctor) {
      // Users with the doctor role, less those that already have a profile.
      const users = backend.expectOne((request) => request.url === '/api/v1/users');
      expect(users.request.params.get('role')).toBe('doctor');
      users.flush({
        items: [
          testUser({
            id: USER_ID,
            fullName: 'Lucía Paredes',
            email: 'lucia@consultorio.test',
            role: Role.Doctor,
          }),
          testUser({
            id: 'taken',
            fullName: 'Carlos Ríos',
            email: 'carlos@consultorio.test',
            role: Role.Doctor,
          }),
        ],
        total: 2,
        page: 1,
        pageSize: 100,
      });
      backend
        .expectOne((request) => request.url === '/api/v1/doctors')
        .flush({ items: [{ ...DOCTOR, id: 'other', userId: 'taken' }], total: 1, page: 1, pageSize: 100 });
      await settle(fixture);
    }
  }

  afterEach(() => backend.verify());

  const element = () => fixture.nativeElement as HTMLElement;
  const field = (name: string) => element().querySelector(`[formcontrolname="${name}"]`) as HTMLElement;

  async function type(name: string, value: string): Promise<void> {
    const input = field(name) as HTMLInputElement;
    input.value = value;
    input.dispatchEvent(new Event('input'));
    input.dispatchEvent(new Event('blur'));
    await settle(fixture);
  }

  /** Opens a select and clicks the option with that text; returns the options it offered. */
  async function choose(name: string, text: string): Promise<string[]> {
    (field(name).querySelector('.mat-mdc-select-trigger') as HTMLElement).click();
    await settle(fixture);
    const options = [...document.querySelectorAll('mat-option')] as HTMLElement[];
    options.find((option) => option.textContent?.includes(text))?.click();
    await settle(fixture);
    document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape' }));
    await settle(fixture);
    return options.map((option) => (option.textContent ?? '').trim());
  }

  function errorOf(name: string): string {
    return (field(name).closest('mat-form-field')?.querySelector('mat-error')?.textContent ?? '').trim();
  }

  async function save(): Promise<void> {
    (element().querySelector('form') as HTMLFormElement).dispatchEvent(new Event('submit'));
    await settle(fixture);
  }

  it('checks the shared CreateDoctorDto rules as the user types', async () => {
    await open(null);
    await save();
    expect(errorOf('userId')).toBe('Este campo es obligatorio.');
    expect(errorOf('licenseNumber')).toBe('Este campo es obligatorio.');
    expect(errorOf('specialtyIds')).toBe('Este campo es obligatorio.');
    expect(errorOf('locationIds')).toBe('Este campo es obligatorio.');

    await type('color', 'azul');
    expect(errorOf('color')).toBe('Escribe un color como #1e88e5.');
    await type('color', '#43A047');
    expect(errorOf('color')).toBe('');
    await type('consultationFee', '120.555');
    expect(errorOf('consultationFee')).toBe('Escribe un monto, con hasta 2 decimales.');
    await type('consultationFee', '120,50');
    expect(errorOf('consultationFee')).toBe('');
    await type('yearsExperience', '71');
    expect(errorOf('yearsExperience')).toBe('Escribe un número entero de 0 a 70.');
    await type('yearsExperience', '2.5');
    expect(errorOf('yearsExperience')).toBe('Escribe un número entero de 0 a 70.');
    await type('licenseNumber', 'x'.repeat(31));
    expect(errorOf('licenseNumber')).toBe('Debe tener como máximo 30 caracteres.');

    backend.expectNone((request) => request.method === 'POST');
  });

  it('offers only doctor users without a profile, creates the profile and puts a taken license on its field', async () => {
    await open(null);
    const offered = await choose('userId', 'Lucía Paredes');
    expect(offered).toEqual(['Lucía Paredes · lucia@consultorio.test']);
    await type('licenseNumber', ' CMP-51000 ');
    await choose('specialtyIds', 'Ortodoncia');
    await choose('locationIds', 'Sede Miraflores');
    await type('color', '#43A047');
    await type('consultationFee', '150,00');
    await type('yearsExperience', '12');
    await save();

    const request = backend.expectOne((candidate) => candidate.method === 'POST');
    expect(request.request.url).toBe('/api/v1/doctors');
    expect(request.request.body).toEqual({
      userId: USER_ID,
      documentId: null,
      licenseNumber: 'CMP-51000',
      specialtyIds: [ORTHODONTICS.id],
      locationIds: [MIRAFLORES.id],
      yearsExperience: 12,
      consultationFee: '150.00',
      bio: null,
      color: '#43a047',
      available: true,
    });
    request.flush(
      {
        type: 'urn:consultorio:problem:conflict',
        title: 'Conflict',
        status: 409,
        errors: [{ field: 'licenseNumber', code: 'unique', message: 'licenseNumber is already taken' }],
      },
      { status: 409, statusText: 'Conflict' },
    );
    await settle(fixture);
    expect(errorOf('licenseNumber')).toBe('Ya hay un médico con esta colegiatura.');
    expect(close).not.toHaveBeenCalled();
  });

  it('sends only what changed when editing, and never the linked user', async () => {
    await open(DOCTOR);
    expect(field('userId').getAttribute('aria-disabled')).toBe('true');
    await type('consultationFee', '135.00');
    (field('available').querySelector('button') as HTMLButtonElement).click();
    await settle(fixture);
    await save();
    const request = backend.expectOne(`/api/v1/doctors/${DOCTOR.id}`);
    expect(request.request.method).toBe('PATCH');
    expect(request.request.body).toEqual({ consultationFee: '135.00', available: false });
    request.flush({ ...DOCTOR, consultationFee: '135.00', available: false });
    await settle(fixture);
    expect(close).toHaveBeenCalledWith(expect.objectContaining({ available: false }));
  });

  it('says plainly that a location cannot be taken away while the doctor still has hours there', async () => {
    await open({ ...DOCTOR, locationIds: [MIRAFLORES.id, SURCO.id] });
    await choose('locationIds', 'Sede Surco');
    await save();
    const request = backend.expectOne(`/api/v1/doctors/${DOCTOR.id}`);
    expect(request.request.body).toEqual({ locationIds: [MIRAFLORES.id] });
    request.flush(
      {
        type: 'urn:consultorio:problem:reference-conflict',
        title: 'Conflict',
        status: 409,
        detail: 'The doctor does not work at that location, or it still has working hours there.',
        errors: [
          { field: 'doctorId', code: 'reference', message: 'doctorId does not refer to an existing record' },
        ],
      },
      { status: 409, statusText: 'Conflict' },
    );
    await settle(fixture);
    expect(errorOf('locationIds')).toBe(
      'El médico todavía tiene horarios en una sede que quitaste. Quítalos primero en «Horario semanal».',
    );
    expect(close).not.toHaveBeenCalled();
  });
});
