/**
 * Which roles may make reports and exports: the client's copy of the server's grant of 'reports'
 * (server/domain/access.ts), keyed by every role so a new role cannot be forgotten here; a test holds
 * the two equal. The server decides in the end — this only keeps a button away from those refused.
 */
import type { Role } from '../../server/domain/access.js';

export const MAKES_REPORTS: Record<Role, boolean> = {
  admin: true,
  analyst: true,
  investigator: true,
  prosecutor: true,
  auditor: false,
};

export const makesReports = (role: string): boolean => MAKES_REPORTS[role as Role] === true;
