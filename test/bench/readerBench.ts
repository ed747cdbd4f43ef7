/**
 * How fast, and in how much memory, the xlsx reader streams the largest sheet of a workbook with
 * every cell built (the bench's "reader" column); validate and summary build only the columns
 * their registers need.
 */
import { openXlsxFile } from '../../src/workbook/xlsx';

export interface ReaderBenchResult {
  seconds: number;
  peakRssMb: number;
  rows: number;
}

export async function benchReader(path: string): Promise<ReaderBenchResult> {
  const peak = sampleRss();
  const started = process.hrtime.bigint();
  const reader = await openXlsxFile(path);
  const sheet = await largestSheet(reader, path);
  let rows = 0;
  await reader.readSheetRows(sheet, () => {
    rows++;
    if ((rows & 4095) === 0) peak.sample();
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return { seconds, peakRssMb: peak.stop(), rows };
}

/** The sheet whose part is largest, judged from the package without reading any sheet. */
async function largestSheet(reader: Awaited<ReturnType<typeof openXlsxFile>>, path: string): Promise<string> {
  const sheets = await reader.listSheets();
  const sizes = sheets.map((sheet) => reader.sheetByteSize(sheet.name));
  let best = 0;
  sizes.forEach((size, i) => {
    if (size > sizes[best]) best = i;
  });
  if (sheets.length === 0) throw new Error(`${path} has no sheets`);
  return sheets[best].name;
}

/** The reader works synchronously, so RSS is sampled from inside the row callback, not a timer. */
function sampleRss(): { sample(): void; stop(): number } {
  let peak = process.memoryUsage.rss();
  return {
    sample() {
      peak = Math.max(peak, process.memoryUsage.rss());
    },
    stop() {
      this.sample();
      return Math.round(peak / 1e6);
    },
  };
}
