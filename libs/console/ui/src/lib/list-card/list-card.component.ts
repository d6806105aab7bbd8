import { ChangeDetectionStrategy, Component, input, output, type Signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatPaginatorIntl, MatPaginatorModule, type PageEvent } from '@angular/material/paginator';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { TranslatePipe, type PagedQuery } from '@consultorio/console/core';
import { TranslatedPaginatorIntl } from './paginator-intl';

/** What a list card shows of a server-paginated list; every `PagedListStore` has it. */
export interface PagedListView {
  readonly query: Signal<PagedQuery>;
  readonly loading: Signal<boolean>;
  /** Why the last load failed, or `null` when it did not. */
  readonly failure: Signal<unknown>;
  readonly items: Signal<readonly unknown[]>;
  readonly total: Signal<number>;
}

/**
 * The frame of a list page's table: a loading bar, the table (projected), what to show when
 * loading failed or nothing matched, and the paginator. The page keeps its table and columns
 * and decides what paging and retrying do.
 */
@Component({
  selector: 'cs-list-card',
  imports: [MatButtonModule, MatIconModule, MatPaginatorModule, MatProgressBarModule, TranslatePipe],
  // Provided here, the only place with a paginator, so the paginator stays out of the first load.
  providers: [{ provide: MatPaginatorIntl, useClass: TranslatedPaginatorIntl }],
  templateUrl: './list-card.component.html',
  styleUrl: './list-card.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ListCardComponent {
  readonly list = input.required<PagedListView>();
  readonly pageSizeOptions = input.required<readonly number[]>();
  /** Whether the paginator offers first and last page buttons. */
  readonly showFirstLastButtons = input(false);
  /** Translated message for when loading failed. */
  readonly errorText = input.required<string>();
  /** Translated message for when the list is empty. */
  readonly emptyText = input.required<string>();
  /** Material Symbols name of the icon shown with the empty message. */
  readonly emptyIcon = input.required<string>();

  /** The user moved to another page or changed the page size (`pageIndex` counts from 0). */
  readonly page = output<PageEvent>();
  /** The user asked to load the list again after a failure. */
  readonly retry = output<void>();
}
