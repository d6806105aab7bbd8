import {
  AppointmentStatus,
  BookingChannel,
  ResourceType,
  type AppointmentDto,
  type ClinicSettingsDto,
  type DoctorDto,
} from '@consultorio/shared/contracts';
import type { AgendaCatalogData } from './agenda-catalog';

// A small clinic for component tests: one site in Lima, two doctors, a treatment that needs a
// chair and one that does not.

const STAMP = '2026-01-01T00:00:00Z';

export const SETTINGS: ClinicSettingsDto = {
  name: 'Clínica',
  timeZone: 'America/Lima',
  currency: 'PEN',
  locale: 'es-PE',
  taxRate: '0.1800',
  pricesIncludeTax: true,
  slotGranularityMinutes: 15,
  defaultBufferMinutes: 0,
  cancellationPolicyHours: 24,
  reminderOffsetsHours: [24],
  quietHoursStart: '21:00',
  quietHoursEnd: '08:00',
  dailySendCap: null,
  phone: null,
  email: null,
  address: null,
  taxId: null,
  updatedAt: STAMP,
};

export const LOCATION_ID = '11111111-1111-4111-8111-111111111111';
export const SPECIALTY_ID = '22222222-2222-4222-8222-222222222222';
export const CONSULTATION_ID = '33333333-3333-4333-8333-333333333333';
export const CLEANING_ID = '33333333-3333-4333-8333-333333333334';
export const CHAIR_ID = '44444444-4444-4444-8444-444444444444';
export const DANIELA_ID = '55555555-5555-4555-8555-555555555555';
export const JORGE_ID = '55555555-5555-4555-8555-555555555556';
export const PATIENT_ID = '66666666-6666-4666-8666-666666666666';

function doctor(id: string, fullName: string, color: string, userId: string): DoctorDto {
  return {
    id,
    userId,
    fullName,
    email: `${userId}@clinica.test`,
    documentId: null,
    licenseNumber: `CMP-${id.slice(-4)}`,
    specialtyIds: [SPECIALTY_ID],
    locationIds: [LOCATION_ID],
    yearsExperience: null,
    consultationFee: null,
    bio: null,
    color,
    available: true,
    createdAt: STAMP,
    updatedAt: STAMP,
  };
}

export const CATALOG: AgendaCatalogData = {
  settings: SETTINGS,
  locations: [
    {
      id: LOCATION_ID,
      name: 'Sede Miraflores',
      address: 'Av. Larco 812',
      zoneId: null,
      phone: null,
      active: true,
      createdAt: STAMP,
      updatedAt: STAMP,
    },
  ],
  specialties: [{ id: SPECIALTY_ID, name: 'Odontología', active: true, createdAt: STAMP, updatedAt: STAMP }],
  treatments: [
    {
      id: CONSULTATION_ID,
      name: 'Consulta odontológica',
      specialtyId: SPECIALTY_ID,
      durationMinutes: 30,
      price: '60.00',
      businessLineId: null,
      requiredResourceType: null,
      active: true,
      createdAt: STAMP,
      updatedAt: STAMP,
    },
    {
      id: CLEANING_ID,
      name: 'Limpieza dental',
      specialtyId: SPECIALTY_ID,
      durationMinutes: 45,
      price: '120.00',
      businessLineId: null,
      requiredResourceType: ResourceType.DentalChair,
      active: true,
      createdAt: STAMP,
      updatedAt: STAMP,
    },
  ],
  resources: [
    {
      id: CHAIR_ID,
      name: 'Sillón 1',
      locationId: LOCATION_ID,
      type: ResourceType.DentalChair,
      active: true,
      createdAt: STAMP,
      updatedAt: STAMP,
    },
  ],
  doctors: [
    doctor(DANIELA_ID, 'Dra. Daniela Núñez', '#1e88e5', 'u-daniela'),
    doctor(JORGE_ID, 'Dr. Jorge Ramírez', '#f4511e', 'u-jorge'),
  ],
};

/** An appointment as the API sends it; `changes` set what a test is about. */
export function appointment(changes: Partial<AppointmentDto> = {}): AppointmentDto {
  return {
    id: '77777777-7777-4777-8777-777777777777',
    patientId: PATIENT_ID,
    patientName: 'José Núñez Pérez',
    doctorId: DANIELA_ID,
    doctorName: 'Dra. Daniela Núñez',
    locationId: LOCATION_ID,
    treatmentId: CONSULTATION_ID,
    resourceId: null,
    start: '2026-12-01T14:00:00.000Z',
    end: '2026-12-01T14:30:00.000Z',
    status: AppointmentStatus.Scheduled,
    overbooked: false,
    overrideReason: null,
    reason: null,
    notes: null,
    contactPhone: null,
    contactEmail: null,
    channel: BookingChannel.Console,
    bookedBy: null,
    cancelReason: null,
    createdAt: STAMP,
    updatedAt: STAMP,
    ...changes,
  };
}
