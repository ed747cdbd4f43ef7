/**
 * The export's columns, each with the field it fills, as a list of labelled choices: the user
 * corrects what the headers did not say. A column holding birth dates or identity numbers is
 * shown as left out and cannot be chosen into the register.
 */
import { Field, Select, makeStyles, tokens } from '@fluentui/react-components';
import type { ImportField } from '../../../core/import/importMapping';
import { usePane } from '../../paneContext';
import { CHOOSABLE_FIELDS, fieldLabel } from './fieldLabels';

const useStyles = makeStyles({
  list: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
});

export function MappingTable({
  headers,
  fields,
  onChange,
}: {
  headers: string[];
  fields: (ImportField | null)[];
  onChange: (index: number, field: ImportField | null) => void;
}) {
  const styles = useStyles();
  const { lang, t } = usePane();
  return (
    <fieldset className={styles.list} aria-describedby="import-mapping-help">
      <legend>{t('import.mapping')}</legend>
      <span id="import-mapping-help">{t('import.mapping.help')}</span>
      {headers.map((header, i) => {
        const field = fields[i] ?? null;
        const refused = field === 'refused';
        return (
          <Field key={`${i}-${header}`} label={header || `#${i + 1}`}>
            <Select
              id={`import-map-${i}`}
              value={refused ? 'refused' : field === null || field === 'ignore' ? '' : field}
              disabled={refused}
              onChange={(_, d) => onChange(i, d.value === '' ? null : (d.value as ImportField))}
            >
              {refused ? (
                <option value="refused">{fieldLabel('refused', lang)}</option>
              ) : (
                <>
                  <option value="">{t('import.field.none')}</option>
                  {CHOOSABLE_FIELDS.map((f) => (
                    <option key={f} value={f}>
                      {fieldLabel(f, lang)}
                    </option>
                  ))}
                </>
              )}
            </Select>
          </Field>
        );
      })}
    </fieldset>
  );
}
