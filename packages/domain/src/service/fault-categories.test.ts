import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FAULT_CATEGORIES, FAULT_CATEGORY_LABELS, isFaultCategory } from './fault-categories.js';

describe('fault categories', () => {
  it('lists the five smart-lock faults of issue 6 first, then other', () => {
    assert.deepEqual(FAULT_CATEGORIES, [
      'fingerprint_not_recognised',
      'motor_jammed',
      'battery_drained',
      'forgotten_password',
      'door_wont_lock',
      'other',
    ]);
  });

  for (const [category, zh, en] of [
    ['fingerprint_not_recognised', '指纹无法识别', 'Fingerprint not recognised'],
    ['motor_jammed', '电机卡死', 'Motor jammed'],
    ['battery_drained', '电池没电', 'Battery drained'],
    ['forgotten_password', '忘记密码', 'Forgotten password'],
    ['door_wont_lock', '门锁不上', "Door won't lock"],
    ['other', '其他故障', 'Other fault'],
  ] as const)
    it(`labels ${category} as ${zh} / ${en}`, () => {
      assert.deepEqual(FAULT_CATEGORY_LABELS[category], { zh, en });
    });

  it('recognises its own names and nothing else', () => {
    for (const category of FAULT_CATEGORIES) assert.equal(isFaultCategory(category), true);
    for (const other of ['', 'Motor_jammed', 'motor jammed', 'battery', 'toString'])
      assert.equal(isFaultCategory(other), false, other);
  });
});
