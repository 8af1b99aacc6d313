import { wgs84ToGcj02 } from '@/utils/gcj02';

describe("a browser's GPS fix is stored in the datum WeChat answers (GCJ-02)", () => {
  it('Tiananmen by GPS (39.90872, 116.39748) is about (39.91012, 116.40372) on Chinese maps', () => {
    const p = wgs84ToGcj02(39.90872, 116.39748);
    expect(p.latitude).toBeCloseTo(39.91012, 4);
    expect(p.longitude).toBeCloseTo(116.40372, 4);
  });

  it('a point in a county of Guizhou moves by a few hundred metres, not more', () => {
    const p = wgs84ToGcj02(26.58, 106.71);
    const metres = Math.hypot((p.latitude - 26.58) * 111_000, (p.longitude - 106.71) * 111_000 * Math.cos((26.58 * Math.PI) / 180));
    expect(metres).toBeGreaterThan(100);
    expect(metres).toBeLessThan(1000);
  });

  it('a point outside mainland China is kept as it is', () => {
    expect(wgs84ToGcj02(48.8584, 2.2945)).toEqual({ latitude: 48.8584, longitude: 2.2945 });
  });
});
