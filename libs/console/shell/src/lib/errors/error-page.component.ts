import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { ActivatedRoute, RouterLink } from '@angular/router';
import { TranslatePipe } from '@consultorio/console/core';
import type { ErrorPageContent } from './error-page-content';
import { StatusMessageComponent } from './status-message.component';

/** A page that explains why the requested one cannot be shown, with a way back home. */
@Component({
  selector: 'cs-error-page',
  imports: [MatButtonModule, RouterLink, StatusMessageComponent, TranslatePipe],
  template: `
    <cs-status-message
      [icon]="content.icon"
      [code]="content.code"
      [attr.data-testid]="content.testId"
      [heading]="content.title | t"
      [text]="content.text | t"
    >
      <a mat-flat-button routerLink="/">{{ 'common.goHome' | t }}</a>
    </cs-status-message>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ErrorPageComponent {
  protected readonly content = inject(ActivatedRoute).snapshot.data['errorPage'] as ErrorPageContent;
}
