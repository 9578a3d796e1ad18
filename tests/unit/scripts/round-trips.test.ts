import { describe, expect, it } from 'vitest';
import { RoundTripCounter } from '../../../scripts/stack/round-trips';

const int32 = (value: number) => [(value >>> 24) & 255, (value >>> 16) & 255, (value >>> 8) & 255, value & 255];
const typed = (type: string, body: number[] = []) => [type.charCodeAt(0), ...int32(body.length + 4), ...body];
const startup = () => {
  const body = [...Buffer.from('user\0postgres\0\0')];
  return [...int32(body.length + 8), ...int32(196608), ...body];
};
const sslRequest = () => [...int32(8), ...int32(80877103)];

function count(chunks: number[][]): number {
  let trips = 0;
  const counter = new RoundTripCounter(() => trips++);
  for (const chunk of chunks) counter.feed(Uint8Array.from(chunk));
  return trips;
}

describe('round trip counter', () => {
  const query = typed('Q', [...Buffer.from('select 1\0')]);
  const extended = [
    ...typed('P', [0, 0, 0, 0, 0]),
    ...typed('B', [1, 2, 3]),
    ...typed('E', [0, 0, 0, 0, 0]),
    ...typed('S'),
  ];

  it('counts a simple query and an extended round once each, not the startup', () => {
    expect(count([[...startup(), ...query, ...extended]])).toBe(2);
  });

  it('skips an SSL request before the startup packet', () => {
    expect(count([sslRequest(), startup(), query])).toBe(1);
  });

  it('counts the same however the bytes are split across chunks', () => {
    const bytes = [...startup(), ...extended, ...query, ...extended];
    expect(count(bytes.map((byte) => [byte]))).toBe(3);
    expect(count([bytes.slice(0, 7), bytes.slice(7, 30), bytes.slice(30)])).toBe(3);
  });

  it('does not mistake a message body containing S or Q for a message', () => {
    const sneaky = typed('Q', [...Buffer.from('SSSS QQQ\0')]);
    expect(count([startup(), sneaky])).toBe(1);
  });
});
