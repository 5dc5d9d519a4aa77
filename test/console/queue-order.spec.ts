import { queueOrder } from '../../src/console/web/queue/queue-order';

/** "Menunggu tindakan Anda": what is late comes first, the longest late on top, then what is due soonest. */
describe('console: the order of the work queue', () => {
  it('puts overdue tracks first, longest late on top, then the rest by due time, and tracks without a due time last', () => {
    const rows = [
      { name: 'due in a week', overdue: false, dueAt: '2024-10-15T23:59:59+07:00' },
      { name: 'no due time', overdue: false, dueAt: null },
      { name: 'late by a day', overdue: true, dueAt: '2024-10-07T23:59:59+07:00' },
      { name: 'due tomorrow', overdue: false, dueAt: '2024-10-09T23:59:59+07:00' },
      { name: 'late by a month', overdue: true, dueAt: '2024-09-08T23:59:59+07:00' },
    ];
    expect([...rows].sort(queueOrder).map((row) => row.name)).toEqual(['late by a month', 'late by a day', 'due tomorrow', 'due in a week', 'no due time']);
  });
});
