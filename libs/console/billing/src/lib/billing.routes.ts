import { Routes } from '@angular/router';

/** `/billing`: invoices and credit notes, payments and their PDF. */
export const billingRoutes: Routes = [];
