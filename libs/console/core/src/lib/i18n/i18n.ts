import { DOCUMENT, Injectable, computed, inject, signal } from '@angular/core';
import { DEFAULT_LANGUAGE, Language, Role, type PermissionDto } from '@consultorio/shared/contracts';
import { BrowserStorage, STORAGE_KEYS } from '../browser/browser-storage';
import { EN, EN_PERMISSIONS } from './translations/en';
import { ES, ES_PERMISSIONS, type TranslationKey } from './translations/es';

export type { TranslationKey } from './translations/es';

/** Values interpolated into `{name}` placeholders. */
export type TranslationParams = Readonly<Record<string, string | number>>;

const DICTIONARIES: Readonly<Record<Language, Readonly<Record<TranslationKey, string>>>> = {
  [Language.Es]: ES,
  [Language.En]: EN,
};

const PERMISSIONS: Readonly<Record<Language, Readonly<Record<string, string>>>> = {
  [Language.Es]: ES_PERMISSIONS,
  [Language.En]: EN_PERMISSIONS,
};

/** BCP 47 locale used to format dates and numbers in each language (Latin America first). */
const LOCALES: Readonly<Record<Language, string>> = {
  [Language.Es]: 'es-PE',
  [Language.En]: 'en-US',
};

/**
 * The console's language: Spanish by default, English on request, remembered in the browser and
 * applied at once to every template (the `t` pipe reads the `language` signal).
 */
@Injectable({ providedIn: 'root' })
export class I18n {
  private readonly storage = inject(BrowserStorage);
  private readonly document = inject(DOCUMENT);
  private readonly languageSignal = signal<Language>(this.storedLanguage() ?? DEFAULT_LANGUAGE);

  /** Every language the console speaks, in menu order. */
  readonly languages: readonly Language[] = [Language.Es, Language.En];
  readonly language = this.languageSignal.asReadonly();
  /** Locale for `Intl` formatting in the current language. */
  readonly locale = computed(() => LOCALES[this.language()]);

  constructor() {
    this.document.documentElement.lang = this.language();
  }

  /** Switches the language of the whole console and remembers it. */
  use(language: Language): void {
    if (!this.languages.includes(language)) return;
    this.languageSignal.set(language);
    this.storage.set(STORAGE_KEYS.language, language);
    this.document.documentElement.lang = language;
  }

  /** The text of `key` in the current language, with `{placeholders}` filled from `params`. */
  t(key: TranslationKey, params?: TranslationParams): string {
    const text = DICTIONARIES[this.language()][key] ?? key;
    if (!params) return text;
    return text.replace(/\{(\w+)\}/g, (match, name: string) =>
      name in params ? String(params[name]) : match,
    );
  }

  /** A permission served by `GET /roles`, in the current language (its English description when the key is new). */
  permission(permission: PermissionDto): string {
    return PERMISSIONS[this.language()][permission.key] ?? permission.description;
  }

  /** The name of a role in the current language. */
  role(role: Role): string {
    return this.t(ROLE_KEYS[role]);
  }

  private storedLanguage(): Language | null {
    const stored = this.storage.get(STORAGE_KEYS.language);
    return stored === Language.Es || stored === Language.En ? stored : null;
  }
}

/** Translation key of each role's name. */
export const ROLE_KEYS: Readonly<Record<Role, TranslationKey>> = {
  [Role.Superadmin]: 'role.superadmin',
  [Role.Admin]: 'role.admin',
  [Role.Receptionist]: 'role.receptionist',
  [Role.Doctor]: 'role.doctor',
  [Role.Patient]: 'role.patient',
};

/** Translation key of each language's name. */
export const LANGUAGE_KEYS: Readonly<Record<Language, TranslationKey>> = {
  [Language.Es]: 'language.es',
  [Language.En]: 'language.en',
};
