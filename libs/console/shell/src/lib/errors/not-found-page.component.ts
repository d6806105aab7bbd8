import { ChangeDetectionStrategy, Component } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@consultorio/console/core';
import { StatusMessageComponent } from './status-message.component';

/** Shown for any address the console does not know. */
@Component({
  selector: 'cs-not-found-page',
  imports: [MatButtonModule, RouterLink, StatusMessageComponent, TranslatePipe],
  template: `
    <cs-status-message
      icon="explore_off"
      code="404"
      data-testid="not-found-page"
      [heading]="'notFound.title' | t"
      [text]="'notFound.text' | t"
    >
      <a mat-flat-button routerLink="/">{{ 'common.goHome' | t }}</a>
    </cs-status-message>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class NotFoundPageComponent {}
