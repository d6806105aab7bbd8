import type { FeatureTexts } from '../src/lib/i18n/i18n';

/** The `{placeholders}` of a text, sorted. */
function placeholders(text: string): string[] {
  return (text.match(/\{\w+\}/g) ?? []).sort();
}

/**
 * Checks that every other language of a feature has exactly its Spanish keys, each with a text and
 * the same placeholders (the types check the keys of `en.ts`; this also checks what they say).
 */
export async function expectCompleteTranslations(texts: FeatureTexts): Promise<void> {
  for (const [language, load] of Object.entries(texts.load)) {
    const translated = await load();
    expect(Object.keys(translated).sort(), language).toEqual(Object.keys(texts.es).sort());
    for (const [key, spanish] of Object.entries(texts.es)) {
      expect(translated[key], `${language} ${key}`).toBeTruthy();
      expect(placeholders(translated[key]), `${language} ${key}`).toEqual(placeholders(spanish));
    }
  }
}
