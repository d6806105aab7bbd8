import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppointmentStatus, Language } from '@consultorio/shared/contracts';
import { AppointmentsService } from '@consultorio/api/appointments';
import {
  AppEnvironment,
  ProblemException,
  publicUrl,
  SignedLinks,
  type RequestContext,
} from '@consultorio/api/core';
import {
  APPOINTMENT_MAIL_COLUMNS,
  APPOINTMENT_MAIL_FROM,
  mailLanguage,
  type AppointmentMailRow,
} from './appointment-mail-data';
import type { LinkAction, LinkOutcome, LinkPageData } from './templates/link-page';

/** The HTTP status each outcome answers with. */
export const OUTCOME_STATUS: Record<LinkOutcome, number> = {
  ask: 200,
  confirmed: 200,
  cancelled: 200,
  'already-confirmed': 200,
  'already-cancelled': 200,
  'too-late': 422,
  'not-possible': 409,
  moved: 409,
  expired: 410,
  invalid: 404,
};

const LINK_ACTIONS: readonly LinkAction[] = ['confirm', 'cancel'];
const purposeOf = (action: LinkAction) => `appointment.${action}`;
/** The token's version of an appointment: its start, in whole seconds. */
const versionOf = (start: Date | string) => String(Math.floor(new Date(start).getTime() / 1000));

/** Where a link stands: what the page shows and, for `ask`, that the action may go ahead. */
export interface LinkState {
  outcome: LinkOutcome;
  page: LinkPageData;
  appointmentId?: string;
  start?: string;
}

type LinkRow = AppointmentMailRow & { cancellation_policy_hours: number };

/**
 * Confirm and cancel links in appointment e-mails. A link is signed for one action on one
 * appointment at one start time, and expires when the appointment starts; opening it shows the
 * appointment and a button, and only the button's POST changes anything.
 */
@Injectable()
export class AppointmentLinksService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly env: AppEnvironment,
    private readonly signedLinks: SignedLinks,
    private readonly appointments: AppointmentsService,
  ) {}

  /** Whether `value` names a link action. */
  static isAction(value: string): value is LinkAction {
    return (LINK_ACTIONS as readonly string[]).includes(value);
  }

  /** The confirm and cancel links of an appointment at its current start. */
  urls(appointmentId: string, start: Date | string): { confirm: string; cancel: string } {
    const expiresAt = Math.floor(new Date(start).getTime() / 1000);
    const url = (action: LinkAction) =>
      `${publicUrl(this.env)}/api/v1/appointment-links/${action}?token=${this.signedLinks.sign({
        purpose: purposeOf(action),
        subject: appointmentId,
        version: versionOf(start),
        expiresAt,
      })}`;
    return { confirm: url('confirm'), cancel: url('cancel') };
  }

  /** What opening the link shows (nothing changes). */
  async inspect(action: LinkAction, token: string, language?: Language): Promise<LinkState> {
    const verified = this.signedLinks.verify(token, purposeOf(action));
    const row = verified.claims ? await this.load(verified.claims.subject) : null;
    const page = await this.pageFor(action, row, language);
    const state = (outcome: LinkOutcome): LinkState => ({
      outcome,
      page: { ...page, outcome, appointment: outcome === 'invalid' ? null : page.appointment },
      appointmentId: row?.id,
      start: row?.starts_at.toISOString(),
    });
    if (!verified.ok && verified.problem !== 'expired') return state('invalid');
    if (!row) return state('invalid');
    if (versionOf(row.starts_at) !== verified.claims?.version) return state('moved');
    if (!verified.ok) return state('expired');
    const status = row.status as AppointmentStatus;
    if (action === 'confirm') {
      if (status === AppointmentStatus.Scheduled) return state('ask');
      if (status === AppointmentStatus.Confirmed || status === AppointmentStatus.CheckedIn)
        return state('already-confirmed');
      return state(status === AppointmentStatus.Cancelled ? 'already-cancelled' : 'not-possible');
    }
    if (status === AppointmentStatus.Cancelled) return state('already-cancelled');
    if (status !== AppointmentStatus.Scheduled && status !== AppointmentStatus.Confirmed)
      return state('not-possible');
    if (row.starts_at.getTime() - Date.now() < row.cancellation_policy_hours * 3_600_000)
      return state('too-late');
    return state('ask');
  }

  /** Does what the link is for, if it still may be done; the appointment's history records the patient. */
  async act(
    action: LinkAction,
    token: string,
    context: RequestContext,
    language?: Language,
  ): Promise<LinkState> {
    const state = await this.inspect(action, token, language);
    if (state.outcome !== 'ask' || !state.appointmentId || !state.start) return state;
    const status = action === 'confirm' ? AppointmentStatus.Confirmed : AppointmentStatus.Cancelled;
    try {
      await this.appointments.changeStatusFromPatientLink(state.appointmentId, status, state.start, context);
    } catch (error) {
      // Changed between the check and the change (a receptionist, another click): show where it stands now.
      if (error instanceof ProblemException && error.problem.slug === 'policy-window') {
        return { ...state, outcome: 'too-late', page: { ...state.page, outcome: 'too-late' } };
      }
      if (error instanceof ProblemException && error.getStatus() < 500) {
        const now = await this.inspect(action, token, language);
        return now.outcome === 'ask'
          ? { ...now, outcome: 'not-possible', page: { ...now.page, outcome: 'not-possible' } }
          : now;
      }
      throw error;
    }
    const outcome: LinkOutcome = action === 'confirm' ? 'confirmed' : 'cancelled';
    return { ...state, outcome, page: { ...state.page, outcome } };
  }

  private async load(appointmentId: string): Promise<LinkRow | null> {
    if (!/^[0-9a-f-]{36}$/i.test(appointmentId)) return null;
    const [row] = await this.dataSource.query(
      `SELECT ${APPOINTMENT_MAIL_COLUMNS}, s.cancellation_policy_hours ${APPOINTMENT_MAIL_FROM}
        WHERE a.id = $1 AND s.id = 1`,
      [appointmentId],
    );
    return (row as LinkRow | undefined) ?? null;
  }

  private async pageFor(action: LinkAction, row: LinkRow | null, language?: Language): Promise<LinkPageData> {
    const clinic: {
      name: string;
      phone: string | null;
      time_zone: string;
      cancellation_policy_hours: number;
    } = row
      ? {
          name: row.clinic_name,
          phone: row.clinic_phone,
          time_zone: row.time_zone,
          cancellation_policy_hours: row.cancellation_policy_hours,
        }
      : (
          await this.dataSource.query(
            `SELECT name, phone, time_zone, cancellation_policy_hours FROM clinic_settings WHERE id = 1`,
          )
        )[0];
    return {
      action,
      outcome: 'ask',
      language: language ?? (row ? mailLanguage(row) : Language.Es),
      clinicName: clinic.name,
      clinicPhone: clinic.phone,
      timeZone: clinic.time_zone,
      cancellationPolicyHours: clinic.cancellation_policy_hours,
      appointment: row
        ? {
            start: row.starts_at.toISOString(),
            doctorName: row.doctor_name,
            treatmentName: row.treatment_name,
            locationName: row.location_name,
            locationAddress: row.location_address,
          }
        : null,
    };
  }
}
