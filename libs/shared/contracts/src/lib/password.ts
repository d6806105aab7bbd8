export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 128;

export type PasswordProblem = 'tooShort' | 'tooLong' | 'sameAsIdentity';

/**
 * The password rules, shared by the API and the console: at least 10 characters, at most 128,
 * and not the account's e-mail or username (compared case-insensitively).
 */
export function passwordProblems(
  password: string,
  identity: { email?: string | null; username?: string | null } = {},
): PasswordProblem[] {
  const problems: PasswordProblem[] = [];
  if (password.length < PASSWORD_MIN_LENGTH) problems.push('tooShort');
  if (password.length > PASSWORD_MAX_LENGTH) problems.push('tooLong');
  const lowered = password.trim().toLowerCase();
  const same = [identity.email, identity.username].some(
    (value) => !!value && value.trim().toLowerCase() === lowered,
  );
  if (same) problems.push('sameAsIdentity');
  return problems;
}
