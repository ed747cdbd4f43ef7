/**
 * One form field built from a register column of templates/sheets.json: its label, its help as
 * the hint, an input of the column's kind (date, number, a choice from the workbook's lists or
 * partner catalogue, yes/no), and the rules' messages about it, announced as alerts.
 */
import { Field, Input, Radio, RadioGroup, Select } from '@fluentui/react-components';
import type { Lang } from '../../core/content/language';
import type { Issue } from '../../core/validation/issue';
import type { FormField } from '../services/registerService';

interface Props {
  field: FormField;
  lang: Lang;
  value: string;
  onChange: (value: string) => void;
  issues?: Issue[];
  placeholder?: string;
  /** Shown after the label of a required field. */
  requiredLabel: string;
  noChoice: string;
}

export function FieldInput({ field, lang, value, onChange, issues = [], placeholder, noChoice }: Props) {
  const { column } = field;
  const message = issues.map((i) => i.message).join(' ');
  const state = issues.some((i) => i.severity === 'error' || i.severity === 'warning') ? 'error' : undefined;
  const id = `field-${column.key}`;
  return (
    <Field
      label={column.label[lang]}
      hint={column.help[lang]}
      required={column.required && !field.generated}
      validationState={state}
      validationMessage={message || undefined}
      validationMessageIcon={null}
    >
      {control()}
    </Field>
  );

  function control() {
    switch (column.type) {
      case 'date':
        return <Input id={id} type="date" value={value} onChange={(_, d) => onChange(d.value)} />;
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
