import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { actorLabel, actorMay, requirePermission, type Actor } from './actor.js';
import { DomainError } from './errors.js';
import { isRole, PERMISSIONS, ROLES, rolesAllow, type Permission, type Role } from './roles.js';

/** What each role may do, written out independently of ROLE_PERMISSIONS. */
const MAY: Readonly<Record<Role, readonly Permission[]>> = {
  admin: PERMISSIONS.filter((p) => p !== 'claim.buyer'),
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

const user = (...roles: Role[]): Actor => ({ kind: 'user', userId: 'u1', workspaceId: 'w1', roles });

describe('actorMay', () => {
  for (const role of ROLES)
    for (const permission of PERMISSIONS) {
      const expected = MAY[role].includes(permission);
      it(`${role} ${expected ? 'may' : 'may not'} ${permission}`, () => {
        assert.equal(actorMay(user(role), permission), expected);
        assert.equal(
          actorMay({ kind: 'api_key', keyId: 'k1', workspaceId: 'w1', roles: [role] }, permission),
          expected,
        );
      });
    }

  it('gives a user with several roles the union of them', () => {
    const both = user('agent', 'reviewer');
    assert.equal(actorMay(both, 'claim.create'), true);
    assert.equal(actorMay(both, 'claim.decide'), true);
    assert.equal(actorMay(both, 'jobs.admin'), false);
    assert.equal(actorMay(user(), 'workspace.read'), false, 'no roles, no permissions');
  });

  it('lets a buyer act only on its claim, and the system do anything', () => {
    const buyer: Actor = { kind: 'buyer', claimId: 'c1', workspaceId: 'w1' };
    const system: Actor = { kind: 'system', component: 'analysis', workspaceId: 'w1' };
    const customer: Actor = { kind: 'repair_customer', orderId: 'r1', workspaceId: 'w1' };
    for (const permission of PERMISSIONS) {
      assert.equal(actorMay(buyer, permission), permission === 'claim.buyer', permission);
      assert.equal(actorMay(customer, permission), false, permission);
      assert.equal(actorMay(system, permission), true, permission);
    }
  });

  it('requirePermission throws forbidden naming the permission', () => {
    assert.doesNotThrow(() => requirePermission(user('reviewer'), 'claim.decide'));
    assert.throws(
      () => requirePermission(user('agent'), 'claim.decide'),
      (e: unknown) => e instanceof DomainError && e.code === 'forbidden' && e.details?.action === 'claim.decide',
    );
  });

  it('rolesAllow and isRole agree with the table', () => {
    assert.equal(rolesAllow(['dispatcher', 'technician'], 'catalogue.write'), false);
    assert.equal(rolesAllow(['dispatcher', 'agent'], 'catalogue.write'), true);
    assert.equal(isRole('reviewer'), true);
    assert.equal(isRole('buyer'), false);
    assert.equal(isRole('Admin'), false);
  });
});

describe('actorLabel', () => {
  it('names each kind of actor for the audit log', () => {
    assert.equal(actorLabel(user('admin')), 'user:u1');
    assert.equal(actorLabel({ kind: 'api_key', keyId: 'k9', workspaceId: 'w1', roles: [] }), 'apikey:k9');
    assert.equal(actorLabel({ kind: 'buyer', claimId: 'c7', workspaceId: 'w1' }), 'buyer:c7');
    assert.equal(actorLabel({ kind: 'system', component: 'analysis', workspaceId: 'w1' }), 'system:analysis');
    assert.equal(actorLabel({ kind: 'repair_customer', orderId: 'r1', workspaceId: 'w1' }), 'customer:r1');
    assert.equal(actorLabel({ kind: 'repair_customer', orderId: null, workspaceId: 'w1' }), 'customer:web-form');
  });
});
