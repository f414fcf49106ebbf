/** Roles a user holds in a workspace. A user may hold several. */
export const ROLES = ['admin', 'agent', 'reviewer', 'dispatcher', 'technician'] as const;
export type Role = (typeof ROLES)[number];

/**
 * What each role may do. Routes name one permission; a principal is allowed when any of its roles grants it.
 * `buyer` is not a role: buyers act through a signed link to one claim and hold exactly `claim.buyer`.
 */
export const PERMISSIONS = [
  'workspace.read',
  'workspace.admin',
  'catalogue.read',
  'catalogue.write',
  'claim.read',
  'claim.create',
  'claim.respond',
  'claim.decide',
  'claim.buyer',
  'audit.read',
  'jobs.admin',
  /** The service network: outlets, coverage, technicians, calendars, slot settings. */
  'network.read',
  'network.admin',
  /** Repair orders: take one in (phone or counter), dispatch and reassign, work one's own as a technician. */
  'service.intake',
  'service.dispatch',
  'service.work',
  /** See a repair customer's full phone number and address (each reveal is audited). */
  'service.contact_reveal',
  /** Buyer credit, shared signals and legal-threshold flags (read); trust settings: sharing opt-in, thresholds. */
  'trust.read',
  'trust.admin',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

export const ROLE_PERMISSIONS: Readonly<Record<Role, readonly Permission[]>> = {
  admin: [
    'workspace.read',
    'workspace.admin',
    'catalogue.read',
    'catalogue.write',
    'claim.read',
    'claim.create',
    'claim.respond',
    'claim.decide',
    'audit.read',
    'jobs.admin',
    'network.read',
    'network.admin',
    'service.intake',
    'service.dispatch',
    'service.work',
    'service.contact_reveal',
    'trust.read',
    'trust.admin',
  ],
  agent: [
    'workspace.read',
    'catalogue.read',
    'catalogue.write',
    'claim.read',
    'claim.create',
    'claim.respond',
    'network.read',
    'service.intake',
  ],
  reviewer: ['workspace.read', 'catalogue.read', 'claim.read', 'claim.decide', 'audit.read', 'trust.read'],
  dispatcher: [
    'workspace.read',
    'catalogue.read',
    'network.read',
    'service.intake',
    'service.dispatch',
    'service.contact_reveal',
  ],
  technician: ['workspace.read', 'network.read', 'service.work'],
};

/** Whether any of `roles` grants `permission`. */
export function rolesAllow(roles: readonly Role[], permission: Permission): boolean {
  return roles.some((role) => ROLE_PERMISSIONS[role].includes(permission));
}

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}
