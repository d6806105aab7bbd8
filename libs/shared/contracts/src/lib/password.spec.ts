import { passwordProblems } from './password';

describe('passwordProblems', () => {
  it('accepts 10+ characters that are not the identity', () => {
    expect(passwordProblems('0123456789', { email: 'ana@clinic.pe' })).toEqual([]);
  });

  it('refuses fewer than 10 characters and more than 128', () => {
    expect(passwordProblems('123456789')).toEqual(['tooShort']);
    expect(passwordProblems('x'.repeat(129))).toEqual(['tooLong']);
  });

  it('refuses the e-mail or the username, whatever the case and surrounding spaces', () => {
    expect(passwordProblems(' Ana.Torres@Clinic.pe ', { email: 'ana.torres@clinic.pe' })).toEqual([
      'sameAsIdentity',
    ]);
    expect(passwordProblems('ANA.TORRES.123', { username: 'ana.torres.123' })).toEqual(['sameAsIdentity']);
  });
});
