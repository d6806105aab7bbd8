import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  ParseEnumPipe,
  ParseUUIDPipe,
  Post,
  Put,
  Query,
  StreamableFile,
} from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import {
  BILLING_ADMIN_ROLES,
  BILLING_ROLES,
  CreateCreditNoteDto,
  CreateInvoiceDto,
  CreatePaymentDto,
  InvoiceDto,
  InvoicePageDto,
  InvoiceQueryDto,
  InvoiceStatus,
  PageQueryDto,
  PatientBalanceDto,
  PaymentDto,
  PaymentPageDto,
  UpdateInvoiceDto,
  VoidInvoiceDto,
} from '@consultorio/shared/contracts';
import { attachmentDisposition, Ctx, Roles, type RequestContext } from '@consultorio/api/core';
import { InvoicesService } from './invoices.service';
import { PaymentsService } from './payments.service';

const uuid = new ParseUUIDPipe({ version: '4' });

/** Invoices and credit notes with their payments. Front desk and admins; only admins void. */
@ApiTags('invoices')
@Controller('invoices')
export class InvoicesController {
  constructor(
    private readonly invoices: InvoicesService,
    private readonly payments: PaymentsService,
  ) {}

  @Get()
  @Roles(...BILLING_ROLES)
  @ApiOperation({
    summary: 'List invoices and credit notes by status, patient, doctor, location, dates or code; paginated',
  })
  list(@Query() query: InvoiceQueryDto): Promise<InvoicePageDto> {
    return this.invoices.list(query);
  }

  @Get('patient/:patientId')
  @Roles(...BILLING_ROLES)
  @ApiOperation({ summary: 'Invoices and credit notes of one patient' })
  byPatient(
    @Param('patientId', uuid) patientId: string,
    @Query() query: InvoiceQueryDto,
  ): Promise<InvoicePageDto> {
    return this.invoices.list({ ...query, patientId });
  }

  @Get('patient/:patientId/balance')
  @Roles(...BILLING_ROLES)
  @ApiOperation({ summary: 'What one patient was billed, has paid and still owes' })
  balance(@Param('patientId', uuid) patientId: string): Promise<PatientBalanceDto> {
    return this.invoices.balance(patientId);
  }

  @Get('status/:status')
  @Roles(...BILLING_ROLES)
  @ApiOperation({ summary: 'Invoices in one status: draft, issued, partially_paid, paid or void' })
  byStatus(
    @Param('status', new ParseEnumPipe(InvoiceStatus)) status: InvoiceStatus,
    @Query() query: InvoiceQueryDto,
  ): Promise<InvoicePageDto> {
    return this.invoices.list({ ...query, status });
  }

  @Get(':id')
  @Roles(...BILLING_ROLES)
  @ApiOperation({ summary: 'One invoice or credit note with its lines, payments and credit notes' })
  @ApiNotFoundResponse()
  get(@Param('id', uuid) id: string): Promise<InvoiceDto> {
    return this.invoices.get(id);
  }

  @Get(':id/pdf')
  @Roles(...BILLING_ROLES)
  @ApiOperation({ summary: 'The printable PDF: clinic, patient, lines, taxes, payments and balance' })
  @ApiOkResponse({
    description: 'An A4 PDF named after the document code',
    content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } },
  })
  @ApiNotFoundResponse()
  async pdf(@Param('id', uuid) id: string): Promise<StreamableFile> {
    const file = await this.invoices.pdf(id);
    return new StreamableFile(file.content, {
      type: 'application/pdf',
      disposition: attachmentDisposition(file.filename),
      length: file.content.length,
    });
  }

  @Post()
  @Roles(...BILLING_ROLES)
  @ApiOperation({
    summary:
      'Draft an invoice: lines from treatments, products or free text, priced server-side (with an appointment and no lines, its treatment)',
  })
  @ApiConflictResponse({ description: 'The appointment is already billed' })
  @ApiUnprocessableEntityResponse({ description: 'Unknown references, invalid lines (each field named)' })
  create(@Body() dto: CreateInvoiceDto, @Ctx() context: RequestContext): Promise<InvoiceDto> {
    return this.invoices.create(dto, context);
  }

  @Put(':id')
  @Roles(...BILLING_ROLES)
  @ApiOperation({ summary: 'Change a draft (`items` replaces every line); issued invoices are immutable' })
  @ApiNotFoundResponse()
  @ApiUnprocessableEntityResponse({ description: 'Not a draft, or invalid lines' })
  update(
    @Param('id', uuid) id: string,
    @Body() dto: UpdateInvoiceDto,
    @Ctx() context: RequestContext,
  ): Promise<InvoiceDto> {
    return this.invoices.update(id, dto, context);
  }

  @Delete(':id')
  @HttpCode(204)
  @Roles(...BILLING_ROLES)
  @ApiOperation({ summary: 'Delete a draft (issued invoices are never deleted: void or credit them)' })
  @ApiNoContentResponse()
  @ApiNotFoundResponse()
  @ApiUnprocessableEntityResponse({ description: 'Not a draft' })
  async remove(@Param('id', uuid) id: string, @Ctx() context: RequestContext): Promise<void> {
    await this.invoices.remove(id, context);
  }

  @Post(':id/issue')
  @HttpCode(200)
  @Roles(...BILLING_ROLES)
  @ApiOperation({ summary: 'Issue a draft: it takes the next number of its series and can no longer change' })
  @ApiNotFoundResponse()
  @ApiUnprocessableEntityResponse({ description: 'Not a draft, no lines, or an inactive series' })
  issue(@Param('id', uuid) id: string, @Ctx() context: RequestContext): Promise<InvoiceDto> {
    return this.invoices.issue(id, context);
  }

  @Post(':id/void')
  @HttpCode(200)
  @Roles(...BILLING_ADMIN_ROLES)
  @ApiOperation({
    summary: 'Void an issued invoice without payments or credits, with a reason; it keeps its number',
  })
  @ApiNotFoundResponse()
  @ApiUnprocessableEntityResponse({ description: 'A draft, already void, or with payments or credit notes' })
  void(
    @Param('id', uuid) id: string,
    @Body() dto: VoidInvoiceDto,
    @Ctx() context: RequestContext,
  ): Promise<InvoiceDto> {
    return this.invoices.void(id, dto, context);
  }

  @Post(':id/credit-notes')
  @Roles(...BILLING_ROLES)
  @ApiOperation({
    summary:
      'Issue a credit note against an invoice (all lines by default); refunds what was paid beyond the new total',
  })
  @ApiNotFoundResponse()
  @ApiUnprocessableEntityResponse({
    description: 'Not creditable, more than is left to credit, or a refund without refundMethod',
  })
  creditNote(
    @Param('id', uuid) id: string,
    @Body() dto: CreateCreditNoteDto,
    @Ctx() context: RequestContext,
  ): Promise<InvoiceDto> {
    return this.invoices.creditNote(id, dto, context);
  }

  @Get(':id/payments')
  @Roles(...BILLING_ROLES)
  @ApiOperation({ summary: 'Payments (and refunds) of an invoice, oldest first' })
  @ApiNotFoundResponse()
  listPayments(@Param('id', uuid) id: string, @Query() query: PageQueryDto): Promise<PaymentPageDto> {
    return this.payments.list(id, query);
  }

  @Post(':id/payments')
  @Roles(...BILLING_ROLES)
  @ApiOperation({
    summary:
      'Take a payment (partial allowed; cash, card, transfer, Yape/Plin, insurer); writes its cash-register entry',
  })
  @ApiNotFoundResponse()
  @ApiUnprocessableEntityResponse({
    description: 'More than the balance, not an issued invoice, wrong decimals, or the cash day is closed',
  })
  pay(
    @Param('id', uuid) id: string,
    @Body() dto: CreatePaymentDto,
    @Ctx() context: RequestContext,
  ): Promise<PaymentDto> {
    return this.payments.create(id, dto, context);
  }
}
