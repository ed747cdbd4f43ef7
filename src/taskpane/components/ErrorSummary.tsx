/**
 * A refused save, said once: one alert at the top of the form that takes the focus, counting what
 * must be corrected and linking each field, so a keyboard or screen reader user goes straight to
 * it. The fields say their own message too, but quietly (not as further alerts).
 */
import { useEffect, useRef } from 'react';
import { Link, MessageBar, MessageBarBody, MessageBarTitle, makeStyles, tokens } from '@fluentui/react-components';

export interface SummaryItem {
  /** The id of the field's control, focused by the link. */
  target: string;
  text: string;
}

const useStyles = makeStyles({
  bar: { ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}` } },
  list: { margin: `${tokens.spacingVerticalXS} 0 0`, paddingLeft: tokens.spacingHorizontalL },
});

export function ErrorSummary({ title, items, serial }: { title: string; items: SummaryItem[]; serial: number }) {
  const styles = useStyles();
  const bar = useRef<HTMLDivElement>(null);
  // A new refusal (each save that fails has a new serial) takes the focus, so it is heard and seen.
  useEffect(() => {
    bar.current?.focus();
  }, [serial]);
  if (items.length === 0) return null;
  return (
    <MessageBar intent="error" role="alert" ref={bar} tabIndex={-1} className={styles.bar} layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{title}</MessageBarTitle>
        <ul className={styles.list}>
          {items.map((item, i) => (
            <li key={`${item.target}-${i}`}>
              <Link
                href={`#${item.target}`}
                onClick={(event) => {
                  event.preventDefault();
                  const found = document.getElementById(item.target);
                  // A group of radios is no control itself: its first radio takes the focus.
                  const target = found?.matches('input, select, textarea, button')
                    ? found
                    : found?.querySelector<HTMLElement>('input, select, textarea, button');
                  target?.focus();
                  target?.scrollIntoView({ block: 'center' });
                }}
              >
                {item.text}
              </Link>
            </li>
          ))}
        </ul>
      </MessageBarBody>
    </MessageBar>
  );
}
