import {
  DOCUMENT,
  Injectable,
  computed,
  inject,
  provideEnvironmentInitializer,
  signal,
  type EnvironmentProviders,
} from '@angular/core';
import { DEFAULT_LANGUAGE, Language, Role, type PermissionDto } from '@consultorio/shared/contracts';
import { BrowserStorage, STORAGE_KEYS } from '../browser/browser-storage';
import { ES, ES_PERMISSIONS, type TranslationKey as CoreTranslationKey } from './translations/es';

/**
 * Keys of lazily loaded features. A feature adds its own by augmenting this interface
 * (`declare module '@consultorio/console/core' { interface FeatureTranslationKeys extends … }`),
 * so its templates are checked against its texts like the core's.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-interface, @typescript-eslint/no-empty-object-type
export interface FeatureTranslationKeys {}

/** Every key the `t` pipe accepts: the console's own and those of its features. */
export type TranslationKey = CoreTranslationKey | keyof FeatureTranslationKeys;

/** Texts a lazily loaded feature brings: Spanish with its code, other languages on demand. */
export interface FeatureTexts {
  /** A name for the feature, so registering it twice is harmless. */
  readonly feature: string;
  readonly es: Readonly<Record<string, string>>;
  readonly load: Readonly<
    Record<Exclude<Language, Language.Es>, () => Promise<Readonly<Record<string, string>>>>
  >;
}

/**
 * Registers a feature's texts when its routes load (`providers: [provideFeatureTexts(…)]`), so
 * they download with the feature and not with the first page.
 */
export function provideFeatureTexts(texts: FeatureTexts): EnvironmentProviders {
  return provideEnvironmentInitializer(() => inject(I18n).register(texts));
}

/** Values interpolated into `{name}` placeholders. */
export type TranslationParams = Readonly<Record<string, string | number>>;

/** Every text of one language: the console's keys and the API's permission keys. */
interface Texts {
  readonly texts: Readonly<Record<CoreTranslationKey, string>>;
  readonly permissions: Readonly<Record<string, string>>;
}

const SPANISH: Texts = { texts: ES, permissions: ES_PERMISSIONS };

/**
 * Spanish, the default, is part of the first download; other languages are fetched the first time
 * they are chosen, so a clinic that works in Spanish never downloads them.
 */
const LOADERS: Readonly<Record<Language, () => Promise<Texts>>> = {
  [Language.Es]: () => Promise.resolve(SPANISH),
  [Language.En]: () =>
    import('./translations/en').then((module) => ({ texts: module.EN, permissions: module.EN_PERMISSIONS })),
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
  private readonly languageSignal = signal<Language>(DEFAULT_LANGUAGE);
  private readonly loaded = signal<Partial<Record<Language, Texts>>>({ [Language.Es]: SPANISH });
  private readonly features = new Map<string, FeatureTexts>();
  /** Feature texts per language, merged, as far as they are loaded. */
  private readonly featureTexts = signal<Partial<Record<Language, Readonly<Record<string, string>>>>>({});
  /** Counts language changes, so that only the latest one takes effect when loads overlap. */
  private changes = 0;

  /** Every language the console speaks, in menu order. */
  readonly languages: readonly Language[] = [Language.Es, Language.En];
  readonly language = this.languageSignal.asReadonly();
  /** Locale for `Intl` formatting in the current language. */
  readonly locale = computed(() => LOCALES[this.language()]);
  /** Settles once the language remembered by the browser is in use (the console waits for it to render). */
  readonly ready: Promise<void>;

  constructor() {
    this.document.documentElement.lang = this.language();
    const stored = this.storedLanguage();
    this.ready = stored && stored !== DEFAULT_LANGUAGE ? this.use(stored) : Promise.resolve();
  }

  /**
   * Switches the language of the whole console, once its texts are in, and remembers it.
   * Resolves when the switch is done (at once for a language already loaded); never rejects.
   */
  async use(language: Language): Promise<void> {
    if (!this.languages.includes(language)) return;
    const change = ++this.changes;
    if (!this.loaded()[language]) {
      // A failed download (offline, a stale deployment) leaves the console in its current language.
      const texts = await LOADERS[language]().catch(() => null);
      if (!texts) return;
      this.loaded.update((loaded) => ({ ...loaded, [language]: texts }));
    }
    await Promise.all([...this.features.values()].map((feature) => this.loadFeature(feature, language)));
    if (change !== this.changes) return;
    this.languageSignal.set(language);
    this.storage.set(STORAGE_KEYS.language, language);
    this.document.documentElement.lang = language;
  }

  /**
   * Adds a feature's texts (Spanish at once; the current language too when it is another one, so
   * the feature may briefly show Spanish while they arrive).
   */
  register(texts: FeatureTexts): void {
    if (this.features.has(texts.feature)) return;
    this.features.set(texts.feature, texts);
    this.featureTexts.update((all) => ({ ...all, [Language.Es]: { ...all[Language.Es], ...texts.es } }));
    if (this.language() !== Language.Es) void this.loadFeature(texts, this.language());
  }

  /** The text of `key` in the current language, with `{placeholders}` filled from `params`. */
  t(key: TranslationKey, params?: TranslationParams): string {
    const language = this.language();
    const core = this.current().texts as Readonly<Record<string, string>>;
    const text =
      core[key] ?? this.featureTexts()[language]?.[key] ?? this.featureTexts()[Language.Es]?.[key] ?? key;
    if (!params) return text;
    return text.replace(/\{(\w+)\}/g, (match, name: string) =>
      name in params ? String(params[name]) : match,
    );
  }

  /** A permission served by `GET /roles`, in the current language (its English description when the key is new). */
  permission(permission: PermissionDto): string {
    return this.current().permissions[permission.key] ?? permission.description;
  }

  /** The name of a role in the current language. */
  role(role: Role): string {
    return this.t(ROLE_KEYS[role]);
  }

  private async loadFeature(feature: FeatureTexts, language: Language): Promise<void> {
    // Spanish is merged at once, so the feature's first render already has its texts.
    const texts = language === Language.Es ? feature.es : await feature.load[language]().catch(() => null);
    if (!texts) return;
    this.featureTexts.update((all) => ({ ...all, [language]: { ...all[language], ...texts } }));
  }

  private current(): Texts {
    return this.loaded()[this.language()] ?? SPANISH;
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
