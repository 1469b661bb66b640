import { describe, expect, it } from 'vitest';
import { band, chartValue, formatFigure, isSuppressed, meetsTarget, roundPercent } from '../../../src/lib/data/disclosure';

const rule = { threshold: 5, symbol: 'c' };

describe('published figures as written', () => {
  it('writes a hidden figure as the symbol, a count with thousands separators, a share and an average', () => {
    expect(formatFigure({ kind: 'suppressed', reason: 'small' }, rule)).toBe('c');
    expect(formatFigure({ kind: 'suppressed', reason: 'secondary' }, { threshold: 5, symbol: '*' })).toBe('*');
    expect(formatFigure({ kind: 'count', value: 1234 }, rule)).toBe('1,234');
    expect(formatFigure({ kind: 'count', value: 0 }, rule)).toBe('0');
    expect(formatFigure({ kind: 'percent', value: 81 }, rule)).toBe('81%');
    expect(formatFigure(band(90, 100), rule)).toBe('90% or more');
    expect(formatFigure(band(0, 80), rule)).toBe('below 80%');
    expect(formatFigure({ kind: 'average', value: 4 }, rule)).toBe('4.0');
    expect(isSuppressed({ kind: 'suppressed', reason: 'small' })).toBe(true);
    expect(isSuppressed({ kind: 'count', value: 0 })).toBe(false);
  });

  it('charts a hidden figure or a band as a gap, never a zero', () => {
    expect(chartValue({ kind: 'suppressed', reason: 'small' })).toBeNull();
    expect(chartValue(band(85, 100))).toBeNull();
    expect(chartValue({ kind: 'count', value: 0 })).toBe(0);
    expect(chartValue({ kind: 'percent', value: 47 })).toBe(47);
  });

  it('says whether a share meets a target only when what is published can say', () => {
    expect(meetsTarget({ kind: 'percent', value: 80 }, 80)).toBe(true);
    expect(meetsTarget({ kind: 'percent', value: 80, meets: false }, 80)).toBe(false);
    expect(meetsTarget(band(85, 100), 80)).toBe(true);
    expect(meetsTarget(band(0, 80), 80)).toBe(false);
    expect(meetsTarget(band(75, 100), 80)).toBeUndefined();
    expect(meetsTarget({ kind: 'suppressed', reason: 'secondary' }, 80)).toBeUndefined();
  });
});

describe('percentages', () => {
  it('never round to 0% or 100% unless exact', () => {
    expect(roundPercent(1, 400)).toBe(1);
    expect(roundPercent(399, 400)).toBe(99);
    expect(roundPercent(0, 400)).toBe(0);
    expect(roundPercent(400, 400)).toBe(100);
    expect(roundPercent(2, 3)).toBe(67);
  });
});
