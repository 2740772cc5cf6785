import { describe, expect, it } from 'vitest';
import {
  CATCH_UP_MS,
  dueSubscriptions,
  localDateAt,
  nextRun,
  parseTime,
  parseTimeZone,
  runAt,
} from '../../src/digest/schedule';
import { type DeliveryStatus, deliveryKey, type Subscription } from '../../src/digest/store';

function sub(over: Partial<Subscription> = {}): Subscription {
  return {
    id: 1,
    guildId: '100000000000000001',
    channelId: '200000000000000001',
    time: '09:00',
    timezone: 'Europe/London',
    emptyDays: 'post',
    locale: 'en-US',
    thread: false,
    publish: false,
    enabled: true,
    noticeSent: false,
    createdAt: '2025-01-01T00:00:00.000Z',
    scheduleFrom: '2025-01-01T00:00:00.000Z',
    ...over,
  };
}

const iso = (d: Date) => d.toISOString();
const none = new Map<string, DeliveryStatus>();

describe('runAt through daylight saving', () => {
  it('runs a time in the skipped hour at the next valid minute (New York, spring forward)', () => {
    // 2025-03-09: 02:00 EST jumps to 03:00 EDT, so 02:30 does not exist.
    expect(iso(runAt('2025-03-09', '02:30', 'America/New_York'))).toBe('2025-03-09T07:00:00.000Z');
    expect(iso(runAt('2025-03-09', '03:30', 'America/New_York'))).toBe('2025-03-09T07:30:00.000Z');
  });

  it('runs a time in the skipped hour at the next valid minute (London, spring forward)', () => {
    // 2025-03-30: 01:00 GMT jumps to 02:00 BST.
    expect(iso(runAt('2025-03-30', '01:15', 'Europe/London'))).toBe('2025-03-30T01:00:00.000Z');
  });

  it('runs a time in the repeated hour once, at its first occurrence', () => {
    // 2025-11-02: 01:00-02:00 happens twice in New York (EDT, then EST).
    expect(iso(runAt('2025-11-02', '01:30', 'America/New_York'))).toBe('2025-11-02T05:30:00.000Z');
    // 2025-10-26: 01:00-02:00 happens twice in London (BST, then GMT).
    expect(iso(runAt('2025-10-26', '01:30', 'Europe/London'))).toBe('2025-10-26T00:30:00.000Z');
  });

  it('due exactly once across the repeated hour', () => {
    const s = sub({ time: '01:30', timezone: 'America/New_York', scheduleFrom: '2025-11-02T04:00:00.000Z' });
    const delivered = new Map<string, DeliveryStatus>();
    let sends = 0;
    // Every minute from 00:00 EDT to 03:00 EST on the fall-back day.
    for (let t = Date.parse('2025-11-02T04:00:00Z'); t <= Date.parse('2025-11-02T08:00:00Z'); t += 60_000) {
      for (const d of dueSubscriptions([s], delivered, new Date(t))) {
        expect(d.action).toBe('send');
        sends++;
        delivered.set(deliveryKey(d.subscription.id, d.localDate), 'sent');
      }
    }
    expect(sends).toBe(1);
  });

  it('due exactly once on the spring-forward day for a skipped time', () => {
    const s = sub({ time: '02:30', timezone: 'America/New_York', scheduleFrom: '2025-03-09T05:00:00.000Z' });
    const delivered = new Map<string, DeliveryStatus>();
    const at: string[] = [];
    for (let t = Date.parse('2025-03-09T05:00:00Z'); t <= Date.parse('2025-03-09T09:00:00Z'); t += 60_000) {
      for (const d of dueSubscriptions([s], delivered, new Date(t))) {
        at.push(new Date(t).toISOString());
        delivered.set(deliveryKey(d.subscription.id, d.localDate), 'sent');
      }
    }
    expect(at).toEqual(['2025-03-09T07:00:00.000Z']);
  });
});

describe('dueSubscriptions', () => {
  // Created on the morning of 10 June (London): nothing is owed from before.
  const s = sub({ scheduleFrom: '2025-06-10T05:00:00.000Z' });
  it('is not due before the time, due at it', () => {
    expect(dueSubscriptions([s], none, new Date('2025-06-10T07:59:00Z'))).toEqual([]);
    const [d] = dueSubscriptions([s], none, new Date('2025-06-10T08:00:00Z'));
    expect(d).toMatchObject({ localDate: '2025-06-10', action: 'send' });
  });

  it('is not due once the day is settled, but retries a pending day', () => {
    const now = new Date('2025-06-10T08:05:00Z');
    for (const status of ['sent', 'skipped', 'failed', 'dropped'] as const)
      expect(dueSubscriptions([s], new Map([[deliveryKey(1, '2025-06-10'), status]]), now)).toEqual([]);
    expect(dueSubscriptions([s], new Map([[deliveryKey(1, '2025-06-10'), 'pending']]), now)).toHaveLength(1);
  });

  it('catches up within the window and drops a run missed beyond it', () => {
    const runAtMs = Date.parse('2025-06-10T08:00:00Z');
    const inside = dueSubscriptions([s], none, new Date(runAtMs + CATCH_UP_MS));
    expect(inside[0]?.action).toBe('send');
    const outside = dueSubscriptions([s], none, new Date(runAtMs + CATCH_UP_MS + 60_000));
    expect(outside[0]?.action).toBe('drop');
  });

  it("drops yesterday's unsent run instead of posting it today", () => {
    // 07:00 London on 11 June: today's 09:00 has not come; yesterday's was never sent.
    const [d] = dueSubscriptions([sub()], none, new Date('2025-06-11T06:00:00Z'));
    expect(d).toMatchObject({ localDate: '2025-06-10', action: 'drop' });
  });

  it('owes no backlog: a subscription created after today’s time waits for tomorrow', () => {
    const fresh = sub({ scheduleFrom: '2025-06-10T10:00:00.000Z', createdAt: '2025-06-10T10:00:00.000Z' });
    expect(dueSubscriptions([fresh], none, new Date('2025-06-10T10:01:00Z'))).toEqual([]);
    expect(dueSubscriptions([fresh], none, new Date('2025-06-11T07:59:00Z'))).toEqual([]);
    expect(dueSubscriptions([fresh], none, new Date('2025-06-11T08:00:00Z'))).toHaveLength(1);
  });

  it('skips paused and turned-off subscriptions', () => {
    const now = new Date('2025-06-10T08:00:00Z');
    expect(dueSubscriptions([sub({ pausedReason: 'missing-access' })], none, now)).toEqual([]);
    expect(dueSubscriptions([sub({ enabled: false })], none, now)).toEqual([]);
  });

  it('uses the local date of the subscription’s zone', () => {
    const tokyo = sub({ time: '00:30', timezone: 'Asia/Tokyo', scheduleFrom: '2025-06-09T15:00:00.000Z' });
    const [d] = dueSubscriptions([tokyo], none, new Date('2025-06-09T15:45:00Z'));
    expect(d).toMatchObject({ localDate: '2025-06-10', action: 'send' });
  });
});

describe('nextRun and parsing', () => {
  it('gives the next run in the zone, not before scheduleFrom', () => {
    const s = sub();
    expect(iso(nextRun(s, new Date('2025-06-10T07:00:00Z')))).toBe('2025-06-10T08:00:00.000Z');
    expect(iso(nextRun(s, new Date('2025-06-10T08:00:00Z')))).toBe('2025-06-11T08:00:00.000Z');
    expect(iso(nextRun(s, new Date('2025-12-10T10:00:00Z')))).toBe('2025-12-11T09:00:00.000Z');
    const later = sub({ scheduleFrom: '2025-06-12T00:00:00.000Z' });
    expect(iso(nextRun(later, new Date('2025-06-10T07:00:00Z')))).toBe('2025-06-12T08:00:00.000Z');
  });

  it('parses times and zones', () => {
    expect(parseTime('9:05')).toBe('09:05');
    expect(parseTime('23:59')).toBe('23:59');
    for (const bad of ['24:00', '12:60', 'noon', '1230', '']) expect(parseTime(bad)).toBeUndefined();
    expect(parseTimeZone('Europe/London')).toBe('Europe/London');
    expect(parseTimeZone('UTC')).toBe('UTC');
    expect(parseTimeZone('Mars/Olympus')).toBeUndefined();
    expect(parseTimeZone('')).toBeUndefined();
    expect(localDateAt(new Date('2025-06-09T15:45:00Z'), 'Asia/Tokyo')).toBe('2025-06-10');
  });
});
