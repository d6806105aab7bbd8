import { ChangeDetectionStrategy, Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { SEARCH_DEBOUNCE_MS, SearchFieldComponent } from './search-field.component';

@Component({
  imports: [SearchFieldComponent],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `<cs-search-field
    label="Buscar"
    clearLabel="Borrar"
    testId="q"
    (searched)="seen.push($event)"
  />`,
})
class HostComponent {
  readonly seen: string[] = [];
}

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('SearchFieldComponent', () => {
  function setUp() {
    const fixture = TestBed.createComponent(HostComponent);
    fixture.detectChanges();
    const element = fixture.nativeElement as HTMLElement;
    const input = element.querySelector('[data-testid="q"]') as HTMLInputElement;
    const type = (text: string) => {
      input.value = text;
      input.dispatchEvent(new Event('input'));
      fixture.detectChanges();
    };
    return { fixture, element, input, type, seen: fixture.componentInstance.seen };
  }

  it('emits the trimmed text once the user stops typing, not the same text twice', async () => {
    const { type, seen } = setUp();
    type('ju');
    type('juan ');
    expect(seen).toEqual([]);
    await wait(SEARCH_DEBOUNCE_MS + 50);
    expect(seen).toEqual(['juan']);
    type('juan');
    await wait(SEARCH_DEBOUNCE_MS + 50);
    expect(seen).toEqual(['juan']);
  });

  it('offers a clear button only with text, and clearing searches for everything', async () => {
    const { element, type, seen, fixture } = setUp();
    expect(element.querySelector('button[aria-label="Borrar"]')).toBeNull();
    type('ana');
    await wait(SEARCH_DEBOUNCE_MS + 50);
    (element.querySelector('button[aria-label="Borrar"]') as HTMLButtonElement).click();
    fixture.detectChanges();
    await wait(SEARCH_DEBOUNCE_MS + 50);
    expect(seen).toEqual(['ana', '']);
    expect((element.querySelector('[data-testid="q"]') as HTMLInputElement).value).toBe('');
  });
});
