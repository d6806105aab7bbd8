import { HttpTestingController, TestRequest } from '@angular/common/http/testing';
import { RouterTestingHarness } from '@angular/router/testing';
import { provideFeatureTexts } from '@consultorio/console/core';
import { setUpConsoleTest, settle, testUser } from '@consultorio/console/core/testing';
import {
  Role,
  type CatalogEntryDto,
  type ClinicSettingsDto,
  type Page,
  type TreatmentDto,
} from '@consultorio/shared/contracts';
import { CatalogPageComponent } from './catalog-page.component';
import { SETTINGS_TEXTS } from '../../i18n/settings-texts';

const SETTINGS: ClinicSettingsDto = {
  name: 'Clínica Sonrisa',
  timeZone: 'America/Lima',
  currency: 'PEN',
  locale: 'es-PE',
  taxRate: '0.1800',
  pricesIncludeTax: true,
  slotGranularityMinutes: 15,
  defaultBufferMinutes: 0,
  cancellationPolicyHours: 24,
  reminderOffsetsHours: [24],
  quietHoursStart: '21:00',
  quietHoursEnd: '08:00',
  dailySendCap: null,
  phone: null,
  email: null,
  address: null,
  taxId: null,
  updatedAt: '2026-01-01T00:00:00Z',
};

const STAMPS = { createdAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-01T00:00:00Z' };
const DENTISTRY: CatalogEntryDto = {
  id: '3f0c1e9a-6b1d-4c57-9a4e-1f2b3c4d5e6f',
  name: 'Odontología',
  active: true,
  ...STAMPS,
};
const CLEANING: TreatmentDto = {
  id: '7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d',
  name: 'Limpieza dental',
  active: true,
  specialtyId: DENTISTRY.id,
  durationMinutes: 45,
  price: '120.50',
  businessLineId: null,
  requiredResourceType: null,
  ...STAMPS,
};

function page<T>(items: T[]): Page<T> {
  return { items, total: items.length, page: 1, pageSize: 20 };
}

const body = () => document.body as HTMLElement;
/** Text with the no-break spaces of `Intl` formats as plain spaces. */
const text = (node: Element | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
const click = (selector: string) => (body().querySelector(selector) as HTMLElement).click();

describe('CatalogPageComponent', () => {
  let backend: HttpTestingController;
  let harness: RouterTestingHarness;

  async function open(catalog: string, role = Role.Admin): Promise<void> {
    backend = setUpConsoleTest({
      routes: [
        {
          path: 'catalog',
          providers: [provideFeatureTexts(SETTINGS_TEXTS)],
          data: { catalog },
          component: CatalogPageComponent,
        },
      ],
      signedInAs: testUser({ role }),
    });
    harness = await RouterTestingHarness.create();
    await harness.navigateByUrl('/catalog');
    await harness.fixture.whenStable();
  }

  afterEach(() => backend.verify());

  const element = () => harness.fixture.nativeElement as HTMLElement;
  const settled = () => settle(harness.fixture);

  function expectList(path: string): TestRequest {
    return backend.expectOne(
      (request) => request.url === `/api/v1/${path}` && request.params.get('pageSize') !== '100',
    );
  }

  /** Answers the clinic settings and the lookups of the referenced catalogs. */
  async function answerSetup(lookups: Record<string, CatalogEntryDto[]> = {}): Promise<void> {
    backend.expectOne('/api/v1/settings').flush(SETTINGS);
    for (const [path, items] of Object.entries(lookups)) {
      const request = backend.expectOne(
        (candidate) => candidate.url === `/api/v1/${path}` && candidate.params.get('pageSize') === '100',
      );
      request.flush({ ...page(items), pageSize: 100 });
    }
    await settled();
  }

  async function type(selector: string, value: string): Promise<void> {
    const input = body().querySelector(selector) as HTMLInputElement;
    input.value = value;
    input.dispatchEvent(new Event('input'));
    input.dispatchEvent(new Event('blur'));
    await settled();
  }

  function errorOf(field: string): string {
    const formField = body().querySelector(`[data-field="${field}"]`);
    return (formField?.querySelector('mat-error')?.textContent ?? '').trim();
  }

  it('lists the configured columns, with prices in the clinic currency and durations in minutes', async () => {
    await open('treatments');
    await answerSetup({ specialties: [DENTISTRY], 'business-lines': [] });
    const request = expectList('treatments');
    expect(request.request.params.toString()).toBe('page=1&pageSize=20&sort=name');
    request.flush(page([CLEANING]));
    await settled();

    const headers = [...element().querySelectorAll('th')].map((th) => th.textContent?.trim());
    expect(headers).toEqual([
      'Nombre',
      'Especialidad',
      'Línea de negocio',
      'Duración',
      'Precio',
      'Estado',
      'Acciones',
    ]);
    const cells = [...element().querySelectorAll('tr.mat-mdc-row td')].map(text);
    expect(cells.slice(0, 6)).toEqual([
      'Limpieza dental',
      'Odontología',
      '—',
      '45 min',
      'S/ 120.50',
      'Activo',
    ]);
  });

  it('filters by a referenced catalog on the server', async () => {
    await open('treatments');
    await answerSetup({ specialties: [DENTISTRY], 'business-lines': [] });
    expectList('treatments').flush(page([CLEANING]));
    await settled();

    click('[data-testid="filter-specialtyId"] .mat-mdc-select-trigger');
    await settled();
    const option = [...body().querySelectorAll('mat-option')].find((item) =>
      item.textContent?.includes('Odontología'),
    ) as HTMLElement;
    option.click();
    await settled();

    const request = expectList('treatments');
    expect(request.request.params.get('specialtyId')).toBe(DENTISTRY.id);
    request.flush(page([CLEANING]));
    await settled();
  });

  it('validates the dialog with the shared DTO as the user types and puts the API’s answer on the field', async () => {
    await open('treatments');
    await answerSetup({ specialties: [DENTISTRY], 'business-lines': [] });
    expectList('treatments').flush(page([]));
    await settled();

    click('[data-testid="new-entry"]');
    await settled();
    expect(body().querySelector('[data-testid="catalog-dialog"]')).not.toBeNull();
    expect(body().querySelector('[data-field="price"]')?.textContent).toContain('S/');

    await type('[data-field="name"] input', '   ');
    expect(errorOf('name')).toBe('Este campo es obligatorio.');
    await type('[data-field="durationMinutes"] input', '3');
    expect(errorOf('durationMinutes')).toBe('Debe ser como mínimo 5.');
    await type('[data-field="price"] input', '120.555');
    expect(errorOf('price')).toBe('Escribe un monto con hasta 2 decimales, por ejemplo 120.50.');

    click('[data-testid="save-entry"]');
    await settled();
    expect(errorOf('specialtyId')).toBe('Elige una opción de la lista.');
    backend.expectNone((request) => request.method === 'POST');

    await type('[data-field="name"] input', 'Limpieza dental');
    await type('[data-field="durationMinutes"] input', '45');
    await type('[data-field="price"] input', '120,5');
    click('[data-testid="select-specialtyId"] .mat-mdc-select-trigger');
    await settled();
    (
      [...body().querySelectorAll('mat-option')].find((item) =>
        item.textContent?.includes('Odontología'),
      ) as HTMLElement
    ).click();
    await settled();
    click('[data-testid="save-entry"]');
    await settled();

    const create = backend.expectOne((request) => request.method === 'POST');
    expect(create.request.url).toBe('/api/v1/treatments');
    expect(create.request.body).toEqual({
      name: 'Limpieza dental',
      specialtyId: DENTISTRY.id,
      businessLineId: null,
      durationMinutes: 45,
      price: '120.5',
      requiredResourceType: null,
    });
    create.flush(
      {
        status: 409,
        title: 'Conflict',
        errors: [{ field: 'name', code: 'unique', message: 'name is already taken' }],
      },
      { status: 409, statusText: 'Conflict' },
    );
    await settled();
    expect(errorOf('name')).toBe('Ya existe un registro con este nombre.');
    expect(body().querySelector('[data-testid="catalog-dialog"]')).not.toBeNull();
  });

  it('explains that an entry in use cannot be deleted and offers to deactivate it', async () => {
    await open('specialties');
    await answerSetup();
    expectList('specialties').flush(page([DENTISTRY]));
    await settled();

    click('[data-testid="entry-actions"]');
    await settled();
    click('[data-testid="delete-entry"]');
    await settled();
    expect(body().textContent).toContain('¿Eliminar «Odontología»?');
    click('[data-testid="confirm"]');
    await settled();

    const remove = backend.expectOne(`/api/v1/specialties/${DENTISTRY.id}`);
    expect(remove.request.method).toBe('DELETE');
    remove.flush(
      { status: 409, title: 'Conflict', detail: 'The record is still in use by other records.' },
      { status: 409, statusText: 'Conflict' },
    );
    await settled();
    expect(body().textContent).toContain('«Odontología» está en uso');
    expect(body().textContent).toContain('Desactívalo');

    click('[data-testid="confirm"]');
    await settled();
    const deactivate = backend.expectOne(`/api/v1/specialties/${DENTISTRY.id}`);
    expect(deactivate.request.method).toBe('PATCH');
    expect(deactivate.request.body).toEqual({ active: false });
    deactivate.flush({ ...DENTISTRY, active: false });
    await settled();
    expectList('specialties').flush(page([{ ...DENTISTRY, active: false }]));
    await settled();
    expect(element().querySelector('tr.mat-mdc-row')?.textContent).toContain('Inactivo');
  });

  it('is read-only for a receptionist: no create, edit or delete', async () => {
    await open('treatments', Role.Receptionist);
    await answerSetup({ specialties: [DENTISTRY], 'business-lines': [] });
    expectList('treatments').flush(page([CLEANING]));
    await settled();

    expect(element().querySelector('[data-testid="new-entry"]')).toBeNull();
    expect(element().querySelector('[data-testid="entry-actions"]')).toBeNull();
    expect(element().querySelector('[data-testid="read-only"]')?.textContent).toContain('Solo lectura');
    expect(text(element().querySelector('tr.mat-mdc-row'))).toContain('S/ 120.50');
  });
});
