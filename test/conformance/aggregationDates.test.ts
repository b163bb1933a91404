import assert from 'node:assert/strict';
import type { Document } from 'mongodb';
import type { LooseCollection } from './support/conformanceDb.js';
import { useConformanceDb } from './support/conformanceDb.js';

const when = new Date('2024-03-15T10:20:30.456Z');

describe('conformance: aggregation date operators', () => {
  const ctx = useConformanceDb('conf_agg_dates');
  let coll: LooseCollection;

  before(async () => {
    coll = ctx.fresh();
    await coll.insertMany([
      { _id: 1, at: when },
      { _id: 2, at: new Date('2023-12-31T23:59:59.999Z') },
      { _id: 3, at: new Date('2024-01-01T00:00:00.000Z') },
      { _id: 4, at: null },
    ]);
  });

  async function projectOne(id: number, projection: Document) {
    const [doc] = await coll.aggregate([{ $match: { _id: id } }, { $project: { _id: 0, ...projection } }]).toArray();
    return doc;
  }

  it('extracts calendar parts in UTC when $year, $month and $dayOfMonth are used', async () => {
    const doc = await projectOne(1, { y: { $year: '$at' }, m: { $month: '$at' }, d: { $dayOfMonth: '$at' } });
    assert.deepEqual(doc, { y: 2024, m: 3, d: 15 });
  });

  it('extracts clock parts when $hour, $minute, $second and $millisecond are used', async () => {
    const doc = await projectOne(1, { h: { $hour: '$at' }, mi: { $minute: '$at' }, s: { $second: '$at' }, ms: { $millisecond: '$at' } });
    assert.deepEqual(doc, { h: 10, mi: 20, s: 30, ms: 456 });
  });

  it('numbers weekdays from Sunday as 1 when $dayOfWeek is used', async () => {
    assert.deepEqual(await projectOne(1, { w: { $dayOfWeek: '$at' } }), { w: 6 });
  });

  it('counts days from January 1st as 1 when $dayOfYear is used', async () => {
    assert.deepEqual(await projectOne(1, { n: { $dayOfYear: '$at' } }), { n: 75 });
  });

  it('shifts the parts into the zone when a date operator is given a timezone', async () => {
    const doc = await projectOne(2, { y: { $year: { date: '$at', timezone: 'Asia/Tokyo' } }, h: { $hour: { date: '$at', timezone: '+05:30' } } });
    assert.deepEqual(doc, { y: 2024, h: 5 });
  });

  it('returns null when a date operator meets null', async () => {
    assert.deepEqual(await projectOne(4, { y: { $year: '$at' } }), { y: null });
  });

  it('formats with the given pattern when $dateToString is used', async () => {
    const doc = await projectOne(1, {
      day: { $dateToString: { format: '%Y-%m-%d', date: '$at' } },
      time: { $dateToString: { format: '%H:%M:%S.%L', date: '$at' } },
    });
    assert.deepEqual(doc, { day: '2024-03-15', time: '10:20:30.456' });
  });

  it('formats ISO 8601 with milliseconds and Z when $dateToString has no format', async () => {
    assert.deepEqual(await projectOne(1, { s: { $dateToString: { date: '$at' } } }), { s: '2024-03-15T10:20:30.456Z' });
  });

  it('formats local time when $dateToString is given a named timezone', async () => {
    const doc = await projectOne(1, { s: { $dateToString: { format: '%Y-%m-%d %H:%M', date: '$at', timezone: 'America/New_York' } } });
    assert.deepEqual(doc, { s: '2024-03-15 06:20' });
  });

  it('returns onNull when $dateToString meets null and onNull is given', async () => {
    assert.deepEqual(await projectOne(4, { s: { $dateToString: { date: '$at', onNull: 'never' } } }), { s: 'never' });
  });

  it('truncates to the start of the month when $dateTrunc uses unit month', async () => {
    assert.deepEqual(await projectOne(1, { t: { $dateTrunc: { date: '$at', unit: 'month' } } }), { t: new Date('2024-03-01T00:00:00Z') });
  });

  it('truncates to the start of the day when $dateTrunc uses unit day', async () => {
    assert.deepEqual(await projectOne(1, { t: { $dateTrunc: { date: '$at', unit: 'day' } } }), { t: new Date('2024-03-15T00:00:00Z') });
  });

  it('truncates to the given weekday when $dateTrunc uses unit week with startOfWeek', async () => {
    const doc = await projectOne(1, { t: { $dateTrunc: { date: '$at', unit: 'week', startOfWeek: 'monday' } } });
    assert.deepEqual(doc, { t: new Date('2024-03-11T00:00:00Z') });
  });

  it('groups hours into bins when $dateTrunc has a binSize', async () => {
    assert.deepEqual(await projectOne(1, { t: { $dateTrunc: { date: '$at', unit: 'hour', binSize: 6 } } }), { t: new Date('2024-03-15T06:00:00Z') });
  });

  it('buckets documents by year when $group keys on $dateToString', async () => {
    const docs = await coll
      .aggregate([
        { $match: { at: { $type: 'date' } } },
        { $group: { _id: { $dateToString: { format: '%Y', date: '$at' } }, n: { $sum: 1 } } },
        { $sort: { _id: 1 } },
      ])
      .toArray();
    assert.deepEqual(docs, [{ _id: '2023', n: 1 }, { _id: '2024', n: 2 }]);
  });

  it('adds time when $dateAdd adds days', async () => {
    assert.deepEqual(await projectOne(2, { t: { $dateAdd: { startDate: '$at', unit: 'day', amount: 1 } } }), { t: new Date('2024-01-01T23:59:59.999Z') });
  });
});
