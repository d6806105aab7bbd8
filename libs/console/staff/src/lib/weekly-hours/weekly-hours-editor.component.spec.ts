import { HttpTestingController } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { I18n } from '@consultorio/console/core';
import { setUpConsoleTest, settle, testUser } from '@consultorio/console/core/testing';
import { Role, type LocationDto, type WorkingHoursDto } from '@consultorio/shared/contracts';
import { WeeklyHoursEditorComponent } from './weekly-hours-editor.component';
import { STAFF_TEXTS } from '../i18n/staff-texts';

const DOCTOR_ID = '11111111-1111-4111-8111-111111111111';
const HOURS_URL = `/api/v1/doctors/${DOCTOR_ID}/schedule/hours`;
const location = (id: string, name: string): LocationDto => ({
  id,
  name,
  active: true,
  address: 'Av. Larco 812',
  zoneId: null,
  phone: null,
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
});
const MIRAFLORES = location('22222222-2222-4222-8222-222222222222', 'Sede Miraflores');
const SAN_ISIDRO = location('33333333-3333-4333-8333-333333333333', 'Sede San Isidro');

const entry = (
  id: string,
  weekday: number,
  start: string,
  end: string,
  locationId = MIRAFLORES.id,
): WorkingHoursDto => ({ id, locationId, weekday, start, end, validFrom: '2026-01-05', validTo: null });

const WEEKLY: WorkingHoursDto[] = [
  entry('aaaaaaaa-0000-4000-8000-000000000001', 1, '09:00', '13:00'),
  entry('aaaaaaaa-0000-4000-8000-000000000002', 1, '14:00', '19:00'),
  entry('aaaaaaaa-0000-4000-8000-000000000003', 2, '09:00', '13:00'),
  // Thursdays afternoons at the other location.
  entry('bbbbbbbb-0000-4000-8000-000000000001', 4, '14:00', '18:00', SAN_ISIDRO.id),
];

describe('WeeklyHoursEditorComponent', () => {
  let fixture: ComponentFixture<WeeklyHoursEditorComponent>;
  let backend: HttpTestingController;
  let changed: ReturnType<typeof vi.fn<() => void>>;

  async function render(weekly = WEEKLY): Promise<void> {
    backend = setUpConsoleTest({ signedInAs: testUser({ role: Role.Admin }) });
    TestBed.inject(I18n).register(STAFF_TEXTS);
    fixture = TestBed.createComponent(WeeklyHoursEditorComponent);
    fixture.componentRef.setInput('doctorId', DOCTOR_ID);
    fixture.componentRef.setInput('weekly', weekly);
    fixture.componentRef.setInput('locations', [MIRAFLORES, SAN_ISIDRO]);
    fixture.componentRef.setInput('today', '2026-03-02');
    fixture.componentRef.setInput('canEdit', true);
    changed = vi.fn<() => void>();
    fixture.componentInstance.changed.subscribe(() => changed());
    await settle(fixture);
  }

  afterEach(() => backend.verify());

  const element = () => fixture.nativeElement as HTMLElement;
  const day = (weekday: number) => element().querySelector(`[data-testid="day-${weekday}"]`) as HTMLElement;
  const ranges = (weekday: number) =>
    [...day(weekday).querySelectorAll('[data-testid="range"]')] as HTMLElement[];
  const rangeText = (weekday: number) =>
    ranges(weekday).map((range) => {
      const [start, end] = [...range.querySelectorAll('input')] as HTMLInputElement[];
      return `${start.value}-${end.value}`;
    });

  async function click(target: Element | null | undefined): Promise<void> {
    (target as HTMLElement).click();
    await settle(fixture);
  }

  async function typeTime(weekday: number, position: number, field: 'start' | 'end', value: string) {
    const input = ranges(weekday)[position].querySelector(
      `[data-testid="range-${field}"]`,
    ) as HTMLInputElement;
    input.value = value;
    input.dispatchEvent(new Event('input'));
    input.dispatchEvent(new Event('blur'));
    await settle(fixture);
  }

  function errorOf(weekday: number, position: number, field: 'start' | 'end'): string {
    const input = ranges(weekday)[position].querySelector(`[data-testid="range-${field}"]`);
    return (input?.closest('mat-form-field')?.querySelector('mat-error')?.textContent ?? '').trim();
  }

  async function save(): Promise<void> {
    (element().querySelector('form') as HTMLFormElement).dispatchEvent(new Event('submit'));
    await settle(fixture);
  }

  it('shows the week of the first location in effect today, several ranges a day', async () => {
    await render();
    expect(rangeText(1)).toEqual(['09:00-13:00', '14:00-19:00']);
    expect(rangeText(2)).toEqual(['09:00-13:00']);
    // Thursday's hours belong to the other location.
    expect(rangeText(4)).toEqual([]);
    expect(day(4).textContent).toContain('No atiende');
    expect((element().querySelector('[data-testid="hours-valid-from"]') as HTMLInputElement).value).toBe(
      '2026-01-05',
    );
  });

  it('adds and removes ranges and sends only what changed', async () => {
    await render();
    await click(day(3).querySelector('[data-testid="add-range"]'));
    expect(rangeText(3)).toEqual(['09:00-13:00']);
    await typeTime(3, 0, 'start', '10:00');
    // A second range on Wednesday starts after the first one.
    await click(day(3).querySelector('[data-testid="add-range"]'));
    expect(rangeText(3)).toEqual(['10:00-13:00', '14:00-18:00']);
    await click(ranges(3)[1].querySelector('[data-testid="remove-range"]'));
    expect(rangeText(3)).toEqual(['10:00-13:00']);
    // Monday afternoon goes away.
    await click(ranges(1)[1].querySelector('[data-testid="remove-range"]'));
    expect(rangeText(1)).toEqual(['09:00-13:00']);

    await save();
    const removal = backend.expectOne(`${HOURS_URL}/aaaaaaaa-0000-4000-8000-000000000002`);
    expect(removal.request.method).toBe('DELETE');
    removal.flush(null, { status: 204, statusText: 'No Content' });
    await settle(fixture);
    const addition = backend.expectOne(HOURS_URL);
    expect(addition.request.method).toBe('POST');
    expect(addition.request.body).toEqual({
      locationId: MIRAFLORES.id,
      weekday: 3,
      start: '10:00',
      end: '13:00',
      validFrom: '2026-01-05',
      validTo: null,
    });
    addition.flush({ ...addition.request.body, id: 'aaaaaaaa-0000-4000-8000-000000000009' });
    await settle(fixture);
    // Monday morning and Tuesday were untouched; the page reloads the schedule.
    backend.expectNone((request) => request.method !== 'GET');
    expect(changed).toHaveBeenCalledTimes(1);
  });

  it('checks times, their order and overlaps within a day before sending anything', async () => {
    await render();
    await click(day(7).querySelector('[data-testid="add-range"]'));
    await typeTime(7, 0, 'end', '08:00');
    expect(errorOf(7, 0, 'end')).toBe('Debe ser después de la hora de inicio.');
    await typeTime(7, 0, 'end', '12:00');
    expect(errorOf(7, 0, 'end')).toBe('');

    await click(day(1).querySelector('[data-testid="add-range"]'));
    await typeTime(1, 2, 'start', '12:00');
    await typeTime(1, 2, 'end', '15:00');
    expect(errorOf(1, 2, 'start')).toBe('Se cruza con otro horario de este día.');

    await typeTime(1, 2, 'start', '');
    expect(errorOf(1, 2, 'start')).toBe('Este campo es obligatorio.');
    await save();
    backend.expectNone(() => true);
    expect(changed).not.toHaveBeenCalled();
  });

  it('explains a 409 for hours that overlap another location and puts the week back as it was', async () => {
    await render();
    // Monday morning ends earlier, and Thursday gets hours that collide with San Isidro's.
    await typeTime(1, 0, 'end', '12:00');
    await click(day(4).querySelector('[data-testid="add-range"]'));
    await typeTime(4, 0, 'start', '15:00');
    await typeTime(4, 0, 'end', '17:00');
    await save();

    backend
      .expectOne(`${HOURS_URL}/aaaaaaaa-0000-4000-8000-000000000001`)
      .flush(null, { status: 204, statusText: 'No Content' });
    await settle(fixture);
    const monday = backend.expectOne((request) => request.method === 'POST' && request.body.weekday === 1);
    expect(monday.request.body).toMatchObject({ start: '09:00', end: '12:00' });
    monday.flush({ ...monday.request.body, id: 'aaaaaaaa-0000-4000-8000-00000000000a' });
    await settle(fixture);
    const thursday = backend.expectOne((request) => request.method === 'POST' && request.body.weekday === 4);
    thursday.flush(
      {
        type: 'urn:consultorio:problem:conflict',
        title: 'Conflict',
        status: 409,
        detail: 'The range overlaps another working range of the doctor on that weekday.',
      },
      { status: 409, statusText: 'Conflict' },
    );
    await settle(fixture);

    // What was done is undone: the new Monday range goes, the old one comes back.
    const undoAdd = backend.expectOne(`${HOURS_URL}/aaaaaaaa-0000-4000-8000-00000000000a`);
    expect(undoAdd.request.method).toBe('DELETE');
    undoAdd.flush(null, { status: 204, statusText: 'No Content' });
    await settle(fixture);
    const restore = backend.expectOne((request) => request.method === 'POST');
    expect(restore.request.body).toEqual({
      locationId: MIRAFLORES.id,
      weekday: 1,
      start: '09:00',
      end: '13:00',
      validFrom: '2026-01-05',
      validTo: null,
    });
    restore.flush({ ...restore.request.body, id: 'aaaaaaaa-0000-4000-8000-00000000000b' });
    await settle(fixture);

    const said =
      'Se cruza con el horario de 14:00 a 18:00 que el médico ya tiene los jueves en Sede San Isidro.';
    expect(errorOf(4, 0, 'start')).toBe(said);
    expect(element().querySelector('[data-testid="hours-error"]')?.textContent).toContain(said);
    // The form keeps what the user typed, to fix and save again.
    expect(rangeText(1)).toEqual(['09:00-12:00', '14:00-19:00']);
    expect(changed).not.toHaveBeenCalled();
  });

  it('only lists the hours to a role that cannot change them', async () => {
    await render();
    fixture.componentRef.setInput('canEdit', false);
    await settle(fixture);
    expect(element().querySelector('form')).toBeNull();
    expect(element().querySelector('[data-testid="add-range"]')).toBeNull();
    expect(element().querySelector('[data-testid="weekly-hours"]')?.textContent).toContain(
      '09:00–13:00 · 14:00–19:00',
    );
  });
});
