import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AppEnvironment, PasswordHasher } from '@consultorio/api/core';
import { DEMO_PASSWORD } from '@consultorio/api/users';
import {
  DEMO_BUSINESS_LINES,
  DEMO_DOCTORS,
  DEMO_FIRST_NAMES,
  DEMO_HOLIDAYS,
  DEMO_HOLY_WEEK,
  DEMO_INSURERS,
  DEMO_LAST_NAMES,
  DEMO_LEAD_SOURCES,
  DEMO_LOCATIONS,
  DEMO_SPECIALTIES,
  DEMO_TREATMENTS,
  DEMO_ZONES,
} from './demo-clinic.data';
import { seedDemoBilling } from './demo-billing.seed';

const PATIENTS = 300;
const SEED_LOCK_KEY = 4_242_103;
const plain = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/**
 * DEMO ONLY: a realistic small clinic for `npm start` — 2 locations, 6 doctors, 20 treatments,
 * 300 patients, and appointments from six weeks ago to six weeks ahead in every status. Runs once,
 * with `SEED_DEMO`, on a database without doctors.
 */
@Injectable()
export class DemoClinicSeeder {
  private readonly logger = new Logger('Demo');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly env: AppEnvironment,
    private readonly hasher: PasswordHasher,
  ) {}

  async seedIfEmpty(): Promise<boolean> {
    if (!this.env.SEED_DEMO || !this.env.SEED_DEMO_CLINIC) return false;
    const passwordHash = await this.hasher.hash(DEMO_PASSWORD);
    return this.dataSource.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock($1)', [SEED_LOCK_KEY]);
      const [{ seeded }] = await manager.query(
        `SELECT EXISTS (SELECT 1 FROM doctors) OR EXISTS (SELECT 1 FROM patients) AS seeded`,
      );
      if (seeded) return false;
      await this.catalogs(manager);
      await this.doctors(manager, passwordHash);
      await this.patients(manager);
      const [{ count }] = await this.appointments(manager);
      await this.linkPatientAccount(manager);
      const billing = await seedDemoBilling(manager);
      this.logger.log(
        `Demo clinic created: ${DEMO_DOCTORS.length} doctors, ${PATIENTS} patients, ${count} appointments, ${billing.invoices} invoices`,
      );
      return true;
    });
  }

  private async catalogs(manager: EntityManager): Promise<void> {
    await manager.query(
      `UPDATE clinic_settings SET name = 'Clínica Dental y Médica Sonrisa (demo)', phone = '+51 1 445 1200',
              email = 'citas@sonrisa.consultorio.test', address = 'Av. José Larco 812, Miraflores, Lima' WHERE id = 1`,
    );
    for (const [table, names] of [
      ['specialties', DEMO_SPECIALTIES],
      ['business_lines', DEMO_BUSINESS_LINES],
      ['lead_sources', DEMO_LEAD_SOURCES],
      ['zones', DEMO_ZONES],
    ] as const) {
      await manager.query(`INSERT INTO ${table} (name) SELECT unnest($1::text[]) ON CONFLICT DO NOTHING`, [
        names,
      ]);
    }
    await manager.query(
      `INSERT INTO insurers (name, code, kind) SELECT * FROM unnest($1::text[], $2::text[], $3::text[]) ON CONFLICT DO NOTHING`,
      [DEMO_INSURERS.map((i) => i[0]), DEMO_INSURERS.map((i) => i[1]), DEMO_INSURERS.map((i) => i[2])],
    );
    await manager.query(
      `INSERT INTO locations (name, address, zone_id, phone)
       SELECT l.name, l.address, z.id, l.phone FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) AS l(name, address, zone, phone)
         JOIN zones z ON z.name = l.zone ON CONFLICT DO NOTHING`,
      [
        DEMO_LOCATIONS.map((l) => l[0]),
        DEMO_LOCATIONS.map((l) => l[1]),
        DEMO_LOCATIONS.map((l) => l[2]),
        DEMO_LOCATIONS.map((l) => l[3]),
      ],
    );
    await manager.query(
      `INSERT INTO resources (location_id, name, type)
       SELECT l.id, r.name, r.type FROM locations l
        CROSS JOIN (VALUES ('Consultorio 1', 'room'), ('Consultorio 2', 'room'), ('Sillón 1', 'dental_chair'),
                           ('Sillón 2', 'dental_chair'), ('Escáner intraoral', 'equipment')) AS r(name, type)
       WHERE l.name = ANY($1) ON CONFLICT DO NOTHING`,
      [DEMO_LOCATIONS.map((l) => l[0])],
    );
    await manager.query(
      `INSERT INTO treatments (name, specialty_id, duration_minutes, price, business_line_id, required_resource_type)
       SELECT t.name, s.id, t.minutes, t.price::numeric, b.id, t.resource
         FROM unnest($1::text[], $2::text[], $3::int[], $4::text[], $5::text[], $6::text[]) AS t(name, specialty, minutes, price, line, resource)
         JOIN specialties s ON s.name = t.specialty JOIN business_lines b ON b.name = t.line ON CONFLICT DO NOTHING`,
      [0, 1, 2, 3, 4, 5].map((column) => DEMO_TREATMENTS.map((treatment) => treatment[column])),
    );
    const years = [new Date().getUTCFullYear(), new Date().getUTCFullYear() + 1];
    const holidays = years.flatMap((year) => DEMO_HOLIDAYS.map(([day, name]) => [`${year}-${day}`, name]));
    holidays.push(...DEMO_HOLY_WEEK.map((date) => [date, 'Semana Santa']));
    await manager.query(
      `INSERT INTO holidays (date, name) SELECT * FROM unnest($1::date[], $2::text[]) ON CONFLICT DO NOTHING`,
      [holidays.map((h) => h[0]), holidays.map((h) => h[1])],
    );
  }

  private async doctors(manager: EntityManager, passwordHash: string): Promise<void> {
    for (const [index, [username, fullName, specialties, locations, color]] of DEMO_DOCTORS.entries()) {
      await manager.query(
        `INSERT INTO users (email, username, full_name, role, password_hash) VALUES ($1, $2, $3, 'doctor', $4)
         ON CONFLICT (username) DO NOTHING`,
        [`${username}@consultorio.test`, username, fullName, passwordHash],
      );
      const [{ id }] = await manager.query(
        `INSERT INTO doctors (user_id, document_id, license_number, years_experience, consultation_fee, color, bio)
         SELECT id, $2, $3, $4, $5, $6, $7 FROM users WHERE username = $1 RETURNING id`,
        [
          username,
          String(40_000_000 + index * 1_234_567),
          `CMP-${51_000 + index * 317}`,
          5 + index * 3,
          '120.00',
          color,
          `${fullName}, equipo de la clínica.`,
        ],
      );
      await manager.query(
        `INSERT INTO doctor_specialties (doctor_id, specialty_id) SELECT $1, id FROM specialties WHERE name = ANY($2)`,
        [id, specialties],
      );
      const locationNames = locations.map((location) => DEMO_LOCATIONS[location][0]);
      await manager.query(
        `INSERT INTO doctor_locations (doctor_id, location_id) SELECT $1, id FROM locations WHERE name = ANY($2)`,
        [id, locationNames],
      );
      // Mornings and afternoons on weekdays, Saturday mornings; a doctor at two locations alternates days.
      for (let weekday = 1; weekday <= 6; weekday++) {
        const location = locationNames[locationNames.length === 1 ? 0 : weekday % 2];
        const ranges =
          weekday === 6
            ? [['09:00', '13:00']]
            : [
                ['09:00', '13:00'],
                ['14:00', '19:00'],
              ];
        for (const [start, end] of ranges) {
          await manager.query(
            `INSERT INTO working_hours (doctor_id, location_id, weekday, start_time, end_time, valid_from)
             SELECT $1, id, $3, $4, $5, current_date - 120 FROM locations WHERE name = $2`,
            [id, location, weekday, start, end],
          );
        }
      }
    }
  }

  /**
   * The demo patient account signs in as the José with the most upcoming visits, so the portal
   * rules (own appointments, the cancellation window) can be tried at once.
   */
  private async linkPatientAccount(manager: EntityManager): Promise<void> {
    await manager.query(
      `WITH chosen AS (
         SELECT p.id, p.first_names || ' ' || p.last_names AS full_name
           FROM patients p
          WHERE p.first_names = 'José'
          ORDER BY (SELECT count(*) FROM appointments a
                     WHERE a.patient_id = p.id AND a.starts_at > now() AND a.status IN ('scheduled', 'confirmed')) DESC, p.id
          LIMIT 1
       ),
       account AS (
         UPDATE users u SET full_name = chosen.full_name FROM chosen WHERE u.username = 'patient' AND u.role = 'patient'
         RETURNING u.id
       )
       UPDATE patients SET user_id = account.id FROM account, chosen WHERE patients.id = chosen.id`,
    );
  }

  private async patients(manager: EntityManager): Promise<void> {
    const rows = Array.from({ length: PATIENTS }, (_, index) => {
      const first = DEMO_FIRST_NAMES[index % DEMO_FIRST_NAMES.length];
      // Every round through the given names shifts both surnames, so no two patients share a name.
      const round = Math.floor(index / DEMO_FIRST_NAMES.length);
      const surnames = DEMO_LAST_NAMES.length;
      const paternal = (index * 7 + round) % surnames;
      let maternal = (index * 13 + 5 + round * 3) % surnames;
      if (maternal === paternal) maternal = (maternal + 1) % surnames;
      const last = `${DEMO_LAST_NAMES[paternal]} ${DEMO_LAST_NAMES[maternal]}`;
      return [
        first,
        last,
        String(10_000_000 + index * 104_729),
        `+51 9${String(10_000_000 + index * 2_654_435)
          .slice(-8)
          .replace(/(\d{2})(\d{3})(\d{3})/, '$1 $2 $3')}`,
        index % 3 === 2 ? null : `${plain(first)}.${plain(last.split(' ')[0])}${index}@correo.pe`,
        `${1950 + (index % 60)}-${String((index % 12) + 1).padStart(2, '0')}-${String((index % 28) + 1).padStart(2, '0')}`,
        // DEMO_FIRST_NAMES alternates men's and women's names, starting with a man's.
        index % 2 === 0 ? 'male' : 'female',
      ];
    });
    await manager.query(
      `INSERT INTO patients (first_names, last_names, document_type, document_number, phone, email, birth_date, gender,
                             lead_source_id, insurer_id, business_line_id, marketing_consent, status)
       SELECT p.first, p.last, 'dni', p.document, p.phone, p.email, p.birth::date, p.gender,
              (SELECT id FROM lead_sources ORDER BY name OFFSET (p.n % 6) LIMIT 1),
              CASE WHEN p.n % 3 = 0 THEN (SELECT id FROM insurers ORDER BY name OFFSET (p.n % 5) LIMIT 1) END,
              (SELECT id FROM business_lines ORDER BY name OFFSET (p.n % 4) LIMIT 1),
              p.n % 5 <> 0,
              CASE WHEN p.n % 25 = 0 THEN 'prospect' WHEN p.n % 40 = 1 THEN 'inactive' ELSE 'active' END
         FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[])
              WITH ORDINALITY AS p(first, last, document, phone, email, birth, gender, n)`,
      [0, 1, 2, 3, 4, 5, 6].map((column) => rows.map((row) => row[column])),
    );
  }

  /**
   * Fills about half of every doctor's working half-hours from six weeks ago to six weeks ahead,
   * with treatments of their specialties; overlaps (long treatments, shared resources) are skipped
   * by the exclusion constraints themselves. Past visits end completed, missed or cancelled.
   */
  private appointments(manager: EntityManager): Promise<{ count: number }[]> {
    return manager.query(`
      WITH tz AS (SELECT time_zone, (now() AT TIME ZONE time_zone)::date AS today FROM clinic_settings WHERE id = 1),
      days AS (SELECT tz.time_zone, tz.today + offset_days AS day FROM tz, generate_series(-42, 42) AS offset_days),
      candidates AS (
        -- Clinic-local dates and wall-clock times, turned into instants in the clinic's time zone.
        SELECT w.doctor_id, w.location_id, ((d.day + make_interval(mins => minute)) AT TIME ZONE d.time_zone) AS starts_at,
               (extract(epoch FROM w.end_time) / 60)::int - minute AS minutes_left,
               abs(hashtext(w.doctor_id::text || d.day::text || minute::text)) AS h
          FROM working_hours w, days d,
               generate_series((extract(epoch FROM w.start_time) / 60)::int, (extract(epoch FROM w.end_time) / 60)::int - 30, 30) AS minute
         WHERE extract(isodow FROM d.day) = w.weekday
           AND NOT EXISTS (SELECT 1 FROM holidays h WHERE h.date = d.day)
      ),
      chosen AS (
        SELECT c.*, t.id AS treatment_id, t.duration_minutes, t.required_resource_type,
               (SELECT id FROM patients ORDER BY id OFFSET (c.h % ${PATIENTS}) LIMIT 1) AS patient_id
          FROM candidates c
          CROSS JOIN LATERAL (
            SELECT t.* FROM treatments t JOIN doctor_specialties s ON s.specialty_id = t.specialty_id AND s.doctor_id = c.doctor_id
             WHERE t.duration_minutes <= c.minutes_left
             ORDER BY t.name OFFSET (c.h / 7 % 3) LIMIT 1
          ) t
         WHERE c.h % 100 < 55
      ),
      statused AS (
        SELECT chosen.*,
               CASE WHEN starts_at < now() THEN
                      CASE WHEN h / 13 % 100 < 72 THEN 'completed' WHEN h / 13 % 100 < 82 THEN 'no_show' ELSE 'cancelled' END
                    ELSE
                      CASE WHEN h / 13 % 100 < 60 THEN 'scheduled' WHEN h / 13 % 100 < 90 THEN 'confirmed' ELSE 'cancelled' END
               END AS status
          FROM chosen
      ),
      inserted AS (
        INSERT INTO appointments (patient_id, doctor_id, location_id, treatment_id, resource_id, starts_at, ends_at,
                                  status, cancel_reason, cancelled_at, channel, reason)
        SELECT patient_id, doctor_id, location_id, treatment_id,
               (SELECT r.id FROM resources r WHERE r.location_id = chosen.location_id AND r.type = chosen.required_resource_type
                 ORDER BY r.name OFFSET (h / 11 % 2) LIMIT 1),
               starts_at, starts_at + make_interval(mins => duration_minutes),
               status,
               CASE WHEN status = 'cancelled' THEN 'El paciente pidió reprogramar' END,
               CASE WHEN status = 'cancelled' THEN starts_at - interval '1 day' END,
               CASE WHEN h % 4 = 0 THEN 'api' ELSE 'console' END, 'Cita de demostración'
          FROM statused AS chosen
         ORDER BY starts_at
        ON CONFLICT DO NOTHING
        RETURNING id
      )
      SELECT count(*)::int AS count FROM inserted`);
  }
}
