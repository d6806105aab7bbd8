import { Routes } from '@angular/router';

/** `/cash`: the cash register's day, its close and the monthly report. */
export const cashRoutes: Routes = [];
