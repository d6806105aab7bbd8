import { Foundation1763800000000 } from './1763800000000-foundation';
import { Catalogs1763900000000 } from './1763900000000-catalogs';
import { Patients1763950000000 } from './1763950000000-patients';
import { Staff1764000000000 } from './1764000000000-staff';
import { Appointments1764100000000 } from './1764100000000-appointments';
import { ClinicalNotes1764200000000 } from './1764200000000-clinical-notes';
import { ScheduleFitFunction1764300000000 } from './1764300000000-schedule-fit-function';
import { ScheduleFitPlpgsql1764400000000 } from './1764400000000-schedule-fit-plpgsql';
import { PatientAccounts1764500000000 } from './1764500000000-patient-accounts';
import { Outbox1764600000000 } from './1764600000000-outbox';
import { Reminders1764700000000 } from './1764700000000-reminders';
import { PasswordResets1764800000000 } from './1764800000000-password-resets';
import { ReminderThroughput1764900000000 } from './1764900000000-reminder-throughput';
import { Billing1765000000000 } from './1765000000000-billing';

/** Every migration, oldest first. Listed explicitly so the bundled app and the tests find them. */
export const MIGRATIONS = [
  Foundation1763800000000,
  Catalogs1763900000000,
  Patients1763950000000,
  Staff1764000000000,
  Appointments1764100000000,
  ClinicalNotes1764200000000,
  ScheduleFitFunction1764300000000,
  ScheduleFitPlpgsql1764400000000,
  PatientAccounts1764500000000,
  Outbox1764600000000,
  Reminders1764700000000,
  PasswordResets1764800000000,
  ReminderThroughput1764900000000,
  Billing1765000000000,
];
