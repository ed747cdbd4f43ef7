/**
 * One form field built from a register column of templates/sheets.json: its label, its help as
 * the hint, an input of the column's kind (date with a "today" button, number, a choice from the
 * workbook's lists, yes/no), marked required as soon as the record needs it, and the rules'
 * message about it after a refused save. The message is not an alert of its own: the form's one
 * error summary is, so a refusal is announced once.
 */
import { Button, Field, Input, Radio, RadioGroup, Select, makeStyles, tokens } from '@fluentui/react-components';
import type { Lang } from '../../core/content/language';
import type { FormField } from '../services/registerService';

const useStyles = makeStyles({
  date: { display: 'flex', gap: tokens.spacingHorizontalXS, alignItems: 'center' },
  dateInput: { flexGrow: 1, minWidth: 0 },
});

interface Props {
  field: FormField;
  lang: Lang;
  value: string;
  onChange: (value: string) => void;
  /** Whether the record needs the field as it stands. */
  required: boolean;
  /** The rules' message after a refused save. */
  message?: string;
  placeholder?: string;
  noChoice: string;
  /** For a date: today as YYYY-MM-DD, and the button's words. */
  today?: { iso: string; label: string; name: string };
}

export function fieldId(key: string): string {
  return `field-${key}`;
}

export function FieldInput({ field, lang, value, onChange, required, message, placeholder, noChoice, today }: Props) {
  const styles = useStyles();
  const { column } = field;
  const id = fieldId(column.key);
  return (
    <Field
      label={column.label[lang]}
      hint={column.help[lang]}
      required={required}
      validationState={message ? 'error' : undefined}
      validationMessage={message ? { children: message, role: undefined } : undefined}
      validationMessageIcon={null}
    >
      {control()}
    </Field>
  );

  function control() {
    switch (column.type) {
      case 'date':
        return (
          <div className={styles.date}>
            <Input id={id} className={styles.dateInput} type="date" value={value} onChange={(_, d) => onChange(d.value)} />
            {today && (
              <Button size="small" appearance="secondary" aria-label={today.name} disabled={value === today.iso} onClick={() => onChange(today.iso)}>
                {today.label}
              </Button>
            )}
          </div>
        );
      case 'number':
      case 'integer':
        return <Input id={id} inputMode={column.type === 'integer' ? 'numeric' : 'decimal'} value={value} onChange={(_, d) => onChange(d.value)} />;
      case 'yesno':
        return (
          <RadioGroup id={id} layout="horizontal" value={value} onChange={(_, d) => onChange(d.value)}>
            {(field.options ?? []).map((option) => (
              <Radio key={option} value={option} label={option} />
            ))}
          </RadioGroup>
        );
      case 'list':
        return (
          <Select id={id} value={value} onChange={(_, d) => onChange(d.value)}>
            <option value="">{noChoice}</option>
            {(field.options ?? []).map((option) => (
              <option key={option} value={option}>
                {option}
              </option>
            ))}
            {value !== '' && !(field.options ?? []).includes(value) && <option value={value}>{value}</option>}
          </Select>
        );
      case 'email':
        return <Input id={id} type="email" value={value} onChange={(_, d) => onChange(d.value)} />;
      case 'phone':
        return <Input id={id} type="tel" value={value} onChange={(_, d) => onChange(d.value)} />;
      default:
        return <Input id={id} value={value} placeholder={placeholder} maxLength={column.maxLength} onChange={(_, d) => onChange(d.value)} />;
    }
  }
}
