import { describe, expect, it } from 'vitest';
import { flowsOutOf, indexSnapshot, requireParty, toSnapshotIndex } from './snapshot-index';
import { makeActivity, makeCategory, makeFlow, makeSnapshot } from '../test-factories';

describe('indexSnapshot', () => {
  const snapshot = makeSnapshot({
    categories: [
      makeCategory({ key: 'biometric', piplSensitive: true }),
      makeCategory({ key: 'biometric.face', parentId: 'biometric', gdprSpecial: true }),
      makeCategory({ key: 'loop-a', parentId: 'loop-b' }),
      makeCategory({ key: 'loop-b', parentId: 'loop-a' }),
    ],
    activities: [makeActivity({ key: 'b', subjectCategoryIds: ['customer'] }), makeActivity({ key: 'a', subjectCategoryIds: ['customer', 'customer'] })],
    flows: ['f-z', 'f-a', 'f-m'].map((key) => makeFlow({ key, activityId: 'a', fromId: 'controller', toId: 'x' })),
  });
  const index = indexSnapshot(snapshot);

  it('lists the flows leaving a party for an activity in key order', () => {
    expect(flowsOutOf(index, 'a', 'controller').map((flow) => flow.key)).toEqual(['f-a', 'f-m', 'f-z']);
    expect(flowsOutOf(index, 'b', 'controller')).toEqual([]);
  });

  it('lists activities in key order, once per subject category', () => {
    expect(index.activities.map((activity) => activity.key)).toEqual(['a', 'b']);
    expect(index.activitiesBySubjectCategory.get('customer')?.map((activity) => activity.key)).toEqual(['a', 'b']);
  });

  it('flags categories under a flagged one, and survives a cycle of parents', () => {
    expect([...index.piplSensitiveCategoryIds].sort()).toEqual(['biometric', 'biometric.face']);
    expect([...index.gdprSpecialCategoryIds]).toEqual(['biometric.face']);
    expect(index.ancestorsOrSelf.get('loop-a')).toEqual(['loop-a', 'loop-b']);
  });

  it('is reused when given instead of a snapshot', () => {
    expect(toSnapshotIndex(index)).toBe(index);
    expect(toSnapshotIndex(snapshot)).not.toBe(index);
  });

  it('names the missing record of an inconsistent snapshot', () => {
    expect(() => requireParty(index, 'nobody')).toThrow("no party 'nobody'");
  });
});
