/**
 * Who may do what (issue 5). Roles are fixed by the units' practice: an admin runs the instance, analysts
 * work the cases they are assigned (and cross-case analytics only over those), investigators their own
 * cases, prosecutors read reports and assigned cases, auditors read the audit trail and nothing else.
 */
import { z } from 'zod';

export const ROLES = ['admin', 'analyst', 'investigator', 'prosecutor', 'auditor'] as const;
export type Role = (typeof ROLES)[number];

export const USERNAME = z
  .string()
  .trim()
  .min(3, 'a username has at least 3 characters')
  .max(64)
  .regex(/^[a-z0-9._-]+$/i, 'a username has only letters, digits, dots, hyphens and underscores');

/** Long passphrases beat composition rules (NIST SP 800-63B §5.1.1.2): length is what is asked. */
export const PASSWORD = z
  .string()
  .min(12, 'a password has at least 12 characters')
  .max(256, 'a password has at most 256 characters');

export interface UserView {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  /** The unit the user works for: what a "hit" in another unit's case tells the finder to contact. */
  unit: string | null;
  disabled: boolean;
  mustChangePassword: boolean;
  createdAt: string;
}

/** What the permission checks need of the signed-in user. */
export interface Principal {
  userId: string;
  username: string;
  role: Role;
  unit: string | null;
}

export type Permission =
  | 'users.manage'
  | 'cases.all'
  | 'cases.assigned'
  | 'graph.read'
  | 'ingest'
  | 'analytics'
  | 'reports'
  | 'victims.reveal'
  | 'audit.read';

const GRANTS: Record<Role, readonly Permission[]> = {
  admin: [
    'users.manage',
    'cases.all',
    'graph.read',
    'ingest',
    'analytics',
    'reports',
    'victims.reveal',
    'audit.read',
  ],
  analyst: ['cases.assigned', 'graph.read', 'ingest', 'analytics', 'reports'],
  investigator: ['cases.assigned', 'graph.read', 'ingest', 'analytics', 'reports', 'victims.reveal'],
  prosecutor: ['cases.assigned', 'graph.read', 'reports'],
  auditor: ['audit.read'],
};

export function can(role: Role, permission: Permission): boolean {
  return GRANTS[role].includes(permission);
}
