import { describe, expect, it } from 'vitest';
import { mergeProps } from './props.js';

describe('mergeProps', () => {
  it('reports no change when a source repeats what is known, and leaves it as it was', () => {
    const known = { operator: 'Jio', circle: 'Mumbai' };
    const r = mergeProps(known, { operator: 'Jio' });
    expect(r.changed).toBe(false);
    expect(r.merged).toEqual({ operator: 'Jio', circle: 'Mumbai' });
  });

  it('lets a later statement override and add, without touching the known object', () => {
    const known = { operator: 'Jio', circle: 'Mumbai' };
    const r = mergeProps(known, { circle: 'Delhi', imsi: '405861234567890' });
    expect(r).toEqual({
      merged: { operator: 'Jio', circle: 'Delhi', imsi: '405861234567890' },
      changed: true,
    });
    expect(known).toEqual({ operator: 'Jio', circle: 'Mumbai' });
  });

  it('takes a blank cell (null) as saying nothing', () => {
    const r = mergeProps({ operator: 'Jio' }, { operator: null, circle: null });
    expect(r).toEqual({ merged: { operator: 'Jio' }, changed: false });
  });

  it('counts a change of type as a change', () => {
    expect(mergeProps({ seats: 4 }, { seats: '4' })).toEqual({ merged: { seats: '4' }, changed: true });
  });
});
