import { Body, Controller, HttpCode, Post, UseGuards } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiExtension,
  ApiNoContentResponse,
  ApiOperation,
  ApiTags,
  ApiUnprocessableEntityResponse,
} from '@nestjs/swagger';
import { SkipThrottle } from '@nestjs/throttler';
import {
  ConfirmPasswordResetDto,
  PasswordResetRequestedDto,
  RequestPasswordResetDto,
} from '@consultorio/shared/contracts';
import { Ctx, Public, type RequestContext } from '@consultorio/api/core';
import { LoginThrottlerGuard } from './login-throttler.guard';
import { PasswordResetService } from './password-reset.service';

@ApiTags('auth')
@Controller('auth/password-reset')
export class PasswordResetController {
  constructor(private readonly resets: PasswordResetService) {}

  @Post()
  @HttpCode(202)
  @Public()
  @UseGuards(LoginThrottlerGuard)
  @ApiExtension('x-throttled', true)
  @ApiOperation({
    summary:
      'Ask for a password-reset link by e-mail; the same 202 whether or not the address has an account',
    description:
      'An active account with this e-mail receives, in its language, a link to `/reset-password?token=…` ' +
      'valid for PASSWORD_RESET_TTL_MINUTES; a new request replaces the earlier link. Throttled per ' +
      'client IP and per e-mail like login.',
  })
  @ApiAcceptedResponse({ type: PasswordResetRequestedDto })
  request(@Body() dto: RequestPasswordResetDto, @Ctx() context: RequestContext): PasswordResetRequestedDto {
    return this.resets.request(dto, context);
  }

  @Post('confirm')
  @HttpCode(204)
  @Public()
  @UseGuards(LoginThrottlerGuard)
  @SkipThrottle({ account: true })
  @ApiExtension('x-throttled', true)
  @ApiOperation({
    summary: 'Choose a new password with the token of a reset link; every session of the account ends',
  })
  @ApiNoContentResponse({ description: 'Password changed; log in with it' })
  @ApiUnprocessableEntityResponse({
    description:
      '`invalid-reset-token`: the link is unknown, expired, replaced or already used; ' +
      '`password-rules`: the new password is the e-mail or username',
  })
  confirm(@Body() dto: ConfirmPasswordResetDto, @Ctx() context: RequestContext): Promise<void> {
    return this.resets.confirm(dto, context);
  }
}
