/**
 * Choosing a volunteer or a partner by name or id: a combobox that filters the register as the
 * user types ("kari" finds "Kari Nordmann (F0001)"), stores what the cell holds (the volunteer's
 * id, the partner's name) and shows whom it means. With `multiple`, several volunteers for one
 * hours entry (a group visit), each shown as a tag that can be removed.
 */
import { useEffect, useMemo, useState } from 'react';
import { Combobox, Option, Tag, TagGroup, makeStyles, tokens } from '@fluentui/react-components';
import type { Choice } from '../../services/registerService';
import { MANY } from '../../services/registerService';

const SHOWN = 40;

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, minWidth: 0 },
  combo: { minWidth: 0, width: '100%' },
  tags: { flexWrap: 'wrap', gap: tokens.spacingHorizontalXS },
  detail: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
});

interface Props {
  id: string;
  choices: Choice[];
  /** The cell value (one id or name; several ids one per line when `multiple`). */
  value: string;
  onChange: (value: string) => void;
  multiple?: boolean;
  placeholder: string;
  noMatch: string;
  removeLabel: (name: string) => string;
  chosenLabel: string;
}

const fold = (text: string) => text.trim().toLowerCase();

export function PersonChooser({ id, choices, value, onChange, multiple, placeholder, noMatch, removeLabel, chosenLabel }: Props) {
  const styles = useStyles();
  const chosen = value.split(MANY).filter(Boolean);
  const byValue = useMemo(() => new Map(choices.map((c) => [fold(c.value), c])), [choices]);
  const labelOf = (v: string) => byValue.get(fold(v))?.label ?? v;
  const [query, setQuery] = useState(multiple ? '' : chosen[0] ? labelOf(chosen[0]) : '');
  const [typing, setTyping] = useState(false);
  // The form was reset or filled from outside (saved, a record opened): show what the cell now holds.
  useEffect(() => {
    if (!typing) setQuery(multiple ? '' : chosen[0] ? labelOf(chosen[0]) : '');
  }, [value]);

  const words = fold(typing ? query : '')
    .split(/\s+/)
    .filter(Boolean);
  const matches = choices.filter((c) => words.every((w) => fold(`${c.label} ${c.detail}`).includes(w))).slice(0, SHOWN);

  return (
    <div className={styles.root}>
      <Combobox
        id={id}
        className={styles.combo}
        placeholder={placeholder}
        value={multiple ? query : typing ? query : chosen[0] ? labelOf(chosen[0]) : query}
        multiselect={multiple}
        selectedOptions={chosen.map(fold)}
        freeform={!multiple}
        onChange={(event) => {
          setQuery(event.target.value);
          setTyping(true);
          // Typed over a single choice: the cell keeps what was typed until an option is picked.
          if (!multiple) onChange(event.target.value);
        }}
        onOptionSelect={(_, data) => {
          setTyping(false);
          const picked = choices.find((c) => fold(c.value) === data.optionValue);
          if (!picked) return;
          if (multiple) {
            const next = chosen.some((c) => fold(c) === fold(picked.value)) ? chosen.filter((c) => fold(c) !== fold(picked.value)) : [...chosen, picked.value];
            onChange(next.join(MANY));
            setQuery('');
          } else {
            onChange(picked.value);
            setQuery(picked.label);
          }
        }}
      >
        {matches.map((c) => (
          <Option key={c.value} value={fold(c.value)} text={c.label}>
            <div>
              <div>{c.label}</div>
              {c.detail && <div className={styles.detail}>{c.detail}</div>}
            </div>
          </Option>
        ))}
        {matches.length === 0 && (
          <Option key="none" value="" text={noMatch} disabled>
            {noMatch}
          </Option>
        )}
      </Combobox>
      {multiple && chosen.length > 0 && (
        <TagGroup className={styles.tags} aria-label={chosenLabel} onDismiss={(_, data) => onChange(chosen.filter((c) => fold(c) !== data.value).join(MANY))}>
          {chosen.map((c) => (
            <Tag key={c} value={fold(c)} dismissible dismissIcon={{ 'aria-label': removeLabel(labelOf(c)) }} size="small">
              {labelOf(c)}
            </Tag>
          ))}
        </TagGroup>
      )}
    </div>
  );
}
