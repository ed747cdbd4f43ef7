/**
 * Innstillinger > Kontroller Excel over the stand-in, as the pane runs it inside Excel: the report
 * in the pane's language, all passing and with a failing capability, and the workbook unchanged.
 */
import { TemplateService } from '../../../../src/taskpane/services/templateService';
import { SelfCheckService } from '../../../../src/taskpane/services/selfCheckService';
import { BrowserWorkbook } from '../../../../src/browser/browserWorkbook';
import { WorkerClient } from '../../../../src/browser/worker/workerClient';
import type { RequestEnvelope } from '../../../../src/browser/worker/workerProtocol';
import { ExcelStandIn } from '../../../support/excel';
import { fixedClock, officePane } from '../../../support/standInWorkbook';

async function withTemplates(standIn: ExcelStandIn): Promise<ExcelStandIn> {
  await new TemplateService(officePane(standIn), fixedClock).addMissing('nb');
  return standIn;
}

function snapshot(standIn: ExcelStandIn): string {
  return JSON.stringify({
    sheets: standIn.sheets.map((s) => [s.name, s.visibility, [...s.cells], s.protection]),
    tables: standIn.tables.map((t) => [t.name, t.area]),
    names: standIn.names.map((n) => [n.name, n.formula]),
  });
}

describe('SelfCheckService', () => {
  test('all passing: the report names Excel, its platform and version, each capability, and the cleanup', async () => {
    const standIn = await withTemplates(new ExcelStandIn({ listSeparator: ';', diagnostics: { host: 'Excel', platform: 'PC', version: '16.0.17928.20114' } }));
    const before = snapshot(standIn);
    const service = new SelfCheckService(officePane(standIn), fixedClock);
    expect(service.available).toBe(true);
    const { text } = await service.run('nb');
    expect(text.split('\n')).toEqual([
      'Samspill: kontroll av Excel',
      'Excel: PC, versjon 16.0.17928.20114',
      'Kontrollert: 2026-11-23 10:15',
      '',
      'OK    Verdier, tekst og formler skrives og leses tilbake',
      'OK    Tabell: nye rader med formelkolonne',
      'OK    Nedtrekksliste fra et navngitt område',
      'OK    Datastolpe (betinget formatering)',
      'OK    Beskytte og oppheve beskyttelse av et ark',
      expect.stringMatching(/^OK {4}Navngitt område lest tilbake — ='?_samspill_check_\w+'?!\$H\$1:\$H\$3$/),
      'OK    Formatering av flere områder samtidig — getRanges: ";"',
      '',
      '7 av 7 kontroller bestått.',
      'Kontrollarket er fjernet igjen; arbeidsboken er som før.',
    ]);
    expect(snapshot(standIn)).toBe(before);
  });

  test("a failing capability: FAILED with Excel's code, the others still checked, the workbook unchanged", async () => {
    const standIn = await withTemplates(new ExcelStandIn({ diagnostics: { host: 'Excel', platform: 'OfficeOnline', version: '16.0.18025.40500' } }));
    const before = snapshot(standIn);
    standIn.failOn('rows.add', 'InvalidArgument', 'The argument is invalid or missing or has an incorrect format.');
    const { report, text } = await new SelfCheckService(officePane(standIn), fixedClock).run('en');
    expect(report.steps.filter((s) => !s.ok).map((s) => s.step)).toEqual(['tableRowsWithFormula']);
    expect(text).toContain('Excel: OfficeOnline, version 16.0.18025.40500');
    expect(text).toContain('FAILED  Table: new rows with a formula column — InvalidArgument: The argument is invalid or missing or has an incorrect format.');
    expect(text).toContain('6 of 7 checks passed.');
    expect(text).toContain('The check sheet was removed again; the workbook is as it was.');
    expect(snapshot(standIn)).toBe(before);
  });

  test('browser mode has no self-check: the section is not offered', async () => {
    // The pane's workbook in browser mode is the page's end of the worker; this worker answers the one request made.
    const worker = {
      onmessage: null as ((event: { data: unknown }) => void) | null,
      postMessage(envelope: RequestEnvelope) {
        setImmediate(() => this.onmessage?.({ data: { kind: 'answer', id: envelope.id, value: [] } }));
      },
      terminate: () => undefined,
    };
    const workbook = await BrowserWorkbook.create(new WorkerClient(worker as unknown as Worker), 'nb', new Date(2026, 10, 23));
    expect(new SelfCheckService(workbook, fixedClock).available).toBe(false);
  });
});
