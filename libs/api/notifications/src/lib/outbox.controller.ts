import {
  Controller,
  Get,
  HttpCode,
  Param,
  ParseIntPipe,
  ParseUUIDPipe,
  Post,
  Query,
  StreamableFile,
} from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import {
  CaughtMailDto,
  OutboxMessageDetailDto,
  OutboxMessageDto,
  OutboxPageDto,
  OutboxQueryDto,
  Role,
} from '@consultorio/shared/contracts';
import { attachmentDisposition, Ctx, Roles, type RequestContext } from '@consultorio/api/core';
import { MailCatcher } from './mail-catcher.service';
import { OutboxService } from './outbox.service';

const uuid = new ParseUUIDPipe({ version: '4' });
const ADMINS = [Role.Superadmin, Role.Admin];

@ApiTags('outbox')
@Controller('outbox')
export class OutboxController {
  constructor(
    private readonly outbox: OutboxService,
    private readonly catcher: MailCatcher,
  ) {}

  @Get()
  @Roles(...ADMINS)
  @ApiOperation({
    summary:
      'Every outgoing message with its delivery status, attempts and last error; filter by status, template, recipient, record, dates',
  })
  @ApiOkResponse({ type: OutboxPageDto })
  list(@Query() query: OutboxQueryDto): Promise<OutboxPageDto> {
    return this.outbox.list(query);
  }

  @Get(':id')
  @Roles(...ADMINS)
  @ApiOperation({ summary: 'One message with its rendered bodies' })
  @ApiOkResponse({ type: OutboxMessageDetailDto })
  @ApiNotFoundResponse()
  get(@Param('id', uuid) id: string): Promise<OutboxMessageDetailDto> {
    return this.outbox.get(id);
  }

  @Get(':id/caught')
  @Roles(...ADMINS)
  @ApiOperation({
    summary: 'The message as the embedded mail catcher received it (empty when SMTP_URL is set)',
  })
  @ApiOkResponse({ type: [CaughtMailDto] })
  @ApiNotFoundResponse()
  async caught(@Param('id', uuid) id: string): Promise<CaughtMailDto[]> {
    const message = await this.outbox.get(id);
    return this.catcher.list({ messageId: message.messageId });
  }

  @Get(':id/attachments/:index')
  @Roles(...ADMINS)
  @ApiOperation({ summary: 'One attachment of a message as it was sent (index from 0, in the order listed)' })
  @ApiOkResponse({
    description: 'The file, with its content type and file name',
    content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } } },
  })
  @ApiNotFoundResponse()
  async attachment(
    @Param('id', uuid) id: string,
    @Param('index', ParseIntPipe) index: number,
  ): Promise<StreamableFile> {
    const file = await this.outbox.attachment(id, index);
    return new StreamableFile(file.content, {
      type: file.contentType,
      disposition: attachmentDisposition(file.filename),
      length: file.content.length,
    });
  }

  @Post(':id/resend')
  @HttpCode(200)
  @Roles(...ADMINS)
  @ApiOperation({ summary: 'Queue again: a failed or cancelled message as is, a sent one as a new copy' })
  @ApiOkResponse({ type: OutboxMessageDto })
  @ApiConflictResponse({ description: 'The message is pending or being sent' })
  resend(@Param('id', uuid) id: string, @Ctx() context: RequestContext): Promise<OutboxMessageDto> {
    return this.outbox.resend(id, context);
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @Roles(...ADMINS)
  @ApiOperation({ summary: 'Stop a pending or failed message' })
  @ApiOkResponse({ type: OutboxMessageDto })
  @ApiConflictResponse({ description: 'The message is being sent, sent or cancelled already' })
  cancel(@Param('id', uuid) id: string, @Ctx() context: RequestContext): Promise<OutboxMessageDto> {
    return this.outbox.cancel(id, context);
  }
}
