import { HttpTestingController } from '@angular/common/http/testing';
import { RouterTestingHarness } from '@angular/router/testing';
import { setUpConsoleTest, settle } from '@consultorio/console/core/testing';
import { ForgotPasswordPageComponent } from './forgot-password-page.component';

describe('ForgotPasswordPageComponent', () => {
  let harness: RouterTestingHarness;
  let backend: HttpTestingController;

  beforeEach(async () => {
    backend = setUpConsoleTest({
      routes: [{ path: 'forgot-password', component: ForgotPasswordPageComponent }],
    });
    harness = await RouterTestingHarness.create('/forgot-password');
  });

  afterEach(() => backend.verify());

  const page = () => harness.fixture.nativeElement as HTMLElement;

  async function submit(email: string): Promise<void> {
    const input = page().querySelector('[data-testid="reset-email-input"]') as HTMLInputElement;
    input.value = email;
    input.dispatchEvent(new Event('input'));
    page().querySelector('form')!.dispatchEvent(new Event('submit'));
    await harness.fixture.whenStable();
  }

  it('checks the address with the API’s rules before sending it', async () => {
    await submit('');
    expect(page().querySelector('mat-error')?.textContent).toContain('Este campo es obligatorio.');
    await submit('no-es-un-correo');
    backend.expectNone('/api/v1/auth/password-reset');
    expect(page().querySelector('mat-error')?.textContent).toContain('Escribe un correo válido');
  });

  it('sends the trimmed address, then says only that a link is on its way if the address is registered', async () => {
    await submit('  rocio@clinica.pe ');
    const request = backend.expectOne('/api/v1/auth/password-reset');
    expect(request.request.body).toEqual({ email: 'rocio@clinica.pe' });
    expect(request.request.headers.has('Authorization')).toBe(false);
    request.flush(
      { message: 'If the address belongs to an active account…', expiresInMinutes: 60 },
      {
        status: 202,
        statusText: 'Accepted',
      },
    );
    await settle(harness.fixture);

    expect(page().querySelector('[data-testid="reset-requested"]')?.textContent).toContain(
      'Si la dirección está registrada, recibirás un correo con un enlace para elegir una nueva contraseña. El enlace vale por 60 minutos',
    );
    expect(page().querySelector('form')).toBeNull();
  });

  it('asks to wait when the server throttles the requests', async () => {
    await submit('rocio@clinica.pe');
    backend
      .expectOne('/api/v1/auth/password-reset')
      .flush(
        { title: 'Too Many Requests', status: 429 },
        { status: 429, statusText: 'Too Many Requests', headers: { 'Retry-After': '30' } },
      );
    await settle(harness.fixture);

    expect(page().querySelector('[data-testid="reset-request-error"]')?.textContent).toContain('30 s');
    expect(page().querySelector('form')).not.toBeNull();
  });
});
