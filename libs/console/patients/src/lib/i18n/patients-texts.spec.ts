import { expectCompleteTranslations } from '@consultorio/console/core/testing';
import { PATIENTS_TEXTS } from './patients-texts';

describe('PATIENTS_TEXTS', () => {
  it('has every Spanish text in English too, with the same placeholders', async () => {
    await expectCompleteTranslations(PATIENTS_TEXTS);
  });
});
