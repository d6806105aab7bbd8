import { ChangeDetectionStrategy, Component } from '@angular/core';
import { TranslatePipe } from '@consultorio/console/core';
import { ChangePasswordFormComponent } from './change-password-form.component';
import { ProfileDetailsFormComponent } from './profile-details-form.component';

/** The signed-in user's own details and password. */
@Component({
  selector: 'cs-profile-page',
  imports: [ChangePasswordFormComponent, ProfileDetailsFormComponent, TranslatePipe],
  template: `
    <div class="cs-page">
      <header class="cs-page-header">
        <div>
          <h1>{{ 'profile.title' | t }}</h1>
          <p>{{ 'profile.subtitle' | t }}</p>
        </div>
      </header>
      <div class="columns">
        <cs-profile-details-form />
        <cs-change-password-form />
      </div>
    </div>
  `,
  styles: `
    .columns {
      display: grid;
      grid-template-columns: repeat(auto-fit, minmax(min(100%, 380px), 1fr));
      gap: 24px;
      align-items: start;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ProfilePageComponent {}
