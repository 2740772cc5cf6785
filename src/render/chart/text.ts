// Text width without loading the font: the SVG builders stay pure. Widths are a slight over-estimate
// of Noto Sans SC's advances, so text sized with them never overlaps.

/** Widths of the printable ASCII characters, looked up rather than matched for each character. */
const ASCII = Array.from({ length: 128 }, (_, c) => emOf(String.fromCharCode(c)));

function emOf(ch: string): number {
  const c = ch.codePointAt(0)!;
  if (c >= 0x2e80) return 1; // CJK and full-width forms are square
  if (ch === ' ') return 0.25;
  if (/[0-9]/.test(ch)) return 0.56;
  if (/[il.,:;'!|]/.test(ch)) return 0.3;
  if (/[fjrt()[\]]/.test(ch)) return 0.4;
  if (/[mwMW]/.test(ch)) return 0.88;
  if (/[A-Z]/.test(ch)) return 0.68;
  if (/[a-z]/.test(ch)) return 0.56;
  return 0.62;
}

function em(ch: string): number {
  const c = ch.charCodeAt(0);
  return c < 128 && ch.length === 1 ? ASCII[c]! : emOf(ch);
}

export function textWidth(content: string, size: number): number {
  let total = 0;
  for (const ch of content) total += em(ch);
  return total * size;
}

const ELLIPSIS = '…';

/**
 * Cuts `content` to fit `width`, ending in an ellipsis when something was cut. One pass, stopping where the text
 * overflows: a caption of many long source titles arrives here as one huge last line (see `wrap`), and measuring
 * every shorter prefix again made a long series' chart take seconds, minutes for a 100,000-character caption.
 */
export function truncate(content: string, width: number, size: number): string {
  const ellipsis = em(ELLIPSIS);
  let total = 0;
  /** Code units of the longest prefix that fits with the ellipsis after it. */
  let fits = 0;
  let at = 0;
  for (const ch of content) {
    total += em(ch);
    if (total * size > width) return content.slice(0, fits).trimEnd() + ELLIPSIS;
    at += ch.length;
    if ((total + ellipsis) * size <= width) fits = at;
  }
  return content;
}

/**
 * Wraps at spaces (or anywhere in Chinese, which has none) into at most `maxLines` lines of `width`;
 * the last line is truncated when the text runs on.
 */
export function wrap(content: string, width: number, size: number, maxLines: number): string[] {
  const lines: string[] = [];
  // Words keep their trailing space; a CJK character is a word of its own.
  const words = content.trim().match(/[\u2e80-\uffff]|[^\s\u2e80-\uffff]+\s*|\s+/g) ?? [];
  let line = '';
  let i = 0;
  for (; i < words.length && lines.length < maxLines; i++) {
    const word = words[i]!;
    if (line && textWidth((line + word).trimEnd(), size) > width) {
      lines.push(line.trimEnd());
      line = word.trimStart();
    } else {
      line += word;
    }
  }
  if (lines.length < maxLines) {
    if (line.trim()) lines.push(line.trimEnd());
  } else {
    // Out of lines: what is left goes onto the last line, which is cut to fit.
    const rest = line + words.slice(i).join('');
    if (rest.trim()) lines[maxLines - 1] = `${lines[maxLines - 1]} ${rest.trim()}`;
  }
  return lines.map((l) => truncate(l, width, size));
}
