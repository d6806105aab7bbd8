import { HttpTestingController } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { I18n } from '@consultorio/console/core';
import { setUpConsoleTest, settle, testUser } from '@consultorio/console/core/testing';
import { Role, type ClinicSettingsDto } from '@consultorio/shared/contracts';
import { ClinicSettingsPageComponent } from './clinic-settings-page.component';
import { SETTINGS_TEXTS } from '../i18n/settings-texts';

const SETTINGS: ClinicSettingsDto = {
  name: 'Consultorio',
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

describe('ClinicSettingsPageComponent', () => {
  let fixture: ComponentFixture<ClinicSettingsPageComponent>;
  let backend: HttpTestingController;

  beforeEach(async () => {
    backend = setUpConsoleTest({ signedInAs: testUser({ role: Role.Admin }) });
    TestBed.inject(I18n).register(SETTINGS_TEXTS);
    fixture = TestBed.createComponent(ClinicSettingsPageComponent);
    backend.expectOne('/api/v1/settings').flush(SETTINGS);
    await settle(fixture);
  });

  afterEach(() => backend.verify());

  const element = () => fixture.nativeElement as HTMLElement;
  const input = (name: string) => element().querySelector(`[formcontrolname="${name}"]`) as HTMLInputElement;
  const saveButton = () => element().querySelector('[data-testid="save-settings"]') as HTMLButtonElement;

  async function type(name: string, value: string): Promise<void> {
    input(name).value = value;
    input(name).dispatchEvent(new Event('input'));
    input(name).dispatchEvent(new Event('blur'));
    await settle(fixture);
  }

  function errorOf(name: string): string {
    const field = input(name).closest('mat-form-field');
    return (field?.querySelector('mat-error')?.textContent ?? '').trim();
  }

  async function addReminder(hours: string): Promise<void> {
    const chipInput = element().querySelector('[data-testid="reminder-input"]') as HTMLInputElement;
    chipInput.value = hours;
    chipInput.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', keyCode: 13, bubbles: true }));
    await settle(fixture);
  }

  it('shows the tax rate as a percentage and saves it as a decimal string, sending only what changed', async () => {
    expect(input('taxRate').value).toBe('18');
    expect(input('name').value).toBe('Consultorio');
    expect(saveButton().disabled).toBe(true);

    await type('name', 'Clínica Sonrisa');
    await type('taxRate', '16,5');
    await addReminder('2');
    expect(element().querySelector('[data-testid="reminder-chips"]')?.textContent).toContain('2 h antes');
    // Retyping a value as it was is no change.
    await type('cancellationPolicyHours', '24');

    expect(saveButton().disabled).toBe(false);
    saveButton().click();
    await settle(fixture);

    const request = backend.expectOne('/api/v1/settings');
    expect(request.request.method).toBe('PUT');
    expect(request.request.body).toEqual({
      name: 'Clínica Sonrisa',
      taxRate: '0.165',
      reminderOffsetsHours: [24, 2],
    });
    request.flush({ ...SETTINGS, name: 'Clínica Sonrisa', taxRate: '0.1650', reminderOffsetsHours: [24, 2] });
    await settle(fixture);

    expect(input('taxRate').value).toBe('16.5');
    expect(saveButton().disabled).toBe(true);
  });

  it('does not count a rate written another way as a change', async () => {
    await type('taxRate', '18.00');
    expect(saveButton().disabled).toBe(true);
  });

  it('validates with the shared DTO as the user types and sends nothing invalid', async () => {
    await type('taxRate', '150');
    expect(errorOf('taxRate')).toBe('Escribe un porcentaje entre 0 y 100, con hasta 2 decimales.');
    await type('defaultBufferMinutes', '121');
    expect(errorOf('defaultBufferMinutes')).toBe('Debe ser como máximo 120.');
    await type('email', 'recepcion@');
    expect(errorOf('email')).toBe('Escribe un correo válido, por ejemplo nombre@clinica.com.');
    await type('name', ' ');
    expect(errorOf('name')).toBe('Este campo es obligatorio.');

    saveButton().click();
    await settle(fixture);
    backend.expectNone('/api/v1/settings');
  });

  it('edits the quiet hours and the daily send cap, and turning quiet hours off sends both as null', async () => {
    expect(input('quietHoursStart').value).toBe('21:00');
    expect(input('quietHoursEnd').value).toBe('08:00');
    expect(input('dailySendCap').value).toBe('');

    await type('quietHoursEnd', '21:00');
    expect(errorOf('quietHoursEnd')).toBe('Debe ser distinta de la hora de inicio.');
    await type('dailySendCap', '0');
    expect(errorOf('dailySendCap')).toBe('Debe ser como mínimo 1.');
    saveButton().click();
    await settle(fixture);
    backend.expectNone('/api/v1/settings');

    await type('quietHoursStart', '22:30');
    await type('quietHoursEnd', '07:00');
    await type('dailySendCap', '500');
    saveButton().click();
    await settle(fixture);
    let request = backend.expectOne('/api/v1/settings');
    expect(request.request.body).toEqual({
      quietHoursStart: '22:30',
      quietHoursEnd: '07:00',
      dailySendCap: 500,
    });
    request.flush({ ...SETTINGS, quietHoursStart: '22:30', quietHoursEnd: '07:00', dailySendCap: 500 });
    await settle(fixture);

    (element().querySelector('[data-testid="quiet-hours"] button') as HTMLButtonElement).click();
    await settle(fixture);
    expect(input('quietHoursStart')).toBeNull();
    await type('dailySendCap', '');
    saveButton().click();
    await settle(fixture);
    request = backend.expectOne('/api/v1/settings');
    expect(request.request.body).toEqual({ quietHoursStart: null, quietHoursEnd: null, dailySendCap: null });
    request.flush({ ...SETTINGS, quietHoursStart: null, quietHoursEnd: null });
    await settle(fixture);
    expect(saveButton().disabled).toBe(true);
  });

  it('discards the changes back to the saved settings', async () => {
    await type('name', 'Otra clínica');
    (element().querySelector('[data-testid="discard"]') as HTMLButtonElement).click();
    await settle(fixture);
    expect(input('name').value).toBe('Consultorio');
    expect(saveButton().disabled).toBe(true);
  });
});
