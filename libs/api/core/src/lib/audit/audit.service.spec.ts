import { diffChanges } from './audit.service';

describe('diffChanges', () => {
  const before = {
    name: 'Ana',
    phone: null as string | null,
    passwordHash: 'h1',
    at: new Date('2026-01-01T00:00:00Z'),
  };

  it('lists only the fields that changed, with before and after', () => {
    const after = { ...before, name: 'Ana María', at: new Date('2026-01-01T00:00:00Z') };
    expect(diffChanges(before, after, ['name', 'phone', 'at'])).toEqual({
      name: { before: 'Ana', after: 'Ana María' },
    });
  });

  it('masks secrets and describes creates and deletes', () => {
    expect(diffChanges(null, before, ['name', 'passwordHash'])).toEqual({
      name: { before: null, after: 'Ana' },
      passwordHash: { before: null, after: '***' },
    });
    expect(diffChanges(before, { ...before, passwordHash: 'h2' }, ['passwordHash'])).toEqual({
      passwordHash: { before: '***', after: '***' },
    });
    expect(diffChanges(before, null, ['name'])).toEqual({ name: { before: 'Ana', after: null } });
  });
});
