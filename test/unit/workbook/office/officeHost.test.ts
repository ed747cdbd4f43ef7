/**
 * Start-up: whether the pane runs in Excel is Office.onReady's answer, however long Excel takes.
 * "If the framework hasn't initialized yet, the callback or promise will wait until the Office
 * application is ready … once Office.js determines that it is running outside of an Office
 * application, it will … resolve the promise with "null" for both the application and platform"
 * (reference, Office.onReady). Excel on the web can take longer than 5 s on a cold start (believed,
 * not documented; slow starts: office-js #1317, #2599), so no timer may decide "not in Excel".
 */
import { detectExcelHost } from '../../../../src/workbook/office/officeHost';

type ReadyInfo = { host: string | null; platform: string | null };

function fakeOffice(answerAfterMs: number, info: ReadyInfo): void {
  (globalThis as Record<string, unknown>).Office = {
    HostType: { Excel: 'Excel' },
    onReady: () => new Promise<ReadyInfo>((resolve) => setTimeout(() => resolve(info), answerAfterMs)),
    context: { displayLanguage: 'nb-NO' },
  };
}

afterEach(() => {
  delete (globalThis as Record<string, unknown>).Office;
  jest.useRealTimers();
});

describe('detectExcelHost', () => {
  test('Excel on the web answering after 12 s is still Excel; the pane is told it is slow after 5 s', async () => {
    jest.useFakeTimers();
    fakeOffice(12_000, { host: 'Excel', platform: 'OfficeOnline' });
    const slow = jest.fn();
    const detected = detectExcelHost({ onSlow: slow });
    await jest.advanceTimersByTimeAsync(5_000);
    expect(slow).toHaveBeenCalledTimes(1);
    await jest.advanceTimersByTimeAsync(7_000);
    await expect(detected).resolves.toEqual({ inExcel: true, displayLanguage: 'nb-NO' });
  });

  test('outside Office, onReady says so at once (host null), and without Office.js there is no Excel', async () => {
    fakeOffice(0, { host: null, platform: null });
    await expect(detectExcelHost()).resolves.toEqual({ inExcel: false });
    delete (globalThis as Record<string, unknown>).Office;
    await expect(detectExcelHost()).resolves.toEqual({ inExcel: false });
  });
});
