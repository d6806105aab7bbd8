import { ChangeDetectionStrategy, Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { setUpConsoleTest } from '@consultorio/console/core/testing';
import { StatusChipComponent, type StatusLook } from './status-chip.component';

type Door = 'open' | 'shut';

const LOOKS: Readonly<Record<Door, StatusLook>> = {
  open: { label: 'appointmentStatus.completed', icon: 'task_alt', tone: 'success' },
  shut: { label: 'appointmentStatus.no_show', icon: 'person_off', tone: 'error' },
};

@Component({
  imports: [StatusChipComponent],
  template: `<cs-status-chip [status]="status()" [looks]="looks" />`,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
class ChipHost {
  readonly status = signal<Door>('open');
  protected readonly looks = LOOKS;
}

describe('StatusChipComponent', () => {
  it('shows the look the feature gives the status: its name, icon and tone', async () => {
    setUpConsoleTest();
    const fixture = TestBed.createComponent(ChipHost);
    await fixture.whenStable();
    const chip = () => fixture.nativeElement.querySelector('[data-testid="status-chip"]') as HTMLElement;

    expect(chip().textContent).toContain('Atendida');
    expect(chip().querySelector('mat-icon')?.textContent).toBe('task_alt');
    expect(chip().dataset['tone']).toBe('success');
    expect(chip().dataset['status']).toBe('open');

    fixture.componentInstance.status.set('shut');
    await fixture.whenStable();
    expect(chip().textContent).toContain('No asistió');
    expect(chip().dataset['tone']).toBe('error');
    expect(chip().dataset['status']).toBe('shut');
  });
});
