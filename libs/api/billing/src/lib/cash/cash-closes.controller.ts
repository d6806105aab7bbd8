import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import {
  BILLING_ROLES,
  CashCloseDto,
  CashClosePageDto,
  CashClosePreviewDto,
  CashClosePreviewQueryDto,
  CashCloseQueryDto,
  CreateCashCloseDto,
} from '@consultorio/shared/contracts';
import { Ctx, Roles, type RequestContext } from '@consultorio/api/core';
import { CashClosesService } from './cash-closes.service';

const uuid = new ParseUUIDPipe({ version: '4' });

const TODAY_ONLY = 'A receptionist asking for another day than today (clinic time)';

/** Daily closes of the cash drawers (location + cashier + business day). */
@ApiTags('cash register')
@Controller('cash-closes')
export class CashClosesController {
  constructor(private readonly closes: CashClosesService) {}

  @Get()
  @Roles(...BILLING_ROLES)
  @ApiOperation({
    summary:
      'List closes by business day, location and cashier; paginated, sort by businessDate or closedAt (receptionists: today)',
  })
  @ApiForbiddenResponse({ description: TODAY_ONLY })
  list(@Query() query: CashCloseQueryDto, @Ctx() context: RequestContext): Promise<CashClosePageDto> {
    return this.closes.list(query, context);
  }

  @Get('preview')
  @Roles(...BILLING_ROLES)
  @ApiOperation({
    summary:
      'What closing a drawer-day would expect per method now (default: the caller’s drawer, today), and the close if done',
  })
  @ApiForbiddenResponse({ description: TODAY_ONLY })
  preview(
    @Query() query: CashClosePreviewQueryDto,
    @Ctx() context: RequestContext,
  ): Promise<CashClosePreviewDto> {
    return this.closes.preview(query, context);
  }

  @Get(':id')
  @Roles(...BILLING_ROLES)
  @ApiOperation({ summary: 'One close with its lines per method' })
  @ApiNotFoundResponse()
  @ApiForbiddenResponse({ description: 'A receptionist asking for a close of another day' })
  get(@Param('id', uuid) id: string, @Ctx() context: RequestContext): Promise<CashCloseDto> {
    return this.closes.get(id, context);
  }

  @Post()
  @Roles(...BILLING_ROLES)
  @ApiOperation({
    summary:
      'Close a drawer-day: expected per method from its posted entries, counted as given (unlisted methods 0), difference; final',
  })
  @ApiForbiddenResponse({ description: 'A receptionist closing another cashier’s drawer or another day' })
  @ApiConflictResponse({ description: 'That drawer-day is already closed (`cash-day-closed`)' })
  @ApiUnprocessableEntityResponse({
    description:
      'A future day, a method counted twice, an amount not in the currency, unknown location or cashier',
  })
  create(@Body() dto: CreateCashCloseDto, @Ctx() context: RequestContext): Promise<CashCloseDto> {
    return this.closes.create(dto, context);
  }
}
