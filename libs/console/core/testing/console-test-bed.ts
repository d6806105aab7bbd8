import type { EnvironmentProviders, Provider } from '@angular/core';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { type Routes, provideRouter } from '@angular/router';
import { Language, Role, type TokenResponseDto, type UserDto } from '@consultorio/shared/contracts';
import { AuthStore } from '../src/lib/auth/auth-store';
import { provideConsoleCore } from '../src/lib/provide-console-core';

/** A user as the API sends it: an active, Spanish-speaking admin; `changes` set what a test is about. */
export function testUser(changes: Partial<UserDto> = {}): UserDto {
  return {
    id: 'u-1',
    email: 'admin@consultorio.test',
    username: 'admin',
    fullName: 'Andrés Administrador',
    phone: null,
    role: Role.Admin,
    active: true,
    preferredLanguage: Language.Es,
    lastLoginAt: null,
    createdAt: '2026-01-01T00:00:00Z',
    updatedAt: '2026-01-01T00:00:00Z',
    ...changes,
  };
}

/** The API's answer to a sign-in of `user`, with its usual token lifetimes. */
export function tokensFor(user: UserDto, accessToken = 'access', refreshToken = 'refresh'): TokenResponseDto {
  return {
    access_token: accessToken,
    token_type: 'Bearer',
    expires_in: 900,
    refresh_token: refreshToken,
    refresh_expires_in: 86400,
    user,
  };
}

export interface ConsoleTestOptions {
  /** The router's routes; none by default. */
  routes?: Routes;
  /** Providers the test adds, such as a dialog's data. */
  providers?: (Provider | EnvironmentProviders)[];
  /** Who is signed in; nobody by default. */
  signedInAs?: UserDto;
}

/**
 * Configures the testing module as the console runs (its core providers and a router) with a
 * fake backend and empty browser storage; returns the fake backend.
 */
export function setUpConsoleTest(options: ConsoleTestOptions = {}): HttpTestingController {
  localStorage.clear();
  TestBed.configureTestingModule({
    providers: [
      provideConsoleCore(),
      provideHttpClientTesting(),
      provideRouter(options.routes ?? []),
      ...(options.providers ?? []),
    ],
  });
  if (options.signedInAs) TestBed.inject(AuthStore).start(tokensFor(options.signedInAs));
  return TestBed.inject(HttpTestingController);
}

/** Lets code awaiting an HTTP answer continue, then waits for the view to update. */
export async function settle(fixture: ComponentFixture<unknown>): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve));
  await fixture.whenStable();
}
