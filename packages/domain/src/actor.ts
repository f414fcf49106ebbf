import { errors } from './errors.js';
import { rolesAllow, type Permission, type Role } from './roles.js';

/**
 * Who is acting. Every service call takes one; services scope every query to `actor.workspaceId` (another
 * workspace's id answers `not_found`, never `forbidden`, so ids do not leak), and a buyer reaches only its one claim.
 */
export type Actor =
  | { readonly kind: 'user'; readonly userId: string; readonly workspaceId: string; readonly roles: readonly Role[] }
  | { readonly kind: 'api_key'; readonly keyId: string; readonly workspaceId: string; readonly roles: readonly Role[] }
  | { readonly kind: 'buyer'; readonly claimId: string; readonly workspaceId: string }
  /** A repair customer through the status link of one repair order (or the public booking form, `orderId` null). */
  | { readonly kind: 'repair_customer'; readonly orderId: string | null; readonly workspaceId: string }
  | { readonly kind: 'system'; readonly component: string; readonly workspaceId: string };

/**
 * The audit log's name for an actor: `user:<id>`, `apikey:<id>`, `buyer:<claim id>`, `customer:<repair order id>`,
 * `system:<component>`.
 */
export function actorLabel(actor: Actor): string {
  switch (actor.kind) {
    case 'user':
      return `user:${actor.userId}`;
    case 'api_key':
      return `apikey:${actor.keyId}`;
    case 'buyer':
      return `buyer:${actor.claimId}`;
    case 'repair_customer':
      return `customer:${actor.orderId ?? 'web-form'}`;
    case 'system':
      return `system:${actor.component}`;
  }
}

/** Whether the actor holds a permission. Buyers hold exactly `claim.buyer`; the system holds everything. */
export function actorMay(actor: Actor, permission: Permission): boolean {
  switch (actor.kind) {
    case 'user':
    case 'api_key':
      return rolesAllow(actor.roles, permission);
    case 'buyer':
      return permission === 'claim.buyer';
    case 'repair_customer':
      // Holds no permission: the repair services check the link's order themselves.
      return false;
    case 'system':
      return true;
  }
}

/** @throws {DomainError} `forbidden` when the actor lacks the permission */
export function requirePermission(actor: Actor, permission: Permission): void {
  if (!actorMay(actor, permission)) throw errors.forbidden(permission);
}
