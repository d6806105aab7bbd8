import { expectCompleteTranslations } from '@consultorio/console/core/testing';
import { STAFF_TEXTS } from './staff-texts';

describe('STAFF_TEXTS', () => {
  it('has every Spanish text in English too, with the same placeholders', async () => {
    await expectCompleteTranslations(STAFF_TEXTS);
  });
});
