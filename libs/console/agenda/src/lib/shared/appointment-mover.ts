import { Injectable, Injector, inject } from '@angular/core';
import { MatDialog } from '@angular/material/dialog';
import { AppointmentsApi, I18n } from '@consultorio/console/core';
import type { AppointmentDto } from '@consultorio/shared/contracts';
import { firstValueFrom } from 'rxjs';
import type { CalendarMove } from '../calendar/agenda-calendar.component';
import { appointmentProblem, type AppointmentProblem } from './appointment-problem';
import { ConflictDialogComponent } from './conflict-dialog.component';

/**
 * Sends a drag or resize to the API, which decides. When it refuses, the appointment goes back
 * where it was and a dialog says why and what it collides with.
 */
@Injectable()
export class AppointmentMover {
  private readonly api = inject(AppointmentsApi);
  private readonly dialog = inject(MatDialog);
  private readonly i18n = inject(I18n);
  private readonly injector = inject(Injector);

  async move(move: CalendarMove, doctorId?: string): Promise<AppointmentDto | null> {
    try {
      return await firstValueFrom(
        this.api.reschedule(move.id, { start: move.start, end: move.end, ...(doctorId ? { doctorId } : {}) }),
      );
    } catch (error) {
      move.revert();
      this.dialog.open<ConflictDialogComponent, AppointmentProblem>(ConflictDialogComponent, {
        data: appointmentProblem(this.i18n, error),
        injector: this.injector,
        width: '480px',
        maxWidth: 'calc(100vw - 24px)',
      });
      return null;
    }
  }
}
