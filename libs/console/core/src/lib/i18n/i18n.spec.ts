import { ChangeDetectionStrategy, Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Language, ROLE_DEFINITIONS } from '@consultorio/shared/contracts';
import { STORAGE_KEYS } from '../browser/browser-storage';
import { I18n, type TranslationKey } from './i18n';
import { TranslatePipe } from './translate.pipe';
import { EN } from './translations/en';
import { ES } from './translations/es';

@Component({
  imports: [TranslatePipe],
  template: `<h1>{{ 'login.title' | t }}</h1>
    <p>{{ 'login.tooManyAttempts' | t: { seconds: 30 } }}</p>`,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
class Sample {}

describe('I18n', () => {
  beforeEach(() => {
    localStorage.clear();
    document.documentElement.lang = '';
  });

  it('speaks Spanish by default and marks the document as Spanish', () => {
    const i18n = TestBed.inject(I18n);
    expect(i18n.language()).toBe(Language.Es);
    expect(i18n.t('nav.users')).toBe('Usuarios');
    expect(document.documentElement.lang).toBe('es');
  });

  it('switches every template to English at once, and remembers it', async () => {
    const fixture = TestBed.createComponent(Sample);
    await fixture.whenStable();
    expect(fixture.nativeElement.textContent).toContain('Iniciar sesión');
    expect(fixture.nativeElement.textContent).toContain('Vuelve a intentarlo en 30 s.');

    await TestBed.inject(I18n).use(Language.En);
    await fixture.whenStable();

    expect(fixture.nativeElement.querySelector('h1').textContent).toBe('Sign in');
    expect(fixture.nativeElement.textContent).toContain('Try again in 30 s.');
    expect(document.documentElement.lang).toBe('en');
    expect(localStorage.getItem(STORAGE_KEYS.language)).toBe('en');
  });

  it('starts in the language remembered by the browser, once its texts are in', async () => {
    localStorage.setItem(STORAGE_KEYS.language, 'en');
    const i18n = TestBed.inject(I18n);
    await i18n.ready;
    expect(i18n.language()).toBe(Language.En);
    expect(i18n.t('nav.home')).toBe('Home');
    expect(document.documentElement.lang).toBe('en');
  });

  it('has an English text for every Spanish key and the same placeholders', () => {
    for (const key of Object.keys(ES) as (keyof typeof ES)[]) {
      expect(EN[key], key).toBeTruthy();
      const placeholders = (text: string) => (text.match(/\{\w+\}/g) ?? []).sort();
      expect(placeholders(EN[key]), key).toEqual(placeholders(ES[key]));
    }
  });

  it('translates the permissions of the API by key and shows unknown ones as described', () => {
    const i18n = TestBed.inject(I18n);
    expect(i18n.permission({ key: 'audit.read', description: 'read the audit log' })).toBe(
      'Consultar la auditoría',
    );
    expect(i18n.permission({ key: 'new.thing', description: 'something new' })).toBe('something new');
  });

  it('has a Spanish text for every permission of every role', () => {
    const i18n = TestBed.inject(I18n);
    for (const permission of ROLE_DEFINITIONS.flatMap((definition) => definition.permissions)) {
      expect(i18n.permission(permission), permission.key).not.toBe(permission.description);
    }
  });
});

describe('I18n feature texts', () => {
  beforeEach(() => localStorage.clear());

  it('knows a feature’s Spanish texts once registered, and loads its English on a switch', async () => {
    const i18n = TestBed.inject(I18n);
    const key = 'sample.greeting' as TranslationKey;
    expect(i18n.t(key)).toBe('sample.greeting');
    let loads = 0;
    i18n.register({
      feature: 'sample',
      es: { 'sample.greeting': 'Hola, {name}' },
      load: { [Language.En]: async () => (loads++, { 'sample.greeting': 'Hello, {name}' }) },
    });
    expect(i18n.t(key, { name: 'Ana' })).toBe('Hola, Ana');
    expect(loads).toBe(0);

    await i18n.use(Language.En);
    expect(i18n.t(key, { name: 'Ana' })).toBe('Hello, Ana');
    expect(loads).toBe(1);
  });
});
