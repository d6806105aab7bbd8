import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatIconModule } from '@angular/material/icon';
import { MatMenuModule } from '@angular/material/menu';
import { MatSelectModule } from '@angular/material/select';
import { MatSortModule, Sort } from '@angular/material/sort';
import { MatTableModule } from '@angular/material/table';
import { ActivatedRoute } from '@angular/router';
import { AuthStore, I18n, TranslatePipe } from '@consultorio/console/core';
import { ListCardComponent, SearchFieldComponent, listLayout } from '@consultorio/console/ui';
import { MAX_PAGE_SIZE, type CatalogEntryDto } from '@consultorio/shared/contracts';
import { ClinicSettingsStore } from '../../shared/clinic-settings.store';
import { SETTINGS_EDITOR_ROLES } from '../../shared/settings-access';
import { type CatalogConfig, type CatalogField, fieldOf } from '../catalog-config';
import { catalogConfig } from '../catalog-definitions';
import { CatalogLookups } from '../catalog-lookups';
import { CatalogActions } from './catalog-actions';
import { type CellContext, NO_VALUE, cellText } from './catalog-cells';
import { CATALOG_CONFIG, CatalogStore } from './catalog.store';

/** One row of the table: the entry and its cells, already formatted. */
interface CatalogRow {
  entry: CatalogEntryDto;
  cells: Readonly<Record<string, string>>;
  /** Values of the columns the layout hides, shown under the name. */
  details: string;
}

/** A filter of the list by an enum or reference field. */
interface ListFilter {
  field: CatalogField;
  options: { value: string; label: string }[];
}

/** The catalog a route shows (`data: { catalog: 'treatments' }`). */
function routeCatalog(): CatalogConfig {
  const path = inject(ActivatedRoute).snapshot.data['catalog'] as string;
  const config = catalogConfig(path);
  if (!config) throw new Error(`Unknown catalog ${path}`);
  return config;
}

/**
 * Any configuration catalog, from its configuration: search, filters and pages on the server,
 * money and durations formatted for the clinic, and for admins create, edit, (de)activate and delete.
 */
@Component({
  selector: 'cs-catalog-page',
  imports: [
    ListCardComponent,
    MatButtonModule,
    MatFormFieldModule,
    MatIconModule,
    MatMenuModule,
    MatSelectModule,
    MatSortModule,
    MatTableModule,
    SearchFieldComponent,
    TranslatePipe,
  ],
  providers: [
    { provide: CATALOG_CONFIG, useFactory: routeCatalog },
    CatalogStore,
    CatalogLookups,
    CatalogActions,
  ],
  templateUrl: './catalog-page.component.html',
  styleUrl: './catalog-page.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class CatalogPageComponent {
  protected readonly store = inject(CatalogStore);
  protected readonly actions = inject(CatalogActions);
  private readonly lookups = inject(CatalogLookups);
  private readonly settings = inject(ClinicSettingsStore);
  private readonly auth = inject(AuthStore);
  private readonly i18n = inject(I18n);

  protected readonly config = this.store.config;
  protected readonly pageSizeOptions = [10, 20, 50, MAX_PAGE_SIZE];
  /** Whether the signed-in user may change the catalog (others only read it). */
  protected readonly canEdit = computed(() => {
    const role = this.auth.role();
    return !!role && SETTINGS_EDITOR_ROLES.includes(role);
  });
  protected readonly sortDirection = computed(() =>
    this.store.query().sort.startsWith('-') ? 'desc' : 'asc',
  );

  protected readonly layout = listLayout(1359.98);
  /** The configured columns with the fields they show. */
  protected readonly allColumns = this.config.columns.map((column) => ({
    ...column,
    definition: fieldOf(this.config, column.field),
  }));
  /** The configured columns the layout has room for; the others show under the name. */
  protected readonly shownColumns = computed(() => {
    const layout = this.layout();
    return this.allColumns.filter(
      (column) => layout === 'wide' || (layout === 'medium' && column.from === 'medium'),
    );
  });
  protected readonly columnIds = computed(() => [
    'name',
    ...this.shownColumns().map((column) => column.field),
    ...(this.layout() === 'narrow' ? [] : ['active']),
    ...(this.canEdit() ? ['actions'] : []),
  ]);

  private readonly cellContext = computed<CellContext>(() => {
    // Cells follow a language switch and the clinic currency arriving.
    this.i18n.language();
    this.settings.money();
    const names = new Map<string, Map<string, string>>();
    for (const field of this.config.fields) {
      if (field.kind !== 'reference') continue;
      const entries = this.lookups.of(field.catalog)();
      if (entries) names.set(field.name, new Map(entries.map((entry) => [entry.id, entry.name])));
    }
    return {
      t: (key, params) => this.i18n.t(key, params),
      money: (amount) => this.settings.formatMoney(amount),
      referenceName: (field, id) => {
        const known = names.get(field.name);
        return known ? (known.get(id) ?? '?') : undefined;
      },
    };
  });

  protected readonly rows = computed<CatalogRow[]>(() => {
    const context = this.cellContext();
    const shown = new Set(this.shownColumns().map((column) => column.field));
    return this.store.items().map((entry) => {
      const cells: Record<string, string> = {};
      for (const column of this.allColumns) cells[column.field] = cellText(entry, column.definition, context);
      const details = this.allColumns
        .filter((column) => !shown.has(column.field) && cells[column.field] !== NO_VALUE)
        .map((column) => cells[column.field])
        .join(' · ');
      return { entry, cells, details };
    });
  });

  protected readonly filters = computed<ListFilter[]>(() => {
    // Enum labels follow a language switch.
    this.i18n.language();
    return this.config.filters.map((name) => {
      const field = fieldOf(this.config, name);
      const options =
        field.kind === 'enum'
          ? field.options.map((option) => ({ value: option.value, label: this.i18n.t(option.label) }))
          : field.kind === 'reference'
            ? (this.lookups.of(field.catalog)() ?? []).map((entry) => ({
                value: entry.id,
                label: entry.name,
              }))
            : [];
      return { field, options };
    });
  });

  constructor() {
    this.settings.ensureLoaded();
    for (const field of this.config.fields) {
      if (field.kind === 'reference') this.lookups.load(field.catalog);
    }
  }

  protected filterValue(field: CatalogField): string | null {
    return this.store.query().filters?.[field.name] ?? null;
  }

  protected onSort(sort: Sort): void {
    this.store.sortByName(sort.direction);
  }
}
