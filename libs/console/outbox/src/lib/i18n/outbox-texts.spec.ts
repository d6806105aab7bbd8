import { expectCompleteTranslations } from '@consultorio/console/core/testing';
import { OUTBOX_TEXTS } from './outbox-texts';

describe('OUTBOX_TEXTS', () => {
  it('has every Spanish text in English too, with the same placeholders', async () => {
    await expectCompleteTranslations(OUTBOX_TEXTS);
  });
});
