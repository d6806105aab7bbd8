import { expectCompleteTranslations } from '@consultorio/console/core/testing';
import { SETTINGS_TEXTS } from './settings-texts';

describe('SETTINGS_TEXTS', () => {
  it('has every Spanish text in English too, with the same placeholders', async () => {
    await expectCompleteTranslations(SETTINGS_TEXTS);
  });
});
