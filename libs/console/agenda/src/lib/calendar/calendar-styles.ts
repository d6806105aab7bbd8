import { DOCUMENT, Injectable, inject } from '@angular/core';

/** File name of the FullCalendar style bundle (see the `styles` of the console's build, `inject: false`). */
export const CALENDAR_STYLESHEET = 'fullcalendar.css';

/**
 * Loads FullCalendar's stylesheet the first time a calendar is shown, so it stays out of the
 * console's initial download like the calendar's code does.
 */
@Injectable({ providedIn: 'root' })
export class CalendarStyles {
  private readonly document = inject(DOCUMENT);
  private loading: Promise<void> | null = null;

  load(): Promise<void> {
    this.loading ??= new Promise<void>((resolve) => {
      const existing = this.document.head.querySelector(`link[data-stylesheet="fullcalendar"]`);
      if (existing) return resolve();
      const link = this.document.createElement('link');
      link.rel = 'stylesheet';
      link.href = CALENDAR_STYLESHEET;
      link.dataset['stylesheet'] = 'fullcalendar';
      // A missing stylesheet leaves the calendar plain but usable: never block on it.
      link.onload = link.onerror = () => resolve();
      this.document.head.appendChild(link);
    });
    return this.loading;
  }
}
