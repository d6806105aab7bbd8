import { ChangeDetectionStrategy, Component } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '@consultorio/console/core';
import { StatusMessageComponent } from './status-message.component';

/** Shown, at the requested address, when the user's role may not open a page. */
@Component({
  selector: 'cs-forbidden-page',
  imports: [MatButtonModule, RouterLink, StatusMessageComponent, TranslatePipe],
  template: `
    <cs-status-message
      icon="lock"
      code="403"
      data-testid="forbidden-page"
      [heading]="'forbidden.title' | t"
      [text]="'forbidden.text' | t"
    >
      <a mat-flat-button routerLink="/">{{ 'common.goHome' | t }}</a>
    </cs-status-message>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ForbiddenPageComponent {}
