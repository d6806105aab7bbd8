import { mapPostgresError } from './postgres-errors';

describe('mapPostgresError', () => {
  it('unique violations are 409 naming the field', () => {
    expect(
      mapPostgresError({
        code: '23505',
        constraint: 'uq_users_email',
        detail: 'Key (email)=(a@b.c) already exists.',
      }),
    ).toMatchObject({
      status: 409,
      errors: [{ field: 'email', code: 'unique' }],
    });
    expect(
      mapPostgresError({
        code: '23505',
        detail: 'Key (lower(full_name), document_type)=(x, y) already exists.',
      })?.errors?.map((e) => e.field),
    ).toEqual(['fullName', 'documentType']);
  });

  it('exclusion and foreign key violations are 409, checks 422, bad values 400', () => {
    expect(mapPostgresError({ code: '23P01', constraint: 'ex_appointments_doctor' })?.status).toBe(409);
    expect(
      mapPostgresError({ code: '23503', detail: 'Key (id)=(1) is still referenced from table "x".' })?.detail,
    ).toMatch(/in use/);
    expect(mapPostgresError({ code: '23514', constraint: 'ck_users_role' })?.status).toBe(422);
    expect(mapPostgresError({ code: '22P02' })?.status).toBe(400);
  });

  it('leaves server-side failures alone', () => {
    expect(mapPostgresError({ code: '53300' })).toBeNull();
    expect(mapPostgresError({})).toBeNull();
  });
});

describe('describeConstraints', () => {
  it('explains a registered constraint in the client’s terms', async () => {
    const { describeConstraints } = await import('./postgres-errors');
    describeConstraints({ ex_test_overlap: 'The range overlaps another one.' });
    expect(mapPostgresError({ code: '23P01', constraint: 'ex_test_overlap' })).toMatchObject({
      status: 409,
      detail: 'The range overlaps another one.',
    });
    expect(mapPostgresError({ code: '23P01', constraint: 'ex_other' })?.detail).toMatch(/ex_other/);
  });
});
