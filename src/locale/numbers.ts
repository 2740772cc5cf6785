// Ordinals and numerals the catalogues write titles with ("9th", "第九届").

/** 1st, 2nd, 3rd, 4th, 11th, 12th, 13th, 21st. */
export function englishOrdinal(n: number): string {
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${suffix}`;
}

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** Chinese numerals as used in 第十一届: 1–9999 (anything larger stays in digits). */
export function chineseNumber(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 9999) return String(n);
  if (n < 10) return DIGITS[n] ?? String(n);
  if (n < 20) return `十${n % 10 ? DIGITS[n % 10] : ''}`;
  const units: [number, string][] = [
    [1000, '千'],
    [100, '百'],
    [10, '十'],
  ];
  let out = '';
  let rest = n;
  let zero = false;
  for (const [size, name] of units) {
    const digit = Math.floor(rest / size);
    rest %= size;
    if (digit) {
      if (zero) out += '零';
      out += DIGITS[digit] + name;
      zero = false;
    } else if (out) zero = true;
  }
  if (rest) out += (zero ? '零' : '') + DIGITS[rest];
  return out;
}
