/**
 * Who sees the import screen: the roles granted `ingest` in server/domain/access.ts. The client may not
 * run server code (the dependency rules allow types only), so the list is restated here and a test
 * (test/browser/import-screen.test.ts) holds it to the server's grants; the server refuses anyone else
 * whatever the page shows.
 */
export const IMPORT_ROLES: readonly string[] = ['admin', 'analyst', 'investigator'];

export const canImport = (role: string): boolean => IMPORT_ROLES.includes(role);
