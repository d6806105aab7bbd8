import { Controller, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { OutboxMessageDto, STAFF_ROLES } from '@consultorio/shared/contracts';
import { Ctx, Roles, type RequestContext } from '@consultorio/api/core';
import { RemindersService } from './reminders.service';

const uuid = new ParseUUIDPipe({ version: '4' });

@ApiTags('appointments')
@Controller('appointments')
export class RemindersController {
  constructor(private readonly reminders: RemindersService) {}

  @Post(':id/reminder')
  @HttpCode(202)
  @Roles(...STAFF_ROLES)
  @ApiOperation({
    summary:
      'Send the patient a reminder of this appointment now (with confirm and cancel links); not held by quiet hours',
  })
  @ApiAcceptedResponse({
    type: OutboxMessageDto,
    description: 'Queued; the outbox delivers it within seconds',
  })
  @ApiNotFoundResponse()
  @ApiConflictResponse({ description: 'The appointment is not scheduled or confirmed, or has started' })
  @ApiUnprocessableEntityResponse({ description: 'The patient has no e-mail address' })
  send(@Param('id', uuid) id: string, @Ctx() context: RequestContext): Promise<OutboxMessageDto> {
    return this.reminders.sendNow(id, context);
  }
}
