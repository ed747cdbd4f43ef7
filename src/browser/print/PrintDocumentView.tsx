/**
 * A printable document as an A4 page in the browser: the same model the sheet is laid out from
 * (src/core/documents/printDocument.ts), in plain HTML and print CSS, so the browser prints it or
 * saves it as PDF with headings kept with their text and signature blocks whole. No Fluent here:
 * print fidelity needs plain elements with their own print rules.
 */
import type { PrintClause, PrintDocument, SignLabels } from '../../core/documents/printDocument';
import type { Lang } from '../../core/content/language';

/** The footer's words around the page numbers, as CSS content: "Side &P av &N" → "Side " counter(page) " av " counter(pages). */
function footerContent(footer: string): string {
  return footer
    .split(/(&P|&N)/)
    .filter(Boolean)
    .map((part) => (part === '&P' ? 'counter(page)' : part === '&N' ? 'counter(pages)' : JSON.stringify(part)))
    .join(' ');
}

/** The print rules: A4 portrait, page numbers, each document from a new page, no break inside a clause or a signature block. */
export function printCss(footer: string): string {
  return `@page { @bottom-center { content: ${footerContent(footer)}; font: 9pt Arial, 'Liberation Sans', sans-serif; } }\n${PRINT_CSS}`;
}

const PRINT_CSS = `
@page { size: A4 portrait; margin: 20mm 18mm 22mm 18mm; }
.samspill-doc { font-family: Arial, 'Liberation Sans', sans-serif; font-size: 10pt; line-height: 1.35; color: #000; max-width: 174mm; margin: 0 auto; }
.samspill-doc + .samspill-doc { break-before: page; page-break-before: always; }
.samspill-doc h1 { font-size: 16pt; color: #1F5C7A; margin: 0 0 8mm 0; }
.samspill-doc section { break-inside: avoid; page-break-inside: avoid; margin: 0 0 4mm 0; }
.samspill-doc h2 { font-size: 10pt; color: #1F5C7A; margin: 0 0 1mm 0; break-after: avoid; page-break-after: avoid; }
.samspill-doc p { margin: 0; }
.samspill-keep { break-inside: avoid; page-break-inside: avoid; }
.samspill-signatures { display: flex; gap: 10mm; margin-top: 10mm; break-inside: avoid; page-break-inside: avoid; }
.samspill-signature { flex: 1 1 0; }
.samspill-signature h2 { margin-bottom: 4mm; }
.samspill-line { border-bottom: 1px solid #1F5C7A; min-height: 9mm; display: flex; align-items: flex-end; padding-bottom: 1mm; }
.samspill-label { font-size: 8pt; font-style: italic; color: #595959; margin: 0.5mm 0 3mm 0; }
`;

function SignatureBlock({ label, name, role, labels }: { label: string; name: string; role: string; labels: SignLabels }) {
  return (
    <div className="samspill-signature">
      <h2>{label}</h2>
      <div className="samspill-line" />
      <p className="samspill-label">{labels.placeDate}</p>
      <div className="samspill-line">{name}</div>
      <p className="samspill-label">{labels.name}</p>
      <div className="samspill-line" style={{ minHeight: '12mm' }} />
      <p className="samspill-label">{labels.signature}</p>
      <div className="samspill-line">{role}</div>
      <p className="samspill-label">{labels.role}</p>
    </div>
  );
}

function Clause({ clause }: { clause: PrintClause }) {
  return (
    <section>
      <h2>
        {clause.number}. {clause.title}
      </h2>
      <p>{clause.text}</p>
    </section>
  );
}

export function PrintDocumentView({ document: doc }: { document: PrintDocument }) {
  return (
    <article className="samspill-doc" lang={doc.lang satisfies Lang}>
      <h1>{doc.title}</h1>
      {doc.clauses.slice(0, -1).map((clause) => (
        <Clause key={clause.key} clause={clause} />
      ))}
      {/* The last clause goes with the signatures, so no signature stands on a page of its own. */}
      <div className="samspill-keep">
        {doc.clauses.slice(-1).map((clause) => (
          <Clause key={clause.key} clause={clause} />
        ))}
        <div className="samspill-signatures">
          {doc.signatures.map((s) => (
            <SignatureBlock key={s.party} label={s.label} name={s.name} role={s.role} labels={doc.signLabels} />
          ))}
          {doc.signatures.length === 1 && <div className="samspill-signature" />}
        </div>
      </div>
    </article>
  );
}
