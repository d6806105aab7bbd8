import { appointment } from './catalog.fixture';
import { addMonths, rangeInstants, stepDate, viewRange, viewTitle } from './agenda-time';
import { visibleHours } from '../agenda-page/visible-hours';

describe('agenda time', () => {
  it('spans the day, the Monday-to-Sunday week and the six weeks of a month grid', () => {
    expect(viewRange('day', '2026-12-02')).toEqual({ start: '2026-12-02', end: '2026-12-03' });
    expect(viewRange('week', '2026-12-02')).toEqual({ start: '2026-11-30', end: '2026-12-07' });
    expect(viewRange('week', '2026-12-06')).toEqual({ start: '2026-11-30', end: '2026-12-07' });
    expect(viewRange('month', '2026-12-15')).toEqual({ start: '2026-11-30', end: '2027-01-11' });
  });

  it('steps a day, a week or a month, across years', () => {
    expect(stepDate('day', '2026-12-31', 1)).toBe('2027-01-01');
    expect(stepDate('week', '2026-12-02', -1)).toBe('2026-11-25');
    expect(stepDate('month', '2026-01-31', -1)).toBe('2025-12-01');
    expect(addMonths('2026-11-22', 14)).toBe('2028-01-01');
  });

  it('asks the API for the clinic’s local days, whatever the browser’s zone', () => {
    expect(rangeInstants({ start: '2026-12-01', end: '2026-12-02' }, 'America/Lima')).toEqual({
      from: '2026-12-01T05:00:00.000Z',
      to: '2026-12-02T05:00:00.000Z',
    });
    // Santiago moves to summer time on 2026-09-06: that day is 23 hours long.
    const { from, to } = rangeInstants({ start: '2026-09-06', end: '2026-09-07' }, 'America/Santiago');
    expect((Date.parse(to) - Date.parse(from)) / 3_600_000).toBe(23);
  });

  it('titles each view in the console’s language', () => {
    expect(viewTitle('day', '2026-12-01', 'es-PE')).toBe('martes, 1 de diciembre de 2026');
    expect(viewTitle('month', '2026-12-01', 'en-US')).toBe('December 2026');
  });

  it('shows the usual clinic hours, widened to fit appointments outside them', () => {
    expect(visibleHours([appointment()], 'America/Lima', 'es-PE')).toEqual({ min: '07:00', max: '21:00' });
    const early = appointment({ start: '2026-12-01T11:30:00.000Z', end: '2026-12-01T12:15:00.000Z' });
    const late = appointment({ start: '2026-12-02T03:30:00.000Z', end: '2026-12-02T05:00:00.000Z' });
    expect(visibleHours([early, late], 'America/Lima', 'es-PE')).toEqual({ min: '06:00', max: '24:00' });
  });
});
