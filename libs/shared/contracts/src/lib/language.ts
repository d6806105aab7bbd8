/** Languages the product speaks. Spanish is the default. */
export enum Language {
  Es = 'es',
  En = 'en',
}

export const DEFAULT_LANGUAGE = Language.Es;
