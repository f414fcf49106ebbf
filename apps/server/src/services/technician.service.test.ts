import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  DEFAULT_COMPLAINT_SLA_POLICY,
  DEFAULT_INSPECTION_FEE_POLICY,
  DEFAULT_SLA_POLICY,
  DEFAULT_SLOT_SETTINGS,
  DomainError,
} from '@proofdesk/domain';
import { TEST_DIALECTS } from '../testing/databases.js';
import { createNetworkHarness, type NetworkHarness } from './network-test-harness.js';

const code = (c: string) => (error: unknown) => error instanceof DomainError && error.code === c;
const SKILLS = { productLines: ['智能门锁 X1', ' 智能门锁 X1 '], faultCategories: ['motor_jammed', 'battery_drained'] };

for (const dialect of TEST_DIALECTS) {
  describe(`technicians, settings and the dispatch network on ${dialect}`, () => {
    let h: NetworkHarness;
    let outletId: string;
    before(async () => {
      h = await createNetworkHarness(dialect);
      outletId = (await h.outlets.createOutlet(h.admin, { name: '甘洛网点', address: '甘洛县', areaCode: '513435' }))
        .id;
    });
    after(() => h.dispose());

    it('seals the phone, answers it masked, finds it by any notation, and reveals it only audited', async () => {
      const tech = await h.technicians.createTechnician(h.admin, {
        name: '王师傅',
        phone: '+86 138-0013-5678',
        homeOutletId: outletId,
        skills: SKILLS,
        userId: h.users.techUser,
      });
      assert.equal(tech.phoneMasked, '138****5678');
      assert.deepEqual(tech.skills.productLines, ['智能门锁 X1']);
      assert.equal(tech.rating, 5);
      const row = await h.t.db.kysely
        .selectFrom('technicians')
        .selectAll()
        .where('id', '=', tech.id)
        .executeTakeFirstOrThrow();
      assert.ok(!JSON.stringify(row).includes('13800135678'), 'no plain phone at rest');
      const found = await h.technicians.listTechnicians(h.dispatcher, { phone: '13800135678' });
      assert.deepEqual(
        found.items.map((t) => t.id),
        [tech.id],
      );
      assert.equal((await h.technicians.listTechnicians(h.outsider, { phone: '13800135678' })).items.length, 0);
      await assert.rejects(h.technicians.revealPhone(h.technician, tech.id), code('forbidden'));
      await assert.rejects(h.technicians.revealPhone(h.outsider, tech.id), code('not_found'));
      assert.deepEqual(await h.technicians.revealPhone(h.dispatcher, tech.id), { phone: '13800135678' });
      assert.deepEqual(await h.auditActions(tech.id), ['technician.created', 'technician.phone_revealed']);

      const same = await h.technicians.updateTechnician(h.admin, tech.id, { phone: '138 0013 5678' });
      assert.equal(same.version, 1, 'the same number in another notation is no change');
      const moved = await h.technicians.updateTechnician(h.admin, tech.id, {
        phone: '13912345678',
        rating: 4.7,
        capacityOverride: 3,
        expectedVersion: 1,
      });
      assert.deepEqual(
        [moved.phoneMasked, moved.rating, moved.capacityOverride, moved.version],
        ['139****5678', 4.7, 3, 2],
      );
      const audit = await h.t.db.kysely
        .selectFrom('audit_events')
        .select('data_json')
        .where('subject_id', '=', tech.id)
        .where('action', '=', 'technician.updated')
        .executeTakeFirstOrThrow();
      assert.ok(!audit.data_json.includes('13912345678'), 'the audit never holds the plain number');
      await assert.rejects(
        h.technicians.updateTechnician(h.admin, tech.id, { rating: 4, expectedVersion: 1 }),
        code('conflict'),
      );
    });

    it('refuses unknown outlets, fault categories, users of another workspace or already linked, and wrong roles', async () => {
      const base = { name: '李师傅', phone: '13700001111', homeOutletId: outletId, skills: SKILLS };
      await assert.rejects(h.technicians.createTechnician(h.dispatcher, base), code('forbidden'));
      await assert.rejects(h.technicians.createTechnician(h.admin, { ...base, phone: '12' }), code('invalid_input'));
      await assert.rejects(
        h.technicians.createTechnician(h.admin, { ...base, skills: { productLines: [], faultCategories: ['x'] } }),
        code('invalid_input'),
      );
      await assert.rejects(h.technicians.createTechnician(h.admin, { ...base, rating: 6 }), code('invalid_input'));
      await assert.rejects(h.technicians.createTechnician(h.outsider, base), code('invalid_input'));
      await assert.rejects(
        h.technicians.createTechnician(h.admin, { ...base, userId: h.users.otherUser }),
        code('invalid_input'),
      );
      await assert.rejects(
        h.technicians.createTechnician(h.admin, { ...base, userId: h.users.techUser }),
        code('conflict'),
      );
    });

    it('keeps a calendar of days off and extra working days, validated', async () => {
      const tech = await h.technicians.createTechnician(h.admin, {
        name: '赵师傅',
        phone: '13600002222',
        homeOutletId: outletId,
        skills: SKILLS,
      });
      const set = await h.technicians.setCalendar(h.admin, tech.id, {
        off: ['2026-11-05', '2026-11-04', '2026-11-05'],
        on: ['2026-11-07'],
      });
      assert.deepEqual(set, { technicianId: tech.id, off: ['2026-11-04', '2026-11-05'], on: ['2026-11-07'] });
      assert.deepEqual(await h.technicians.getCalendar(h.technician, tech.id), set);
      await assert.rejects(
        h.technicians.setCalendar(h.admin, tech.id, { off: ['2026-02-30'], on: [] }),
        code('invalid_input'),
      );
      await assert.rejects(
        h.technicians.setCalendar(h.admin, tech.id, { off: ['2026-11-07'], on: ['2026-11-07'] }),
        code('invalid_input'),
      );
      await assert.rejects(h.technicians.getCalendar(h.outsider, tech.id), code('not_found'));
      const cleared = await h.technicians.setCalendar(h.admin, tech.id, { off: [], on: [] });
      assert.deepEqual([cleared.off, cleared.on], [[], []]);
    });

    it('answers the active network with its version for dispatch, consistent with every change', async () => {
      const other = await h.outlets.createOutlet(h.admin, { name: '越西网点', address: '越西县', areaCode: '513434' });
      await h.coverage.replaceCoverage(h.admin, outletId, [
        { code: '513435', mode: 'include' },
        { code: '513435100', mode: 'exclude' },
      ]);
      await h.coverage.replaceCoverage(h.admin, other.id, [{ code: '513434', mode: 'include' }]);
      const yuexi = await h.technicians.createTechnician(h.admin, {
        name: '越西师傅',
        phone: '13500003333',
        homeOutletId: other.id,
        skills: SKILLS,
      });
      const net = await h.network.dispatchNetwork('ws1');
      assert.equal(net.version, await h.network.networkVersion('ws1'));
      assert.deepEqual(
        net.coverage.filter((r) => r.outletId === outletId).map((r) => [r.code, r.mode]),
        [
          ['513435', 'include'],
          ['513435100', 'exclude'],
        ],
      );
      assert.ok(net.technicians.some((t) => t.id === yuexi.id));
      const zhao = net.technicians.find((t) => t.name === '赵师傅');
      assert.deepEqual([zhao?.daysOff, zhao?.extraWorkingDays], [[], []]);

      await h.outlets.deactivateOutlet(h.admin, other.id);
      const after = await h.network.dispatchNetwork('ws1');
      assert.equal(after.version, net.version + 1);
      assert.ok(!after.outlets.some((o) => o.id === other.id));
      assert.ok(!after.coverage.some((r) => r.outletId === other.id), 'an inactive outlet covers nothing');
      assert.ok(!after.technicians.some((t) => t.id === yuexi.id), 'nor do its technicians take orders');
      await h.technicians.deactivateTechnician(h.admin, zhao!.id);
      assert.ok(!(await h.network.dispatchNetwork('ws1')).technicians.some((t) => t.id === zhao!.id));
      assert.deepEqual((await h.network.dispatchNetwork('ws2')).outlets, []);
    });

    it('stores settings validated by the service domain, versioned, and lists the business calendar', async () => {
      const initial = await h.settings.getSettings(h.technician);
      assert.deepEqual(initial, {
        settings: {
          slots: DEFAULT_SLOT_SETTINGS,
          sla: DEFAULT_SLA_POLICY,
          inspection: DEFAULT_INSPECTION_FEE_POLICY,
          productLines: [],
          complaints: DEFAULT_COMPLAINT_SLA_POLICY,
        },
        version: 0,
        updatedAt: null,
      });
      const wanted = {
        slots: { ...DEFAULT_SLOT_SETTINGS, capacityPerTechnician: 3 },
        sla: { ...DEFAULT_SLA_POLICY, escalationDelayMinutes: { dispatcher: 0, outlet_manager: 30, brand: 90 } },
        inspection: { freeFirstInspection: false, freeInWarranty: true, inspectionFeeFen: 8_000 },
        productLines: ['智能门锁 X1', '智能门锁 X1', '猫眼摄像头'],
      };
      await assert.rejects(h.settings.putSettings(h.dispatcher, wanted), code('forbidden'));
      const saved = await h.settings.putSettings(h.admin, wanted, 0);
      assert.equal(saved.version, 1);
      assert.deepEqual(saved.settings.productLines, ['智能门锁 X1', '猫眼摄像头']);
      assert.deepEqual(await h.settings.getSettings(h.agent), saved);
      assert.deepEqual((await h.settings.settingsOf('ws2')).version, 0, 'per workspace');
      await assert.rejects(h.settings.putSettings(h.admin, wanted, 0), code('conflict'));
      const overlapping = {
        ...wanted,
        slots: { ...wanted.slots, hours: { ...wanted.slots.hours, afternoon: { start: '11:00', end: '18:00' } } },
      };
      await assert.rejects(h.settings.putSettings(h.admin, overlapping), code('invalid_input'));
      await assert.rejects(
        h.settings.putSettings(h.admin, { ...wanted, slots: { ...wanted.slots, capacityPerTechnician: 0 } }),
        code('invalid_input'),
      );
      await assert.rejects(
        h.settings.putSettings(h.admin, { ...wanted, sla: { ...wanted.sla, responseMinutes: 0 } }),
        code('invalid_input'),
      );
      await assert.rejects(
        h.settings.putSettings(h.admin, { ...wanted, inspection: { ...wanted.inspection, inspectionFeeFen: 12.5 } }),
        code('invalid_input'),
      );
      assert.equal((await h.settings.settingsOf('ws1')).settings.inspection.freeFirstInspection, false);
      assert.ok((await h.auditActions('ws1')).includes('service_settings.updated'));

      // Complaint SLAs: left out they stay as stored; given, they are validated and replace the stored ones.
      assert.deepEqual(saved.settings.complaints, DEFAULT_COMPLAINT_SLA_POLICY);
      const complaints = {
        ...DEFAULT_COMPLAINT_SLA_POLICY,
        acknowledgeMinutes: 60,
        hours: { start: '08:30', end: '20:00' },
      };
      const withComplaints = await h.settings.putSettings(h.admin, { ...wanted, complaints }, 1);
      assert.deepEqual(withComplaints.settings.complaints, complaints);
      const keptComplaints = await h.settings.putSettings(h.admin, wanted, 2);
      assert.deepEqual(keptComplaints.settings.complaints, complaints, 'a client without the field keeps them');
      for (const bad of [
        { ...complaints, acknowledgeMinutes: 0 },
        { ...complaints, resolveMinutes: 30 },
        { ...complaints, hours: { start: '18:00', end: '09:00' } },
        { ...complaints, escalationDelayMinutes: { outlet: 0, region: -1, brand: 0 } },
      ])
        await assert.rejects(h.settings.putSettings(h.admin, { ...wanted, complaints: bad }), code('invalid_input'));
      assert.equal((await h.settings.settingsOf('ws1')).version, 3, 'refused changes store nothing');

      const { days } = h.settings.listCalendar(h.technician, '2026-09-30', '2026-10-10');
      const kinds = Object.fromEntries(days.map((d) => [d.date, d.kind]));
      assert.equal(days.length, 11);
      assert.equal(kinds['2026-09-30'], 'workday');
      assert.equal(kinds['2026-10-01'], 'holiday');
      assert.ok(
        days.some((d) => d.kind === 'makeup_workday'),
        '国庆 is paid back by a make-up working day',
      );
      assert.throws(() => h.settings.listCalendar(h.admin, '2026-10-10', '2026-10-01'), code('invalid_input'));
      assert.throws(() => h.settings.listCalendar(h.admin, '2026-01-01', '2027-06-01'), code('invalid_input'));
    });
  });
}
