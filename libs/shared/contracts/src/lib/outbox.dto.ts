import { IsEnum, IsISO8601, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { PageQueryDto } from './pagination.dto';

/** Where an outgoing message is in its delivery. */
export enum OutboxStatus {
  Pending = 'pending',
  Sending = 'sending',
  Sent = 'sent',
  Failed = 'failed',
  Cancelled = 'cancelled',
}

/** The messages the system sends, by template. */
export enum MessageTemplate {
  AppointmentConfirmation = 'appointment.confirmation',
  AppointmentRescheduled = 'appointment.rescheduled',
  AppointmentCancelled = 'appointment.cancelled',
  AppointmentReminder = 'appointment.reminder',
  PasswordReset = 'auth.password_reset',
}

export class OutboxQueryDto extends PageQueryDto {
  @IsOptional()
  @IsEnum(OutboxStatus)
  status?: OutboxStatus;

  @IsOptional()
  @IsString()
  @MaxLength(64)
  template?: string;

  /** Part of the recipient's address, case-insensitive. */
  @IsOptional()
  @IsString()
  @MaxLength(254)
  recipient?: string;

  /** Part of the recipient's address or of the subject, case-insensitive. */
  @IsOptional()
  @IsString()
  @MaxLength(254)
  q?: string;

  /** Messages about this record (e.g. an appointment). */
  @IsOptional()
  @IsUUID()
  relatedId?: string;

  /** ISO 8601 instant; messages created at or after it. */
  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;

  /** ISO 8601 instant; messages created before it. */
  @IsOptional()
  @IsISO8601({ strict: true })
  to?: string;
}

/** An attachment as listed (its content is served with the caught mail). */
export class MessageAttachmentDto {
  filename!: string;
  contentType!: string;
  size!: number;
}

/** One outgoing message and where its delivery stands. */
export class OutboxMessageDto {
  id!: string;
  channel!: string;
  recipient!: string;
  template!: string;
  locale!: string;
  subject!: string;
  relatedEntity!: string | null;
  relatedId!: string | null;
  /** The stable `Message-ID` header the message is sent with. */
  messageId!: string;
  status!: OutboxStatus;
  attempts!: number;
  nextAttemptAt!: string;
  lastError!: string | null;
  providerMessageId!: string | null;
  sentAt!: string | null;
  createdAt!: string;
  updatedAt!: string;
  attachments!: MessageAttachmentDto[];
}

/** A message with its rendered bodies. */
export class OutboxMessageDetailDto extends OutboxMessageDto {
  bodyHtml!: string;
  bodyText!: string;
}

export class OutboxPageDto {
  items!: OutboxMessageDto[];
  total!: number;
  page!: number;
  pageSize!: number;
  /** How many messages of the whole outbox are in each status (ignoring the filters). */
  counts!: Record<OutboxStatus, number>;
}

/** A message as the embedded mail catcher received it over SMTP (no SMTP_URL configured). */
export class CaughtMailDto {
  id!: string;
  messageId!: string | null;
  from!: string | null;
  to!: string[];
  subject!: string | null;
  html!: string | null;
  text!: string | null;
  attachments!: (MessageAttachmentDto & { content: string })[];
  size!: number;
  receivedAt!: string;
}
