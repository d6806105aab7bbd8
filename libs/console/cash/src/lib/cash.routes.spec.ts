import { ChangeDetectionStrategy, Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Router } from '@angular/router';
import { setUpConsoleTest, testUser } from '@consultorio/console/core/testing';
import { Role } from '@consultorio/shared/contracts';
import { cashRoutes } from './cash.routes';

@Component({ template: '', changeDetection: ChangeDetectionStrategy.OnPush })
class ForbiddenStubComponent {}

describe('cashRoutes', () => {
  async function navigate(role: Role, url: string): Promise<string> {
    setUpConsoleTest({
      signedInAs: testUser({ role }),
      routes: [
        { path: 'cash', children: cashRoutes },
        { path: 'forbidden', component: ForbiddenStubComponent },
      ],
    });
    const router = TestBed.inject(Router);
    let reached = '';
    router.events.subscribe(
      () => (reached = router.routerState.snapshot.root.firstChild?.routeConfig?.path ?? ''),
    );
    await router.navigateByUrl(url);
    return `${router.url} ${reached}`;
  }

  it('takes a doctor from /cash to their production', async () => {
    expect(await navigate(Role.Doctor, '/cash')).toContain('/cash/production');
  });

  it('keeps the monthly report to admins (the API answers only them)', async () => {
    expect(await navigate(Role.Receptionist, '/cash/monthly')).toContain('forbidden');
  });

  it('keeps the drawers from doctors', async () => {
    expect(await navigate(Role.Doctor, '/cash/closes')).toContain('forbidden');
  });

  it('opens the monthly report for admins', async () => {
    expect(await navigate(Role.Admin, '/cash/monthly')).toBe('/cash/monthly cash');
  });
});
