import { Body, Controller, Get, Injectable, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { ApiConflictResponse, ApiNotFoundResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import {
  AuditAction,
  BILLING_ADMIN_ROLES,
  BILLING_ROLES,
  CreateInvoiceSeriesDto,
  InvoiceSeriesDto,
  UpdateInvoiceSeriesDto,
  type InvoiceKind,
} from '@consultorio/shared/contracts';
import {
  AuditService,
  Ctx,
  notFound,
  Roles,
  unprocessable,
  type RequestContext,
} from '@consultorio/api/core';

interface SeriesRow {
  id: string;
  kind: InvoiceKind;
  code: string;
  next_number: number;
  is_default: boolean;
  active: boolean;
}

const toDto = (row: SeriesRow): InvoiceSeriesDto => ({
  id: row.id,
  kind: row.kind,
  code: row.code,
  nextNumber: row.next_number,
  isDefault: row.is_default,
  active: row.active,
});

const COLUMNS = 'id, kind, code, next_number, is_default, active';

/** Numbering series (e.g. `F001` for invoices, `NC01` for credit notes); the counter only moves forward. */
@Injectable()
export class InvoiceSeriesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(): Promise<InvoiceSeriesDto[]> {
    const rows: SeriesRow[] = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM invoice_series ORDER BY kind, code`,
    );
    return rows.map(toDto);
  }

  create(dto: CreateInvoiceSeriesDto, context: RequestContext): Promise<InvoiceSeriesDto> {
    return this.dataSource.transaction(async (manager) => {
      if (dto.isDefault) await this.clearDefault(manager, dto.kind);
      const [row]: SeriesRow[] = await manager.query(
        `INSERT INTO invoice_series (kind, code, next_number, is_default) VALUES ($1, upper($2), $3, $4)
         RETURNING ${COLUMNS}`,
        [dto.kind, dto.code, dto.nextNumber ?? 1, dto.isDefault ?? false],
      );
      await this.audit.record(manager, context, {
        action: AuditAction.Create,
        entity: 'invoice_series',
        entityId: row.id,
        changes: { code: { before: null, after: row.code }, kind: { before: null, after: row.kind } },
      });
      return toDto(row);
    });
  }

  update(id: string, dto: UpdateInvoiceSeriesDto, context: RequestContext): Promise<InvoiceSeriesDto> {
    return this.dataSource.transaction(async (manager) => {
      const [before]: SeriesRow[] = await manager.query(
        `SELECT ${COLUMNS} FROM invoice_series WHERE id = $1 FOR UPDATE`,
        [id],
      );
      if (!before) throw notFound('Series');
      if (dto.nextNumber !== undefined && dto.nextNumber < before.next_number) {
        throw unprocessable(
          'series-backwards',
          `Numbers up to ${before.next_number - 1} were given already.`,
          [
            {
              field: 'nextNumber',
              code: 'min',
              message: `nextNumber must be at least ${before.next_number}`,
            },
          ],
        );
      }
      if (dto.isDefault) await this.clearDefault(manager, before.kind);
      // TypeORM answers an UPDATE … RETURNING with [rows, count].
      const [[row]]: [SeriesRow[], number] = await manager.query(
        `UPDATE invoice_series SET next_number = $2, is_default = $3, active = $4, updated_at = now()
         WHERE id = $1 RETURNING ${COLUMNS}`,
        [
          id,
          dto.nextNumber ?? before.next_number,
          dto.isDefault ?? before.is_default,
          dto.active ?? before.active,
        ],
      );
      const changes: Record<string, { before: unknown; after: unknown }> = {};
      for (const [field, column] of [
        ['nextNumber', 'next_number'],
        ['isDefault', 'is_default'],
        ['active', 'active'],
      ] as const) {
        if (before[column] !== row[column]) changes[field] = { before: before[column], after: row[column] };
      }
      await this.audit.record(manager, context, {
        action: AuditAction.Update,
        entity: 'invoice_series',
        entityId: id,
        changes,
      });
      return toDto(row);
    });
  }

  private async clearDefault(manager: EntityManager, kind: InvoiceKind): Promise<void> {
    await manager.query(`UPDATE invoice_series SET is_default = false WHERE kind = $1 AND is_default`, [
      kind,
    ]);
  }
}

@ApiTags('invoices')
@Controller('invoice-series')
export class InvoiceSeriesController {
  constructor(private readonly series: InvoiceSeriesService) {}

  @Get()
  @Roles(...BILLING_ROLES)
  @ApiOperation({ summary: 'Numbering series of invoices and credit notes, with the next number of each' })
  list(): Promise<InvoiceSeriesDto[]> {
    return this.series.list();
  }

  @Post()
  @Roles(...BILLING_ADMIN_ROLES)
  @ApiOperation({ summary: 'Add a numbering series' })
  @ApiConflictResponse({ description: 'The code is taken' })
  create(@Body() dto: CreateInvoiceSeriesDto, @Ctx() context: RequestContext): Promise<InvoiceSeriesDto> {
    return this.series.create(dto, context);
  }

  @Patch(':id')
  @Roles(...BILLING_ADMIN_ROLES)
  @ApiOperation({ summary: 'Make a series the default, retire it, or move its counter forward' })
  @ApiNotFoundResponse()
  update(
    @Param('id', new ParseUUIDPipe({ version: '4' })) id: string,
    @Body() dto: UpdateInvoiceSeriesDto,
    @Ctx() context: RequestContext,
  ): Promise<InvoiceSeriesDto> {
    return this.series.update(id, dto, context);
  }
}
