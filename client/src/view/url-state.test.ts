import { describe, expect, it } from 'vitest';
import { fromFragment, toFragment } from './url-state.js';
import { DEFAULT_STATE, type ViewState } from './view-state.js';

describe('the view in the URL fragment', () => {
  it('writes nothing for the default view and reads it back', () => {
    expect(toFragment(DEFAULT_STATE)).toBe('');
    expect(fromFragment('')).toEqual(DEFAULT_STATE);
  });

  it('round-trips a view with every field set', () => {
    const view: ViewState = {
      scope: 'case:0123456789abcdef01234567',
      colourBy: 'kind',
      sizeBy: 'pagerank',
      hiddenKinds: ['device', 'ip'],
      hiddenLinkKinds: ['seen-at'],
      community: 3,
      minDegree: 2,
      minCentrality: 0.25,
      time: [1_700_000_000_000, 1_710_000_000_000],
      hideIsolated: true,
      hidden: ['phone:aa'],
      pinned: ['person:bb'],
      selection: ['person:bb', 'person:cc'],
      tie: true,
      opened: [1, 4],
      grouped: true,
    };
    expect(fromFragment(`#${toFragment(view)}`)).toEqual(view);
  });

  it('falls back to the defaults for what it cannot read', () => {
    const v = fromFragment('#size=fame&colour=rainbow&degree=x&time=1,&selected=a,b,c');
    expect(v.sizeBy).toBe('degree');
    expect(v.colourBy).toBe('community');
    expect(v.minDegree).toBe(0);
    expect(v.time).toBeNull();
    expect(v.selection).toEqual(['a', 'b']);
  });

  it('keeps a lit tie only with its two ends selected', () => {
    expect(fromFragment('#selected=person:a,person:b&tie=shown').tie).toBe(true);
    expect(fromFragment('#selected=person:a&tie=shown').tie).toBe(false);
    expect(fromFragment('#selected=person:a,person:b&tie=yes').tie).toBe(false);
  });
});
