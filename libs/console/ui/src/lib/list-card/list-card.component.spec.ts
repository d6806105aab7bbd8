import { ChangeDetectionStrategy, Component, signal } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import type { PageEvent } from '@angular/material/paginator';
import { By } from '@angular/platform-browser';
import { setUpConsoleTest } from '@consultorio/console/core/testing';
import { ListCardComponent } from './list-card.component';

@Component({
  imports: [ListCardComponent],
  template: `
    <cs-list-card
      emptyIcon="person_search"
      errorText="No se pudo cargar la lista."
      emptyText="Nada coincide con la búsqueda."
      [list]="list"
      [pageSizeOptions]="[10, 20]"
      [showFirstLastButtons]="firstLast()"
    >
      <table data-testid="projected-table">
        <tr>
          <td>Daniela Núñez</td>
        </tr>
      </table>
    </cs-list-card>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
class ListPageStub {
  readonly list = {
    query: signal({ page: 1, pageSize: 10 }),
    loading: signal(false),
    failure: signal<'offline' | 'error' | null>(null),
    items: signal<unknown[]>([]),
    total: signal(0),
  };
  readonly firstLast = signal(false);
}

describe('ListCardComponent', () => {
  let fixture: ComponentFixture<ListPageStub>;
  let page: ListPageStub;
  let card: ListCardComponent;
  let element: HTMLElement;

  beforeEach(async () => {
    setUpConsoleTest();
    fixture = TestBed.createComponent(ListPageStub);
    page = fixture.componentInstance;
    card = fixture.debugElement.query(By.directive(ListCardComponent)).componentInstance;
    element = fixture.nativeElement;
    await fixture.whenStable();
  });

  function find(selector: string): HTMLElement | null {
    return element.querySelector(selector);
  }

  async function showPage(items: unknown[], total: number, query = { page: 1, pageSize: 10 }): Promise<void> {
    page.list.query.set(query);
    page.list.items.set(items);
    page.list.total.set(total);
    await fixture.whenStable();
  }

  it('shows the page’s table inside the card and the range of the current page', async () => {
    await showPage(['a', 'b'], 25, { page: 2, pageSize: 10 });

    expect(find('.table-scroll [data-testid="projected-table"]')?.textContent).toContain('Daniela Núñez');
    expect(find('.mat-mdc-paginator-range-label')?.textContent?.trim()).toBe('11–20 de 25');
    expect(find('[data-testid="list-empty"]')).toBeNull();
    expect(find('[data-testid="list-error"]')).toBeNull();
  });

  it('shows a busy bar while loading and no empty message until the answer arrives', async () => {
    page.list.loading.set(true);
    await fixture.whenStable();

    expect(find('section')?.getAttribute('aria-busy')).toBe('true');
    expect(find('mat-progress-bar')?.getAttribute('aria-label')).toBe('Cargando…');
    expect(find('[data-testid="list-empty"]')).toBeNull();

    page.list.loading.set(false);
    await fixture.whenStable();
    expect(find('section')?.getAttribute('aria-busy')).toBe('false');
    expect(find('mat-progress-bar')).toBeNull();
    expect(find('[data-testid="list-empty"]')?.textContent).toContain('person_search');
    expect(find('[data-testid="list-empty"]')?.textContent).toContain('Nada coincide con la búsqueda.');
  });

  it('explains a failed load and asks the page to retry', async () => {
    const retries: void[] = [];
    card.retry.subscribe(() => retries.push(undefined));
    page.list.failure.set('error');
    await fixture.whenStable();

    const failure = find('[data-testid="list-error"]');
    expect(failure?.getAttribute('role')).toBe('alert');
    expect(failure?.textContent).toContain('No se pudo cargar la lista.');
    expect(find('[data-testid="list-empty"]')).toBeNull();

    const retry = find('[data-testid="list-retry"]') as HTMLButtonElement;
    expect(retry.textContent?.trim()).toBe('Reintentar');
    retry.click();
    expect(retries.length).toBe(1);
  });

  it('passes the paginator’s page changes to the page, counting pages from 0', async () => {
    const events: PageEvent[] = [];
    card.page.subscribe((event) => events.push(event));
    await showPage(['a'], 25);

    (find('.mat-mdc-paginator-navigation-next') as HTMLButtonElement).click();
    await fixture.whenStable();

    expect(events.length).toBe(1);
    expect(events[0]).toMatchObject({ pageIndex: 1, previousPageIndex: 0, pageSize: 10, length: 25 });
  });

  it('offers first and last page buttons only when asked to', async () => {
    await showPage(['a'], 25);
    expect(find('.mat-mdc-paginator-navigation-last')).toBeNull();

    page.firstLast.set(true);
    await fixture.whenStable();
    expect(find('.mat-mdc-paginator-navigation-last')).not.toBeNull();
  });
});
