import { ChangeDetectionStrategy, Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { setUpConsoleTest } from '@consultorio/console/core/testing';
import { PasswordToggleComponent } from './password-toggle.component';

@Component({
  imports: [PasswordToggleComponent],
  template: `
    <input aria-label="Contraseña" [type]="toggle.inputType()" />
    <cs-password-toggle #toggle />
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
class PasswordFieldStub {}

describe('PasswordToggleComponent', () => {
  it('shows and hides the field’s password, saying which it will do', async () => {
    setUpConsoleTest();
    const fixture = TestBed.createComponent(PasswordFieldStub);
    await fixture.whenStable();
    const input = fixture.nativeElement.querySelector('input') as HTMLInputElement;
    const button = fixture.nativeElement.querySelector('button') as HTMLButtonElement;

    expect(input.type).toBe('password');
    expect(button.getAttribute('aria-label')).toBe('Mostrar contraseña');
    expect(button.getAttribute('aria-pressed')).toBe('false');

    button.click();
    await fixture.whenStable();
    expect(input.type).toBe('text');
    expect(button.getAttribute('aria-label')).toBe('Ocultar contraseña');
    expect(button.getAttribute('aria-pressed')).toBe('true');
    expect(button.type).toBe('button');
  });
});
