import { HttpTestingController, TestRequest } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { I18n } from '@consultorio/console/core';
import { setUpConsoleTest, settle, testUser } from '@consultorio/console/core/testing';
import { Role, type UserDto, type UserPageDto } from '@consultorio/shared/contracts';
import { SEARCH_DEBOUNCE_MS } from '@consultorio/console/ui';
import { UsersPageComponent } from './users-page.component';
import { USERS_TEXTS } from '../i18n/users-texts';

function user(id: string, role: Role, fullName: string): UserDto {
  return testUser({ id, email: `${id}@clinica.pe`, username: id, fullName, role });
}

const SUPERADMIN = user('sofia', Role.Superadmin, 'Sofía Superadmin');
const DOCTOR = user('daniela', Role.Doctor, 'Daniela Núñez');

function page(items: UserDto[], total = items.length): UserPageDto {
  return { items, total, page: 1, pageSize: 20 };
}

describe('UsersPageComponent', () => {
  let fixture: ComponentFixture<UsersPageComponent>;
  let backend: HttpTestingController;

  beforeEach(async () => {
    backend = setUpConsoleTest({ signedInAs: user('andres', Role.Admin, 'Andrés Administrador') });
    TestBed.inject(I18n).register(USERS_TEXTS);
    fixture = TestBed.createComponent(UsersPageComponent);
    await fixture.whenStable();
  });

  afterEach(() => backend.verify());

  function expectList(): TestRequest {
    return backend.expectOne((request) => request.url === '/api/v1/users' && request.method === 'GET');
  }

  async function answer(request: TestRequest, body: UserPageDto): Promise<void> {
    request.flush(body);
    await settle(fixture);
  }

  it('asks for the first page ordered by name and shows the users', async () => {
    const request = expectList();
    expect(request.request.params.toString()).toBe('page=1&pageSize=20&sort=fullName');
    await answer(request, page([DOCTOR, SUPERADMIN]));

    const rows = fixture.nativeElement.querySelectorAll('tr.mat-mdc-row');
    expect(rows.length).toBe(2);
    expect(rows[0].textContent).toContain('Daniela Núñez');
    expect(rows[0].textContent).toContain('Médico');
  });

  it('searches on the server once the user stops typing, from the first page', async () => {
    await answer(expectList(), page([DOCTOR]));

    const search = fixture.nativeElement.querySelector('[data-testid="user-search"]') as HTMLInputElement;
    for (const text of ['D', 'Da', 'Dan']) {
      search.value = text;
      search.dispatchEvent(new Event('input'));
    }
    backend.expectNone((request) => request.url === '/api/v1/users');
    await new Promise((resolve) => setTimeout(resolve, SEARCH_DEBOUNCE_MS + 50));
    await fixture.whenStable();

    const request = expectList();
    expect(request.request.params.get('q')).toBe('Dan');
    expect(request.request.params.get('page')).toBe('1');
    await answer(request, page([DOCTOR]));
  });

  it('sorts on the server by the clicked column, descending on the second click', async () => {
    await answer(expectList(), page([DOCTOR]));
    const header = [...fixture.nativeElement.querySelectorAll('th .mat-sort-header-container')].find(
      (element) => (element as HTMLElement).textContent?.includes('Correo electrónico'),
    ) as HTMLElement;

    header.click();
    await fixture.whenStable();
    let request = expectList();
    expect(request.request.params.get('sort')).toBe('email');
    await answer(request, page([DOCTOR]));

    header.click();
    await fixture.whenStable();
    request = expectList();
    expect(request.request.params.get('sort')).toBe('-email');
    await answer(request, page([DOCTOR]));
  });

  it('deactivates a user only after confirmation', async () => {
    await answer(expectList(), page([DOCTOR]));

    (fixture.nativeElement.querySelector('[data-testid="user-actions"]') as HTMLButtonElement).click();
    await fixture.whenStable();
    (document.querySelector('[data-testid="deactivate-user"]') as HTMLButtonElement).click();
    await fixture.whenStable();
    expect(document.querySelector('cs-confirm-dialog')?.textContent).toContain(
      '¿Desactivar a Daniela Núñez?',
    );
    backend.expectNone(`/api/v1/users/${DOCTOR.id}`);

    (document.querySelector('[data-testid="confirm"]') as HTMLButtonElement).click();
    await settle(fixture);

    const request = backend.expectOne(`/api/v1/users/${DOCTOR.id}`);
    expect(request.request.method).toBe('PATCH');
    expect(request.request.body).toEqual({ active: false });
    request.flush({ ...DOCTOR, active: false });
    await settle(fixture);
    await answer(expectList(), page([{ ...DOCTOR, active: false }]));
  });

  it('does not let an admin edit or deactivate a superadmin', async () => {
    await answer(expectList(), page([SUPERADMIN]));

    (fixture.nativeElement.querySelector('[data-testid="user-actions"]') as HTMLButtonElement).click();
    await fixture.whenStable();
    expect((document.querySelector('[data-testid="edit-user"]') as HTMLButtonElement).disabled).toBe(true);
    expect((document.querySelector('[data-testid="deactivate-user"]') as HTMLButtonElement).disabled).toBe(
      true,
    );
    expect(document.body.textContent).toContain('Solo un superadministrador puede modificar esta cuenta.');
  });
});
