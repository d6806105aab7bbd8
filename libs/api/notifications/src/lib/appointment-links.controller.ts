import { Controller, Get, Headers, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiQuery, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Language } from '@consultorio/shared/contracts';
import { Ctx, notFound, ProblemException, Public, type RequestContext } from '@consultorio/api/core';
import { AppointmentLinksService, OUTCOME_STATUS, type LinkState } from './appointment-links.service';
import { linkPageTitle, renderLinkPage } from './templates/link-page';

/** Whether the client asked for JSON rather than a page (integrations, tests). */
const wantsJson = (accept?: string) =>
  !!accept && accept.includes('application/json') && !accept.includes('text/html');

const languageOf = (value?: string) => (value === Language.En || value === Language.Es ? value : undefined);

/**
 * The public pages behind the confirm and cancel links of appointment e-mails. Opening a link
 * (GET) shows the appointment and a button; the button (POST) does it. Browsers get a small page in
 * the patient's language; `Accept: application/json` gets JSON or a problem document.
 */
@ApiTags('appointment links')
@Controller('appointment-links')
export class AppointmentLinksController {
  constructor(private readonly links: AppointmentLinksService) {}

  @Get(':action')
  @Public()
  @ApiOperation({
    summary:
      'Open a confirm or cancel link from an appointment e-mail: the appointment and a button (changes nothing)',
  })
  @ApiQuery({
    name: 'lang',
    required: false,
    enum: Language,
    description: 'Page language (default: the patient’s)',
  })
  @ApiProduces('text/html', 'application/json')
  @ApiResponse({ status: 200, description: 'The appointment, and whether the action can still be done' })
  @ApiResponse({ status: 404, description: 'Not a valid link' })
  @ApiResponse({ status: 409, description: 'The appointment moved or can no longer change' })
  @ApiResponse({ status: 410, description: 'The link expired (the appointment has started)' })
  @ApiResponse({ status: 422, description: 'Within the cancellation policy window: call the clinic' })
  async open(
    @Param('action') action: string,
    @Query('token') token: string | undefined,
    @Query('lang') lang: string | undefined,
    @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<unknown> {
    if (!AppointmentLinksService.isAction(action)) throw notFound('Link');
    return this.answer(await this.links.inspect(action, token ?? '', languageOf(lang)), accept, reply);
  }

  @Post(':action')
  @Public()
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Confirm or cancel the appointment of a signed e-mail link, as the patient (the cancellation policy applies)',
  })
  @ApiQuery({ name: 'token', required: true, description: 'The signed token from the e-mail' })
  @ApiQuery({ name: 'lang', required: false, enum: Language })
  @ApiProduces('text/html', 'application/json')
  @ApiResponse({ status: 200, description: 'Done (or it was done already)' })
  @ApiResponse({ status: 404, description: 'Not a valid link' })
  @ApiResponse({ status: 409, description: 'The appointment moved or can no longer change' })
  @ApiResponse({ status: 410, description: 'The link expired (the appointment has started)' })
  @ApiResponse({ status: 422, description: 'Within the cancellation policy window: call the clinic' })
  async act(
    @Param('action') action: string,
    @Query('token') token: string | undefined,
    @Query('lang') lang: string | undefined,
    @Headers('accept') accept: string | undefined,
    @Ctx() context: RequestContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<unknown> {
    if (!AppointmentLinksService.isAction(action)) throw notFound('Link');
    return this.answer(await this.links.act(action, token ?? '', context, languageOf(lang)), accept, reply);
  }

  private answer(state: LinkState, accept: string | undefined, reply: FastifyReply): unknown {
    const status = OUTCOME_STATUS[state.outcome];
    if (wantsJson(accept)) {
      if (status >= 400) {
        throw new ProblemException({
          status,
          slug: `link-${state.outcome}`,
          title: linkPageTitle({ ...state.page, language: Language.En }),
          detail: linkPageTitle({ ...state.page, language: Language.En }),
        });
      }
      return {
        outcome: state.outcome,
        appointmentId: state.appointmentId ?? null,
        start: state.start ?? null,
      };
    }
    const page = { ...state.page, formAction: state.outcome === 'ask' ? reply.request.url : undefined };
    reply.status(status).header('content-type', 'text/html; charset=utf-8');
    return renderLinkPage(page);
  }
}
