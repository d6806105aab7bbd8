import { expectCompleteTranslations } from '@consultorio/console/core/testing';
import { USERS_TEXTS } from './users-texts';

describe('USERS_TEXTS', () => {
  it('has every Spanish text in English too, with the same placeholders', async () => {
    await expectCompleteTranslations(USERS_TEXTS);
  });
});
