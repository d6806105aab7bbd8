import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Inject,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
  Query,
  type Provider,
  type Type,
} from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  PartialType,
} from '@nestjs/swagger';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import {
  AuditAction,
  type CatalogQueryDto,
  type Page,
  Role,
  STAFF_ROLES,
} from '@consultorio/shared/contracts';
import {
  AuditService,
  Ctx,
  diffChanges,
  notFound,
  paginate,
  Roles,
  type RequestContext,
} from '@consultorio/api/core';
import type { CatalogEntity } from './catalog.entities';

/** Everything that makes one catalog: its table, its DTOs, how it is searched, filtered and shown. */
export interface CatalogDefinition<TEntity extends CatalogEntity, TCreate extends object, TDto> {
  /** URL segment, e.g. `specialties`. */
  path: string;
  /** Singular name in summaries and the audit log, e.g. `specialty`. */
  singular: string;
  entity: Type<TEntity>;
  createDto: Type<TCreate>;
  responseDto: Type<TDto>;
  pageDto: Type<Page<TDto>>;
  queryDto: Type<CatalogQueryDto>;
  /** Extra query filters: query field → column. */
  filters?: Record<string, string>;
  /** Extra searched columns besides the name. */
  searchColumns?: string[];
  toDto(entity: TEntity): TDto;
  /** Fields recorded in the audit log. */
  auditedFields: (keyof TEntity & string)[];
}

/** Reads and writes one catalog; every write is audited in its transaction. */
export class CatalogService<TEntity extends CatalogEntity, TCreate extends object, TDto> {
  constructor(
    private readonly definition: CatalogDefinition<TEntity, TCreate, TDto>,
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  list(query: CatalogQueryDto & Record<string, unknown>): Promise<Page<TDto>> {
    const builder: SelectQueryBuilder<TEntity> = this.dataSource
      .getRepository(this.definition.entity)
      .createQueryBuilder('e');
    if (query.q?.trim()) {
      const columns = ['e.name', ...(this.definition.searchColumns ?? [])];
      builder.andWhere(
        `(${columns.map((column) => `unaccent(${column}::text) ILIKE unaccent(:q)`).join(' OR ')})`,
        {
          q: `%${query.q.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`,
        },
      );
    }
    if (query.active) builder.andWhere('e.active = :active', { active: query.active === 'true' });
    for (const [field, column] of Object.entries(this.definition.filters ?? {})) {
      if (query[field] !== undefined) builder.andWhere(`${column} = :${field}`, { [field]: query[field] });
    }
    return paginate(builder, query, {
      sortable: { name: 'e.name', createdAt: 'e.created_at', updatedAt: 'e.updated_at' },
      defaultSort: 'name',
      tieBreaker: 'e.id',
      map: (entity) => this.definition.toDto(entity),
    });
  }

  async get(id: string): Promise<TDto> {
    return this.definition.toDto(await this.find(this.dataSource.manager, id));
  }

  create(dto: TCreate, context: RequestContext): Promise<TDto> {
    return this.dataSource.transaction(async (manager) => {
      const saved = await manager.save(manager.create(this.definition.entity, dto as never));
      const created = await this.find(manager, saved.id);
      await this.record(manager, context, AuditAction.Create, null, created);
      return this.definition.toDto(created);
    });
  }

  update(id: string, dto: Partial<TCreate>, context: RequestContext): Promise<TDto> {
    return this.dataSource.transaction(async (manager) => {
      const before = await this.find(manager, id, true);
      const changes = Object.fromEntries(Object.entries(dto).filter(([, value]) => value !== undefined));
      if (Object.keys(changes).length > 0)
        await manager.update(this.definition.entity, { id } as never, changes as never);
      const after = await this.find(manager, id);
      await this.record(manager, context, AuditAction.Update, before, after);
      return this.definition.toDto(after);
    });
  }

  /** Deletes an entry nothing refers to; one in use answers 409 (deactivate it instead). */
  remove(id: string, context: RequestContext): Promise<void> {
    return this.dataSource.transaction(async (manager) => {
      const before = await this.find(manager, id, true);
      await manager.delete(this.definition.entity, { id } as never);
      await this.record(manager, context, AuditAction.Delete, before, null);
    });
  }

  private async find(manager: EntityManager, id: string, lock = false): Promise<TEntity> {
    const entity = await manager.findOne(this.definition.entity, {
      where: { id } as never,
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    if (!entity)
      throw notFound(this.definition.singular[0].toUpperCase() + this.definition.singular.slice(1));
    return entity;
  }

  private record(
    manager: EntityManager,
    context: RequestContext,
    action: AuditAction,
    before: TEntity | null,
    after: TEntity | null,
  ) {
    return this.audit.record(manager, context, {
      action,
      entity: this.definition.singular.replace(/ /g, '_'),
      entityId: (after ?? before)?.id,
      changes: diffChanges(before, after, this.definition.auditedFields),
    });
  }
}

const uuid = new ParseUUIDPipe({ version: '4' });
const ADMINS = [Role.Superadmin, Role.Admin];

/**
 * The service provider and the controller of one catalog: list (search, filters, pages), get,
 * create, update and delete under `/api/v1/<path>`; staff read, admins write.
 */
export function catalogModuleParts<TEntity extends CatalogEntity, TCreate extends object, TDto>(
  definition: CatalogDefinition<TEntity, TCreate, TDto>,
): { provider: Provider; controller: Type<unknown> } {
  const token = `CatalogService:${definition.path}`;
  const updateDto = PartialType(definition.createDto);
  Object.defineProperty(updateDto, 'name', {
    value: `Update${definition.createDto.name.replace(/^Create/, '')}`,
  });
  const { singular, path } = definition;
  const plural = path.replace(/-/g, ' ');

  @ApiTags('catalogs')
  @Controller(path)
  class CatalogController {
    constructor(@Inject(token) private readonly service: CatalogService<TEntity, TCreate, TDto>) {}

    @Get()
    @Roles(...STAFF_ROLES)
    @ApiOperation({ summary: `List ${plural}: search by name, filter, sort, paginate` })
    @ApiOkResponse({ type: definition.pageDto })
    list(@Query() query: CatalogQueryDto & Record<string, unknown>) {
      return this.service.list(query);
    }

    @Get(':id')
    @Roles(...STAFF_ROLES)
    @ApiOperation({ summary: `Get one ${singular}` })
    @ApiOkResponse({ type: definition.responseDto })
    @ApiNotFoundResponse()
    get(@Param('id', uuid) id: string) {
      return this.service.get(id);
    }

    @Post()
    @Roles(...ADMINS)
    @ApiOperation({ summary: `Create a ${singular}` })
    @ApiCreatedResponse({ type: definition.responseDto })
    @ApiConflictResponse({ description: 'Name or code already taken, or a referenced record does not exist' })
    create(@Body() dto: TCreate, @Ctx() context: RequestContext) {
      return this.service.create(dto, context);
    }

    @Patch(':id')
    @Roles(...ADMINS)
    @ApiOperation({ summary: `Update a ${singular} (\`active: false\` hides it from new bookings)` })
    @ApiOkResponse({ type: definition.responseDto })
    @ApiNotFoundResponse()
    @ApiConflictResponse({ description: 'Name or code already taken, or a referenced record does not exist' })
    update(@Param('id', uuid) id: string, @Body() dto: Partial<TCreate>, @Ctx() context: RequestContext) {
      return this.service.update(id, dto, context);
    }

    @Delete(':id')
    @HttpCode(204)
    @Roles(...ADMINS)
    @ApiOperation({ summary: `Delete a ${singular} that nothing refers to (otherwise deactivate it)` })
    @ApiNoContentResponse()
    @ApiNotFoundResponse()
    @ApiConflictResponse({ description: 'Still in use: deactivate it instead' })
    remove(@Param('id', uuid) id: string, @Ctx() context: RequestContext) {
      return this.service.remove(id, context);
    }
  }

  // The generic parameters erase to Object at run time; name the real DTO classes so the global
  // ValidationPipe validates them and Swagger documents them.
  const prototype = CatalogController.prototype;
  Reflect.defineMetadata('design:paramtypes', [definition.queryDto], prototype, 'list');
  Reflect.defineMetadata('design:paramtypes', [definition.createDto, Object], prototype, 'create');
  Reflect.defineMetadata('design:paramtypes', [String, updateDto, Object], prototype, 'update');
  Object.defineProperty(CatalogController, 'name', {
    value: `${definition.entity.name.replace(/Entity$/, '')}CatalogController`,
  });

  const provider: Provider = {
    provide: token,
    inject: [getDataSourceToken(), AuditService],
    useFactory: (dataSource: DataSource, audit: AuditService) =>
      new CatalogService(definition, dataSource, audit),
  };
  return { provider, controller: CatalogController };
}
