import type { Http } from './http';

export interface TestClinic {
  specialtyId: string;
  locationId: string;
  treatmentId: string;
  doctorId: string;
  patientIds: string[];
}

/**
 * A small clinic for scheduling tests: one specialty, location and 30-minute treatment, the demo
 * doctor working 08:00–20:00 every day there from 2026, and three patients.
 */
export async function setUpClinic(admin: Http, receptionist: Http, timeZone?: string): Promise<TestClinic> {
  if (timeZone) await admin.put('/api/v1/settings', { timeZone });
  const specialtyId = (await admin.post('/api/v1/specialties', { name: 'Odontología' })).body.id;
  const locationId = (await admin.post('/api/v1/locations', { name: 'Miraflores', address: 'Av. Larco 1' }))
    .body.id;
  const treatmentId = (
    await admin.post('/api/v1/treatments', {
      name: 'Consulta',
      specialtyId,
      durationMinutes: 30,
      price: '80.00',
    })
  ).body.id;
  const userId = (await admin.get('/api/v1/users?role=doctor')).body.items[0].id;
  const doctorId = (
    await admin.post('/api/v1/doctors', {
      userId,
      licenseNumber: 'COP-1',
      specialtyIds: [specialtyId],
      locationIds: [locationId],
      color: '#1e88e5',
    })
  ).body.id;
  for (let weekday = 1; weekday <= 7; weekday++) {
    const response = await admin.post(`/api/v1/doctors/${doctorId}/schedule/hours`, {
      locationId,
      weekday,
      start: '08:00',
      end: '20:00',
      validFrom: '2026-01-01',
    });
    if (response.status !== 201) throw new Error(response.text);
  }
  const patientIds: string[] = [];
  for (let index = 0; index < 3; index++) {
    const patient = await receptionist.post('/api/v1/patients', {
      firstNames: `Paciente ${index}`,
      lastNames: 'Prueba',
    });
    patientIds.push(patient.body.id);
  }
  return { specialtyId, locationId, treatmentId, doctorId, patientIds };
}
