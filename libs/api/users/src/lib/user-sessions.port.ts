import type { EntityManager } from 'typeorm';

/**
 * What the users feature needs from sessions: ending all of a user's sessions when an admin
 * deactivates them or sets their password. Implemented by the auth feature.
 */
export abstract class UserSessionsPort {
  abstract revokeAllForUser(manager: EntityManager, userId: string, reason: string): Promise<void>;
}
