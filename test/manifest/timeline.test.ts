import {
  addDays,
  daysBetween,
  phaseAt,
  pushTargets,
  referencePolicy,
  type Timeline,
} from '../../src/manifest/timeline.js';

const timeline: Timeline = {
  available: '2020-09-01',
  readOnly: '2020-10-01',
  shutdown: '2020-11-01',
  failFrom: '2020-11-01',
};

describe('timeline', () => {
  test.each([
    ['2020-08-31', 'before', ['old']],
    ['2020-09-01', 'dual', ['old', 'new']],
    ['2020-09-30', 'dual', ['old', 'new']],
    ['2020-10-01', 'new-only', ['new']],
    ['2020-10-31', 'new-only', ['new']],
    ['2020-11-01', 'retired', ['new']],
  ])('on %s the phase is %s and pushes go to %j', (day, phase, targets) => {
    expect(phaseAt(timeline, day)).toBe(phase);
    expect(pushTargets(phaseAt(timeline, day))).toEqual(targets);
  });

  test('references to the old registry: information, then a warning with days left, then an error', () => {
    expect(referencePolicy(timeline, '2020-08-15')).toMatchObject({ severity: 'info', daysLeft: 78 });
    expect(referencePolicy(timeline, '2020-10-31')).toMatchObject({
      severity: 'warning',
      daysLeft: 1,
      message: '1 day left: references to the old registry fail from 2020-11-01',
    });
    expect(referencePolicy(timeline, '2020-09-01')).toMatchObject({ severity: 'warning', daysLeft: 61 });
    expect(referencePolicy(timeline, '2020-11-01')).toMatchObject({ severity: 'error' });
  });

  test('warn-days delays warnings until that many days before fail-from; fail-from may precede shutdown', () => {
    const strict = { ...timeline, failFrom: '2020-10-15', warnDays: 10 };
    expect(referencePolicy(strict, '2020-10-04').severity).toBe('info');
    expect(referencePolicy(strict, '2020-10-05')).toMatchObject({ severity: 'warning', daysLeft: 10 });
    expect(referencePolicy(strict, '2020-10-15').severity).toBe('error');
  });

  test('day arithmetic crosses months and leap days', () => {
    expect(daysBetween('2020-02-28', '2020-03-01')).toBe(2);
    expect(addDays('2020-03-01', -1)).toBe('2020-02-29');
  });
});
