/** Prefix of every API route (URI versioning). */
export const API_PREFIX = '/api/v1';
export const API_DOCS_PATH = '/api/docs';
