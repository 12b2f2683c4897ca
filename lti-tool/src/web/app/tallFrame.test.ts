import { describe, expect, it } from 'vitest';
import { placesNear } from './tallFrame.ts';

describe('placesNear', () => {
  it('opens a dialog with the opener in its upper third, and a notice over the spot', () => {
    expect(placesNear(2400, 3000, 900)).toEqual({ dialog: 2100, toast: 2372 });
  });

  it('keeps both inside the frame at its top and at its bottom', () => {
    expect(placesNear(40, 3000, 900)).toEqual({ dialog: 16, toast: 16 });
    expect(placesNear(2990, 3000, 900)).toEqual({ dialog: 2550, toast: 2904 });
  });
});
