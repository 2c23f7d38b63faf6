import { compareChinese, compareChineseNatural } from './collation';

describe('Chinese collation', () => {
  it('orders names by pinyin, as a Chinese reader expects', () => {
    expect(['张伟', '陈小红', '李嘉欣', '黄国强', '王芳', '何美玲'].sort(compareChinese)).toEqual(['陈小红', '何美玲', '黄国强', '李嘉欣', '王芳', '张伟']);
  });

  it('orders buildings and flats by their numbers, not digit by digit', () => {
    expect(['10栋', '2栋', '1栋'].sort(compareChineseNatural)).toEqual(['1栋', '2栋', '10栋']);
    expect(['1-1001', '1-201', '1-101', 'P-010', 'P-002'].sort(compareChineseNatural)).toEqual(['1-101', '1-201', '1-1001', 'P-002', 'P-010']);
  });

  it('agrees with String.prototype.localeCompare for the same locale and options on every pair', () => {
    const texts = ['3栋', '12栋', '御水岸', '千灯湖', '南村', 'S-2', 's-10', '李', '李嘉', '', 'A', 'a'];
    for (const a of texts) {
      for (const b of texts) {
        expect([a, b, Math.sign(compareChinese(a, b))]).toEqual([a, b, Math.sign(a.localeCompare(b, 'zh-CN'))]);
        expect([a, b, Math.sign(compareChineseNatural(a, b))]).toEqual([a, b, Math.sign(a.localeCompare(b, 'zh-CN', { numeric: true }))]);
      }
    }
  });
});
