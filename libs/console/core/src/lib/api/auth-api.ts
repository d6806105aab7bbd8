import { HttpClient, HttpContext } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  ChangePasswordDto,
  ConfirmPasswordResetDto,
  LoginDto,
  PasswordResetRequestedDto,
  RequestPasswordResetDto,
  TokenResponseDto,
  UpdateProfileDto,
  UserDto,
} from '@consultorio/shared/contracts';
import { Observable } from 'rxjs';
import { SKIP_SESSION_REFRESH, apiUrl } from '../http/api-context';

const signInFlow = () => ({ context: new HttpContext().set(SKIP_SESSION_REFRESH, true) });

/** `/auth`: sign-in, session, password reset and the signed-in user's own profile. */
@Injectable({ providedIn: 'root' })
export class AuthApi {
  private readonly http = inject(HttpClient);

  login(credentials: LoginDto): Observable<TokenResponseDto> {
    return this.http.post<TokenResponseDto>(apiUrl('/auth/login'), credentials, signInFlow());
  }

  refresh(refreshToken: string): Observable<TokenResponseDto> {
    return this.http.post<TokenResponseDto>(
      apiUrl('/auth/refresh'),
      { refresh_token: refreshToken },
      signInFlow(),
    );
  }

  logout(refreshToken: string, accessToken: string): Observable<void> {
    return this.http.post<void>(
      apiUrl('/auth/logout'),
      { refresh_token: refreshToken },
      { ...signInFlow(), headers: { Authorization: `Bearer ${accessToken}` } },
    );
  }

  profile(): Observable<UserDto> {
    return this.http.get<UserDto>(apiUrl('/auth/profile'));
  }

  updateProfile(changes: UpdateProfileDto): Observable<UserDto> {
    return this.http.put<UserDto>(apiUrl('/auth/profile'), changes);
  }

  changePassword(change: ChangePasswordDto): Observable<void> {
    return this.http.post<void>(apiUrl('/auth/password'), change);
  }

  /** Asks for a password-reset e-mail; the answer is the same whether or not the address has an account. */
  requestPasswordReset(request: RequestPasswordResetDto): Observable<PasswordResetRequestedDto> {
    return this.http.post<PasswordResetRequestedDto>(apiUrl('/auth/password-reset'), request, signInFlow());
  }

  /** Sets a new password with the token of a reset link; every session of the account ends. */
  confirmPasswordReset(confirmation: ConfirmPasswordResetDto): Observable<void> {
    return this.http.post<void>(apiUrl('/auth/password-reset/confirm'), confirmation, signInFlow());
  }
}
