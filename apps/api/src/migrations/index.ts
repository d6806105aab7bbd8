import { Foundation1763800000000 } from './1763800000000-foundation';

/** Every migration, oldest first. Listed explicitly so the bundled app and the tests find them. */
export const MIGRATIONS = [Foundation1763800000000];
