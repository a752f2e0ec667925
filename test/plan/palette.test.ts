import { BLOCKED_STYLE, waveStyle } from '../../src/plan/mermaid.js';

/** The hue (degrees) of a style's `fill:#rrggbb`. */
function hueOf(style: string): number {
  const hex = /fill:#([0-9a-f]{6})/.exec(style)![1]!;
  const [r, g, b] = [0, 2, 4].map((at) => parseInt(hex.slice(at, at + 2), 16) / 255) as [
    number,
    number,
    number,
  ];
  const max = Math.max(r, g, b);
  const chroma = max - Math.min(r, g, b);
  if (chroma === 0) return 0;
  const hue = max === r ? ((g - b) / chroma) % 6 : max === g ? (b - r) / chroma + 2 : (r - g) / chroma + 4;
  return (hue * 60 + 360) % 360;
}

describe('the plan diagram colours its waves away from the red of blocking cycles', () => {
  const waves = Array.from({ length: 60 }, (_, index) => index + 1);

  test('no wave is red or pink (hues 300°–60° belong to cycles and warnings)', () => {
    const reddish = waves.filter((wave) => {
      const hue = hueOf(waveStyle(wave));
      return hue > 300 || hue < 60;
    });
    expect(reddish).toEqual([]);
    expect(hueOf(BLOCKED_STYLE)).toBeLessThan(10); // the cycles' red stays red
  });

  test('wave 1 is blue, and neighbouring waves never share a colour', () => {
    expect(Math.round(hueOf(waveStyle(1)))).toBeGreaterThanOrEqual(200);
    expect(Math.round(hueOf(waveStyle(1)))).toBeLessThanOrEqual(220);
    for (const wave of waves.slice(1)) {
      const apart = Math.abs(hueOf(waveStyle(wave)) - hueOf(waveStyle(wave - 1)));
      expect([wave, Math.min(apart, 360 - apart) > 20]).toEqual([wave, true]);
    }
  });
});
