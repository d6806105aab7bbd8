import { IsEnum, IsISO8601, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { PageQueryDto } from './pagination.dto';

export enum AuditAction {
  Create = 'create',
  Update = 'update',
  Delete = 'delete',
  Login = 'login',
  Logout = 'logout',
  PasswordChange = 'password_change',
  Read = 'read',
}

export class AuditQueryDto extends PageQueryDto {
  @IsOptional()
  @IsUUID()
  actorId?: string;

  @IsOptional()
  @IsString()
  @MaxLength(64)
  entity?: string;

  @IsOptional()
  @IsString()
  @MaxLength(64)
  entityId?: string;

  @IsOptional()
  @IsEnum(AuditAction)
  action?: AuditAction;

  /** ISO 8601 instant; entries at or after it. */
  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;

  /** ISO 8601 instant; entries before it. */
  @IsOptional()
  @IsISO8601({ strict: true })
  to?: string;
}

/** A field's value before and after a change. */
export class AuditChangeDto {
  before!: unknown;
  after!: unknown;
}

export class AuditEntryDto {
  id!: string;
  at!: string;
  actorId!: string | null;
  actorRole!: string | null;
  action!: AuditAction;
  entity!: string;
  entityId!: string | null;
  /** Changed fields with their values before and after (secrets are masked). */
  changes!: Record<string, AuditChangeDto>;
  ip!: string | null;
  requestId!: string | null;
}

export class AuditPageDto {
  items!: AuditEntryDto[];
  total!: number;
  page!: number;
  pageSize!: number;
}
