import { ChangeDetectionStrategy, Component, computed, inject, input, output } from '@angular/core';
import { MatChipsModule, type MatChipListboxChange } from '@angular/material/chips';
import { MatIconModule } from '@angular/material/icon';
import { I18n, TranslatePipe } from '@consultorio/console/core';
import { AgendaCatalog } from '../shared/agenda-catalog';
import { formatTime } from '../shared/agenda-time';
import { SlotChoice, slotKey } from './booking-form';

interface SlotGroup {
  doctorId: string;
  doctor: string;
  color: string;
  slots: { key: string; time: string; suggested: boolean }[];
}

/** The free times of the day as chips, one row of them per doctor. */
@Component({
  selector: 'cs-slot-picker',
  imports: [MatChipsModule, MatIconModule, TranslatePipe],
  template: `
    @for (group of groups(); track group.doctorId) {
      <section class="group" [attr.aria-label]="group.doctor">
        <h4 class="doctor">
          <span class="dot" [style.background]="group.color" aria-hidden="true"></span>
          {{ group.doctor }}
        </h4>
        <mat-chip-listbox
          class="chips"
          data-testid="slot-list"
          [attr.aria-label]="'booking.slotsOf' | t: { name: group.doctor }"
          [value]="selected()"
          (change)="onChange($event, group)"
        >
          @for (slot of group.slots; track slot.key) {
            <mat-chip-option
              [value]="slot.key"
              [class.clicked]="!slot.suggested"
              [attr.data-testid]="slot.suggested ? 'slot' : 'clicked-slot'"
            >
              {{ slot.time }}
              @if (!slot.suggested) {
                · {{ 'booking.clickedTime' | t }}
              }
            </mat-chip-option>
          }
        </mat-chip-listbox>
      </section>
    }
  `,
  styles: `
    :host {
      display: grid;
      gap: 12px;
    }

    .doctor {
      display: flex;
      align-items: center;
      gap: 8px;
      margin: 0 0 6px;
      font: var(--mat-sys-title-small);
      color: var(--mat-sys-on-surface);
    }

    .dot {
      inline-size: 10px;
      block-size: 10px;
      border-radius: 50%;
    }

    .clicked {
      --mat-chip-outline-color: var(--mat-sys-tertiary);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SlotPickerComponent {
  private readonly catalog = inject(AgendaCatalog);
  private readonly i18n = inject(I18n);

  readonly choices = input.required<readonly SlotChoice[]>();
  readonly selected = input('');
  readonly picked = output<string>();

  protected readonly groups = computed<SlotGroup[]>(() => {
    const locale = this.i18n.locale();
    const timeZone = this.catalog.timeZone();
    const groups = new Map<string, SlotGroup>();
    for (const choice of this.choices()) {
      let group = groups.get(choice.doctorId);
      if (!group) {
        const doctor = this.catalog.doctor(choice.doctorId);
        group = {
          doctorId: choice.doctorId,
          doctor: doctor?.fullName ?? '—',
          color: doctor?.color ?? 'var(--mat-sys-outline)',
          slots: [],
        };
        groups.set(choice.doctorId, group);
      }
      group.slots.push({
        key: slotKey(choice),
        time: formatTime(choice.start, locale, timeZone),
        suggested: choice.suggested,
      });
    }
    return [...groups.values()];
  });

  protected onChange(event: MatChipListboxChange, group: SlotGroup): void {
    if (typeof event.value === 'string' && event.value) this.picked.emit(event.value);
    // Chips of other doctors live in other listboxes: only a deselection of the chosen time clears it.
    else if (group.slots.some((slot) => slot.key === this.selected())) this.picked.emit('');
  }
}
