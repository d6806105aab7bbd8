import { Injectable, inject } from '@angular/core';
import { MatDialog } from '@angular/material/dialog';
import { I18n, Notifier, statusOf } from '@consultorio/console/core';
import type { CatalogEntryDto } from '@consultorio/shared/contracts';
import { firstValueFrom } from 'rxjs';
import { ConfirmDialogComponent, ConfirmDialogData } from '@consultorio/console/ui';
import { CatalogDialogComponent, CatalogDialogData } from '../catalog-dialog/catalog-dialog.component';
import { CatalogLookups } from '../catalog-lookups';
import { CatalogStore } from './catalog.store';

/** What an admin does to the entries of a catalog page, each through its dialog. */
@Injectable()
export class CatalogActions {
  private readonly store = inject(CatalogStore);
  private readonly lookups = inject(CatalogLookups);
  private readonly dialog = inject(MatDialog);
  private readonly notifier = inject(Notifier);
  private readonly i18n = inject(I18n);

  /** Opens the form for `entry`, or for a new entry when `null`. */
  async edit(entry: CatalogEntryDto | null): Promise<void> {
    const ref = this.dialog.open<CatalogDialogComponent, CatalogDialogData, CatalogEntryDto>(
      CatalogDialogComponent,
      {
        data: { config: this.store.config, entry, lookups: this.lookups },
        width: '600px',
        maxWidth: 'calc(100vw - 24px)',
        autoFocus: 'first-tabbable',
      },
    );
    const saved = await firstValueFrom(ref.afterClosed());
    if (!saved) return;
    this.notifier.success(entry ? 'catalogs.updated' : 'catalogs.created', { name: saved.name });
    this.store.reload();
  }

  /** Deactivates (hidden from new records, kept by existing ones) or reactivates, after asking. */
  async toggleActive(entry: CatalogEntryDto): Promise<void> {
    const activate = !entry.active;
    const confirmed = await this.confirm({
      title: this.i18n.t(activate ? 'catalogs.activateTitle' : 'catalogs.deactivateTitle', {
        name: entry.name,
      }),
      text: this.i18n.t(activate ? 'catalogs.activateText' : 'catalogs.deactivateText'),
      confirm: this.i18n.t(activate ? 'catalogs.activate' : 'catalogs.deactivate'),
      icon: activate ? 'visibility' : 'visibility_off',
    });
    if (confirmed) await this.setActive(entry, activate);
  }

  /** Deletes after asking; an entry still in use cannot go, so deactivating it is offered instead. */
  async remove(entry: CatalogEntryDto): Promise<void> {
    const confirmed = await this.confirm({
      title: this.i18n.t('catalogs.deleteTitle', { name: entry.name }),
      text: this.i18n.t('catalogs.deleteText'),
      confirm: this.i18n.t('catalogs.delete'),
      icon: 'delete',
      destructive: true,
    });
    if (!confirmed) return;
    try {
      await firstValueFrom(this.store.remove(entry));
      this.notifier.success('catalogs.deleted', { name: entry.name });
      this.store.reload();
    } catch (error) {
      if (statusOf(error) === 409) await this.offerDeactivation(entry);
      else this.notifier.failure(error);
    }
  }

  private async offerDeactivation(entry: CatalogEntryDto): Promise<void> {
    const deactivate = await this.confirm({
      title: this.i18n.t('catalogs.inUseTitle', { name: entry.name }),
      text: this.i18n.t(entry.active ? 'catalogs.inUseText' : 'catalogs.inUseInactiveText'),
      confirm: entry.active ? this.i18n.t('catalogs.deactivate') : undefined,
      icon: 'link',
    });
    if (deactivate) await this.setActive(entry, false);
  }

  private async setActive(entry: CatalogEntryDto, active: boolean): Promise<void> {
    try {
      await firstValueFrom(this.store.setActive(entry, active));
      this.notifier.success(active ? 'catalogs.activated' : 'catalogs.deactivated', { name: entry.name });
      this.store.reload();
    } catch (error) {
      this.notifier.failure(error);
    }
  }

  private async confirm(data: ConfirmDialogData): Promise<boolean> {
    const ref = this.dialog.open<ConfirmDialogComponent, ConfirmDialogData, boolean>(ConfirmDialogComponent, {
      data,
      width: '440px',
      maxWidth: 'calc(100vw - 24px)',
    });
    return (await firstValueFrom(ref.afterClosed())) === true;
  }
}
