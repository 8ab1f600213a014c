import { inflateSync } from "node:zlib";
import { expect } from "vitest";

/**
 * Reads the text back out of a pdfkit PDF: pdfkit writes CJK text as 2-byte glyph ids of the embedded
 * subset (`[<0012 0034> -20 <0056>] TJ`) and maps them to Unicode in the font's ToUnicode CMap
 * (`<0000> <00ff> [<6574> <6539> …]`). Decoding both is the check a PDF reader's copy-paste does.
 */
export function pdfText(pdf: Buffer): string {
  const raw = pdf.toString("latin1");
  const streams: string[] = [];
  const re = /(?<!end)stream\r?\n/g;
  for (let m = re.exec(raw); m; m = re.exec(raw)) {
    const start = m.index + m[0].length;
    const end = raw.indexOf("endstream", start);
    if (end < 0) break;
    const body = pdf.subarray(start, end);
    try {
      streams.push(inflateSync(body).toString("latin1"));
    } catch {
      streams.push(body.toString("latin1"));
    }
    re.lastIndex = end;
  }
  const cmap = new Map<number, string>();
  for (const s of streams.filter((x) => x.includes("beginbfrange") && /^[\t\n\r\x20-\x7e]*$/.test(x))) {
    for (const range of s.matchAll(/<([0-9a-f]{4})> <([0-9a-f]{4})> \[([^\]]*)\]/gi)) {
      const first = parseInt(range[1], 16);
      [...range[3].matchAll(/<([0-9a-f ]+)>/gi)].forEach((entry, i) => {
        const units = entry[1].split(" ").map((h) => parseInt(h, 16));
        cmap.set(first + i, String.fromCharCode(...units));
      });
    }
  }
  expect(cmap.size, "the PDF carries a ToUnicode CMap").toBeGreaterThan(0);
  const lines: string[] = [];
  // Page content streams are plain ASCII operators; the embedded font and image streams are binary.
  const contents = streams.filter((x) => x.includes(" TJ") && /^[\t\n\r\x20-\x7e]*$/.test(x));
  for (const s of contents) {
    for (const op of s.matchAll(/\[([^\]]*)\]\s*TJ/g)) {
      const hex = [...op[1].matchAll(/<([0-9a-f]+)>/gi)].map((h) => h[1]).join("");
      let text = "";
      for (let i = 0; i + 4 <= hex.length; i += 4) text += cmap.get(parseInt(hex.slice(i, i + 4), 16)) ?? "\uFFFD";
      lines.push(text);
    }
  }
  return lines.join("\n");
}
