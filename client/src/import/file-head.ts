/**
 * The headers of a text file the server could not map (a column the layout needs is missing), so the
 * officer can say which column holds it. Only the row the server named is read, from the file's first
 * 64 KiB; the delimiter is the one that splits it into the most columns. A workbook is not read here.
 */
const DELIMITERS = [',', ';', '\t', '|'] as const;

function splitLine(line: string, delimiter: string): string[] {
  const out: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === delimiter) {
      out.push(cell.trim());
      cell = '';
    } else cell += c;
  }
  out.push(cell.trim());
  return out;
}

/** The cells of line `row` (1-based) and of the line after it, under the likeliest delimiter. */
export function headerAt(text: string, row: number): { headers: string[]; sample: string[] } | undefined {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  const line = lines[row - 1];
  if (line === undefined) return undefined;
  const delimiter = [...DELIMITERS].sort((a, b) => splitLine(line, b).length - splitLine(line, a).length)[0]!;
  const headers = splitLine(line, delimiter);
  if (headers.length < 2) return undefined;
  return { headers, sample: splitLine(lines[row] ?? '', delimiter) };
}

export async function readHeaderAt(
  file: Blob,
  row: number,
): Promise<{ headers: string[]; sample: string[] } | undefined> {
  return headerAt(await file.slice(0, 65_536).text(), row);
}
