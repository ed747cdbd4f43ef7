/**
 * The one-line definitions of the summary's figures, in templates/ui/figures.json: each figure
 * names its definition where its formula and value are built (summaryFigures.ts,
 * evaluation/evaluationFigures.ts), and the sheet's "how the figures are computed" section and
 * docs/figures.md (scripts/figureDocs.ts) are generated from the figures themselves.
 */
import figuresJson from '../../../templates/ui/figures.json';
import { stringTable, type StringKey } from '../content/stringTable';

export const figureStrings = stringTable(figuresJson);
export type FigureStringKey = StringKey<typeof figureStrings>;
export type DefinitionKey = FigureStringKey extends infer K ? (K extends `definition.${infer D}` ? D : never) : never;
