import { expectCompleteTranslations } from '@consultorio/console/core/testing';
import { AGENDA_TEXTS } from './agenda-texts';

describe('AGENDA_TEXTS', () => {
  it('has every Spanish text in English too, with the same placeholders', async () => {
    await expectCompleteTranslations(AGENDA_TEXTS);
  });
});
