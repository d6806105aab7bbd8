import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expectProblem, Http } from './support/http';
import { setUpClinic, type TestClinic } from './support/clinic';
import { startTestApp, type TestApp } from './support/test-app';

const at = (localTime: string, date = '2027-03-01') => `${date}T${localTime}:00-05:00`;

describe('invoices', () => {
  let api: TestApp;
  let admin: Http;
  let receptionist: Http;
  let doctor: Http;
  let clinic: TestClinic;
  let patientId: string;

  /** A draft with one free line, issued at once when asked. */
  async function invoice(lines: object[], issue = true) {
    const draft = await receptionist.post('/api/v1/invoices', {
      patientId,
      locationId: clinic.locationId,
      items: lines,
    });
    expect(draft.status).toBe(201);
    if (!issue) return draft.body;
    const issued = await receptionist.post(`/api/v1/invoices/${draft.body.id}/issue`);
    expect(issued.status).toBe(200);
    return issued.body;
  }

  const line = (unitPrice: string, extra: object = {}) => ({
    kind: 'free',
    description: 'Limpieza dental',
    quantity: '1',
    unitPrice,
    ...extra,
  });

  let receptionistToken: string;

  function fetchPdf(id: string) {
    return fetch(`${api.baseUrl}/api/v1/invoices/${id}/pdf`, {
      headers: { authorization: `Bearer ${receptionistToken}` },
    });
  }

  /** The PDF's text as poppler reads it. */
  function pdfText(bytes: Buffer): string {
    const folder = mkdtempSync(join(tmpdir(), 'invoice-'));
    try {
      writeFileSync(join(folder, 'invoice.pdf'), bytes);
      return execFileSync('pdftotext', ['-layout', join(folder, 'invoice.pdf'), '-'], { encoding: 'utf8' });
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  }

  beforeAll(async () => {
    api = await startTestApp();
    const http = new Http(api.baseUrl);
    admin = await http.loggedIn('admin');
    receptionistToken = (await http.login('receptionist')).access_token;
    receptionist = http.as(receptionistToken);
    doctor = await http.loggedIn('doctor');
    clinic = await setUpClinic(admin, receptionist);
    patientId = clinic.patientIds[0];
  });
  afterAll(() => api.close());

  it('prices lines server-side in soles with IGV included, discounts and half-up rounding', async () => {
    const draft = await invoice(
      [
        line('150'),
        line('45.90', { quantity: '2', discount: '5' }),
        line('30', { description: 'Certificado', taxRate: '0' }),
        line('10.25', { quantity: '2.5', description: 'Hilo dental' }),
      ],
      false,
    );
    expect(draft).toMatchObject({
      status: 'draft',
      number: null,
      code: null,
      currency: 'PEN',
      pricesIncludeTax: true,
    });
    expect(draft.items.map((item: { total: string }) => item.total)).toEqual([
      '150.00',
      '86.80',
      '30.00',
      '25.63',
    ]);
    expect(draft.items[0]).toMatchObject({ net: '127.12', tax: '22.88', taxRate: '0.18', quantity: '1' });
    expect(draft).toMatchObject({
      gross: '297.43',
      discount: '5.00',
      net: '252.40',
      tax: '40.03',
      total: '292.43',
      balance: '292.43',
    });
    const [stored] = await api.sql<{ total: string; tax: string }>(
      `SELECT total, tax FROM invoices WHERE id = $1`,
      [draft.id],
    );
    expect(stored).toEqual({ total: '292.43', tax: '40.03' });
  });

  it('adds tax on top when prices exclude it, and keeps Chilean pesos whole', async () => {
    await admin.put('/api/v1/settings', { currency: 'CLP', taxRate: '0.19', pricesIncludeTax: false });
    try {
      const draft = await invoice(
        [line('1990', { quantity: '3', discount: '970' }), line('999', { quantity: '1.5' })],
        false,
      );
      expect(draft).toMatchObject({ currency: 'CLP', pricesIncludeTax: false });
      expect(
        draft.items.map((item: { net: string; tax: string; total: string }) => [
          item.net,
          item.tax,
          item.total,
        ]),
      ).toEqual([
        ['5000', '950', '5950'],
        ['1499', '285', '1784'],
      ]);
      expect(draft).toMatchObject({ net: '6499', tax: '1235', total: '7734' });

      const cents = await receptionist.post('/api/v1/invoices', {
        patientId,
        locationId: clinic.locationId,
        items: [line('1000.50')],
      });
      expect(expectProblem(cents, 422).errors).toEqual([
        { field: 'items.0.unitPrice', code: 'invalid', message: 'unitPrice must have no decimals in CLP' },
      ]);
    } finally {
      await admin.put('/api/v1/settings', { currency: 'PEN', taxRate: '0.18', pricesIncludeTax: true });
    }
  });

  it('names every bad line field and refuses unknown catalog entries', async () => {
    const response = await receptionist.post('/api/v1/invoices', {
      patientId,
      locationId: clinic.locationId,
      items: [
        { kind: 'treatment', treatmentId: '7b0c1c2e-1d7e-4c8e-9a55-0d6f9a1e2b3c', quantity: '1' },
        line('10', { discount: '10.01' }),
        { kind: 'free', quantity: '0' },
      ],
    });
    const fields = [...new Set(expectProblem(response, 400).errors?.map((error) => error.field))];
    expect(fields).toEqual(['items.2.description', 'items.2.unitPrice']);

    const business = await receptionist.post('/api/v1/invoices', {
      patientId,
      locationId: clinic.locationId,
      items: [
        { kind: 'treatment', treatmentId: '7b0c1c2e-1d7e-4c8e-9a55-0d6f9a1e2b3c', quantity: '1' },
        line('10', { discount: '10.01' }),
      ],
    });
    expect(expectProblem(business, 422).errors?.map((error) => error.field)).toEqual([
      'items.0.treatmentId',
      'items.1.discount',
    ]);
  });

  it('drafts the invoice of a completed appointment from its treatment, once', async () => {
    const booked = await receptionist.post('/api/v1/appointments', {
      patientId,
      doctorId: clinic.doctorId,
      locationId: clinic.locationId,
      treatmentId: clinic.treatmentId,
      start: at('10:00'),
    });
    for (const status of ['checked_in', 'completed']) {
      expect(
        (await receptionist.patch(`/api/v1/appointments/${booked.body.id}/status`, { status })).status,
      ).toBe(200);
    }
    const draft = await receptionist.post('/api/v1/invoices', { patientId, appointmentId: booked.body.id });
    expect(draft.status).toBe(201);
    expect(draft.body).toMatchObject({
      appointmentId: booked.body.id,
      doctorId: clinic.doctorId,
      locationId: clinic.locationId,
      total: '80.00',
      doctorName: expect.any(String),
      patientName: 'Paciente 0 Prueba',
    });
    expect(draft.body.items).toEqual([
      expect.objectContaining({
        kind: 'treatment',
        treatmentId: clinic.treatmentId,
        description: 'Consulta',
        unitPrice: '80.00',
      }),
    ]);
    const again = await receptionist.post('/api/v1/invoices', { patientId, appointmentId: booked.body.id });
    expect(expectProblem(again, 409).detail).toContain('already billed');
    const otherPatient = await receptionist.post('/api/v1/invoices', {
      patientId: clinic.patientIds[1],
      appointmentId: booked.body.id,
    });
    expectProblem(otherPatient, 422);
  });

  it('edits and deletes drafts, and never changes or deletes an issued invoice', async () => {
    const draft = await invoice([line('100')], false);
    const edited = await receptionist.put(`/api/v1/invoices/${draft.id}`, {
      items: [line('120'), line('30')],
      notes: 'Dos piezas',
    });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ total: '150.00', notes: 'Dos piezas' });
    expect(edited.body.items).toHaveLength(2);

    const issued = await receptionist.post(`/api/v1/invoices/${draft.id}/issue`);
    expect(issued.body).toMatchObject({ status: 'issued', code: expect.stringMatching(/^F001-\d{8}$/) });
    expectProblem(await receptionist.put(`/api/v1/invoices/${draft.id}`, { notes: 'otra' }), 422);
    expectProblem(await receptionist.request('DELETE', `/api/v1/invoices/${draft.id}`), 422);
    expectProblem(await receptionist.post(`/api/v1/invoices/${draft.id}/issue`), 422);
    // The database itself keeps issued documents, whatever the code does.
    await expect(
      api.sql(`UPDATE invoices SET total = 1, net = 1, tax = 0 WHERE id = $1`, [draft.id]),
    ).rejects.toThrow(/cannot be changed/);
    await expect(api.sql(`DELETE FROM invoices WHERE id = $1`, [draft.id])).rejects.toThrow(
      /cannot be deleted/,
    );
    await expect(api.sql(`DELETE FROM invoice_items WHERE invoice_id = $1`, [draft.id])).rejects.toThrow(
      /cannot be changed/,
    );

    const other = await invoice([line('10')], false);
    expect((await receptionist.request('DELETE', `/api/v1/invoices/${other.id}`)).status).toBe(204);
    expectProblem(await receptionist.get(`/api/v1/invoices/${other.id}`), 404);
    expectProblem(await receptionist.post(`/api/v1/invoices/${(await invoice([], false)).id}/issue`), 422);
  });

  it('numbers 20 concurrent issues 1 to 20 of the series apart: distinct and consecutive', async () => {
    const [{ next_number: start }] = await api.sql<{ next_number: number }>(
      `SELECT next_number FROM invoice_series WHERE code = 'F001'`,
    );
    const drafts = await Promise.all(Array.from({ length: 20 }, () => invoice([line('10')], false)));
    const issued = await Promise.all(
      drafts.map((draft) => receptionist.post(`/api/v1/invoices/${draft.id}/issue`)),
    );
    expect(issued.map((response) => response.status)).toEqual(Array(20).fill(200));
    const numbers = issued.map((response) => response.body.number as number).sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: 20 }, (_, index) => start + index));
    const [{ next_number: after }] = await api.sql<{ next_number: number }>(
      `SELECT next_number FROM invoice_series WHERE code = 'F001'`,
    );
    expect(after).toBe(start + 20);
  });

  it('takes partial payments to paid, writes each one to the cash register, and refuses overpayment', async () => {
    const issued = await invoice([line('100.50')]);
    expectProblem(
      await receptionist.post(`/api/v1/invoices/${(await invoice([line('5')], false)).id}/payments`, {
        amount: '1',
        method: 'cash',
      }),
      422,
    );

    const first = await receptionist.post(`/api/v1/invoices/${issued.id}/payments`, {
      amount: '40.50',
      method: 'cash',
    });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ amount: '40.50', method: 'cash', receivedByName: expect.any(String) });
    let current = (await receptionist.get(`/api/v1/invoices/${issued.id}`)).body;
    expect(current).toMatchObject({ status: 'partially_paid', paid: '40.50', balance: '60.00' });

    const over = await receptionist.post(`/api/v1/invoices/${issued.id}/payments`, {
      amount: '60.01',
      method: 'card',
    });
    expect(expectProblem(over, 422)).toMatchObject({ type: 'urn:consultorio:problem:overpayment' });
    expectProblem(
      await receptionist.post(`/api/v1/invoices/${issued.id}/payments`, { amount: '1.001', method: 'card' }),
      422,
    );
    expectProblem(
      await receptionist.post(`/api/v1/invoices/${issued.id}/payments`, { amount: '10', method: 'bitcoin' }),
      400,
    );

    const second = await receptionist.post(`/api/v1/invoices/${issued.id}/payments`, {
      amount: '60.00',
      method: 'yape_plin',
      reference: 'OP-123',
    });
    expect(second.status).toBe(201);
    current = (await receptionist.get(`/api/v1/invoices/${issued.id}`)).body;
    expect(current).toMatchObject({ status: 'paid', paid: '100.50', balance: '0.00' });
    expect(current.payments.map((payment: { amount: string }) => payment.amount)).toEqual(['40.50', '60.00']);
    expect(
      expectProblem(
        await receptionist.post(`/api/v1/invoices/${issued.id}/payments`, { amount: '1', method: 'cash' }),
        422,
      ).detail,
    ).toContain('already paid');

    const entries = await api.sql<{
      type: string;
      amount: string;
      method: string;
      invoice_id: string;
      concept: string;
    }>(
      `SELECT t.type, t.amount, t.method, t.invoice_id, t.concept FROM cash_transactions t
       JOIN payments p ON p.transaction_id = t.id WHERE p.invoice_id = $1 ORDER BY t.amount`,
      [issued.id],
    );
    expect(entries).toEqual([
      {
        type: 'income',
        amount: '40.50',
        method: 'cash',
        invoice_id: issued.id,
        concept: `Pago ${issued.code}`,
      },
      {
        type: 'income',
        amount: '60.00',
        method: 'yape_plin',
        invoice_id: issued.id,
        concept: `Pago ${issued.code}`,
      },
    ]);
    // Even a direct write cannot overpay.
    await expect(api.sql(`UPDATE invoices SET paid = total + 1 WHERE id = $1`, [issued.id])).rejects.toThrow(
      /ck_invoices_overpaid|ck_invoices_status_amounts/,
    );
  });

  it('pays concurrently without ever exceeding the total', async () => {
    const issued = await invoice([line('100')]);
    const attempts = await Promise.all(
      Array.from({ length: 8 }, () =>
        receptionist.post(`/api/v1/invoices/${issued.id}/payments`, { amount: '30', method: 'cash' }),
      ),
    );
    expect(attempts.filter((response) => response.status === 201)).toHaveLength(3);
    expect(attempts.filter((response) => response.status === 422)).toHaveLength(5);
    const current = (await receptionist.get(`/api/v1/invoices/${issued.id}`)).body;
    expect(current).toMatchObject({ paid: '90.00', balance: '10.00', status: 'partially_paid' });
  });

  it('voids an unpaid invoice with a reason, keeping its number and history; admins only', async () => {
    const issued = await invoice([line('70')]);
    expectProblem(await receptionist.post(`/api/v1/invoices/${issued.id}/void`, { reason: 'Error' }), 403);
    expectProblem(await admin.post(`/api/v1/invoices/${issued.id}/void`, {}), 400);
    const voided = await admin.post(`/api/v1/invoices/${issued.id}/void`, {
      reason: 'Datos del paciente errados',
    });
    expect(voided.status).toBe(200);
    expect(voided.body).toMatchObject({
      status: 'void',
      code: issued.code,
      number: issued.number,
      voidReason: 'Datos del paciente errados',
      voidedAt: expect.any(String),
      total: '70.00',
    });
    expectProblem(await admin.post(`/api/v1/invoices/${issued.id}/void`, { reason: 'otra vez' }), 422);
    expectProblem(
      await receptionist.post(`/api/v1/invoices/${issued.id}/payments`, { amount: '1', method: 'cash' }),
      422,
    );
    const listed = (await receptionist.get(`/api/v1/invoices/status/void`)).body.items.map(
      (item: { id: string }) => item.id,
    );
    expect(listed).toContain(issued.id);
    const trail = await api.sql<{ changes: Record<string, { after: unknown }> }>(
      `SELECT changes FROM audit_log WHERE entity = 'invoice' AND entity_id = $1 ORDER BY at`,
      [issued.id],
    );
    expect(trail.map((entry) => Object.keys(entry.changes).sort())).toEqual([
      ['appointmentId', 'items', 'patientId', 'total'],
      ['number', 'status'],
      ['status', 'voidReason'],
    ]);

    const paid = await invoice([line('20')]);
    await receptionist.post(`/api/v1/invoices/${paid.id}/payments`, { amount: '5', method: 'cash' });
    expect(
      expectProblem(await admin.post(`/api/v1/invoices/${paid.id}/void`, { reason: 'x' }), 422).detail,
    ).toContain('credit note');
  });

  it('credits an invoice with a credit note, refunding what was paid beyond the new total', async () => {
    const issued = await invoice([line('100'), line('50', { description: 'Radiografía' })]);
    await receptionist.post(`/api/v1/invoices/${issued.id}/payments`, { amount: '150', method: 'card' });

    const partial = await receptionist.post(`/api/v1/invoices/${issued.id}/credit-notes`, {
      reason: 'Radiografía no realizada',
      items: [line('50', { description: 'Radiografía' })],
    });
    expect(expectProblem(partial, 422).errors?.[0].field).toBe('refundMethod');

    const note = await receptionist.post(`/api/v1/invoices/${issued.id}/credit-notes`, {
      reason: 'Radiografía no realizada',
      items: [line('50', { description: 'Radiografía' })],
      refundMethod: 'cash',
    });
    expect(note.status).toBe(201);
    expect(note.body).toMatchObject({
      kind: 'credit_note',
      status: 'issued',
      code: expect.stringMatching(/^NC01-\d{8}$/),
      creditOfId: issued.id,
      creditOfCode: issued.code,
      total: '50.00',
    });
    const corrected = (await receptionist.get(`/api/v1/invoices/${issued.id}`)).body;
    expect(corrected).toMatchObject({ status: 'paid', credited: '50.00', paid: '100.00', balance: '0.00' });
    expect(corrected.payments.map((payment: { amount: string }) => payment.amount)).toEqual([
      '150.00',
      '-50.00',
    ]);
    expect(corrected.creditNotes).toEqual([expect.objectContaining({ id: note.body.id })]);
    const [refund] = await api.sql<{ type: string; amount: string }>(
      `SELECT t.type, t.amount FROM payments p JOIN cash_transactions t ON t.id = p.transaction_id
       WHERE p.invoice_id = $1 AND p.amount < 0`,
      [issued.id],
    );
    expect(refund).toEqual({ type: 'expense', amount: '50.00' });

    const tooMuch = await receptionist.post(`/api/v1/invoices/${issued.id}/credit-notes`, {
      reason: 'x',
      items: [line('100.01')],
      refundMethod: 'cash',
    });
    expect(expectProblem(tooMuch, 422).detail).toContain('at most what is not yet credited');
    expectProblem(
      await receptionist.post(`/api/v1/invoices/${issued.id}/credit-notes`, { reason: 'todo' }),
      422,
    );

    // A whole unpaid invoice credited at once: copies its lines, settles it without refund.
    const unpaid = await invoice([line('30')]);
    const whole = await receptionist.post(`/api/v1/invoices/${unpaid.id}/credit-notes`, {
      reason: 'Duplicada',
    });
    expect(whole.body).toMatchObject({
      total: '30.00',
      items: [expect.objectContaining({ description: 'Limpieza dental' })],
    });
    expect((await receptionist.get(`/api/v1/invoices/${unpaid.id}`)).body).toMatchObject({
      status: 'paid',
      balance: '0.00',
    });
  });

  it('lists by status, patient and code, with the patient’s balance', async () => {
    const owed = await invoice([line('55')]);
    const byCode = (await receptionist.get(`/api/v1/invoices?search=${encodeURIComponent(owed.code)}`)).body;
    expect(byCode.items.map((item: { id: string }) => item.id)).toEqual([owed.id]);
    const byShortCode = (await receptionist.get(`/api/v1/invoices?search=F001-${owed.number}`)).body;
    expect(byShortCode.items.map((item: { id: string }) => item.id)).toEqual([owed.id]);
    const byName = (await receptionist.get(`/api/v1/invoices?search=paciente%200&pageSize=100`)).body;
    expect(byName.items.every((item: { patientId: string }) => item.patientId === patientId)).toBe(true);
    const unpaid = (await receptionist.get(`/api/v1/invoices?unpaid=true&pageSize=100`)).body.items;
    expect(
      unpaid.every((item: { status: string }) => ['issued', 'partially_paid'].includes(item.status)),
    ).toBe(true);
    const page = (
      await receptionist.get(`/api/v1/invoices/patient/${patientId}?pageSize=5&page=2&sort=-number`)
    ).body;
    expect(page).toMatchObject({ page: 2, pageSize: 5, total: expect.any(Number) });
    expect(page.items).toHaveLength(5);
    expectProblem(await receptionist.get(`/api/v1/invoices/status/unknown`), 400);
    expectProblem(await receptionist.get(`/api/v1/invoices?sort=password`), 400);

    const balance = (await receptionist.get(`/api/v1/invoices/patient/${patientId}/balance`)).body;
    const [expected] = await api.sql<{ owed: string }>(
      `SELECT sum(total - credited - paid)::text AS owed FROM invoices
       WHERE patient_id = $1 AND kind = 'invoice' AND status NOT IN ('draft', 'void')`,
      [patientId],
    );
    expect(balance).toMatchObject({ patientId, currency: 'PEN', balance: expected.owed });
  });

  it('prints the invoice as a PDF with its code, patient, payments and balance', async () => {
    await admin.put('/api/v1/settings', {
      name: 'Clínica Sonrisa',
      taxId: '20123456789',
      address: 'Av. Larco 1, Lima',
    });
    const issued = await invoice([line('250'), line('45.90', { description: 'Radiografía panorámica' })]);
    await receptionist.post(`/api/v1/invoices/${issued.id}/payments`, {
      amount: '100',
      method: 'card',
      reference: 'V-77',
    });
    expect((await fetch(`${api.baseUrl}/api/v1/invoices/${issued.id}/pdf`)).status).toBe(401);
    const pdf = await receptionist.request('GET', `/api/v1/invoices/${issued.id}/pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(pdf.headers.get('content-disposition')).toContain(`${issued.code}.pdf`);
    const bytes = Buffer.from(await (await fetchPdf(issued.id)).arrayBuffer());
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdfText(bytes);
    expect(text).toContain(issued.code);
    expect(text).toContain('Clínica Sonrisa');
    expect(text).toContain('20123456789');
    expect(text).toContain('Paciente 0 Prueba');
    expect(text).toContain('Radiografía panorámica');
    expect(text).toMatch(/S\/\s*295\.90/);
    expect(text).toMatch(/S\/\s*195\.90/);
    expectProblem(await doctor.get(`/api/v1/invoices/${issued.id}/pdf`), 403);
  });

  it('is for the front desk and admins; doctors get 403', async () => {
    expectProblem(await doctor.get('/api/v1/invoices'), 403);
    expectProblem(await doctor.post('/api/v1/invoices', { patientId, locationId: clinic.locationId }), 403);
    expect(
      (await receptionist.get('/api/v1/invoice-series')).body.map((series: { code: string }) => series.code),
    ).toEqual(['NC01', 'F001']);
    expectProblem(await receptionist.post('/api/v1/invoice-series', { kind: 'invoice', code: 'B001' }), 403);
    const created = await admin.post('/api/v1/invoice-series', {
      kind: 'invoice',
      code: 'b001',
      nextNumber: 500,
    });
    expect(created.body).toMatchObject({ code: 'B001', nextNumber: 500, isDefault: false });
    expectProblem(await admin.post('/api/v1/invoice-series', { kind: 'invoice', code: 'B001' }), 409);
    expectProblem(await admin.patch(`/api/v1/invoice-series/${created.body.id}`, { nextNumber: 10 }), 422);
    const draft = await receptionist.post('/api/v1/invoices', {
      patientId,
      locationId: clinic.locationId,
      seriesId: created.body.id,
      items: [line('9')],
    });
    expect((await receptionist.post(`/api/v1/invoices/${draft.body.id}/issue`)).body.code).toBe(
      'B001-00000500',
    );
  });
});
