/**
 * A heading that takes the focus when it appears (a record opened, a form started), so keyboard
 * and screen reader users land where the pane changed, not back at the top.
 */
import { useEffect, useRef, type ReactNode } from 'react';
import { makeStyles, tokens, typographyStyles } from '@fluentui/react-components';

const useStyles = makeStyles({
  heading: { ...typographyStyles.subtitle1, margin: 0, overflowWrap: 'anywhere', ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}` } },
});

interface Props {
  id?: string;
  children: ReactNode;
  /** Changes when the heading should take the focus again. */
  focusKey?: unknown;
  /** False where the heading appears without the user going anywhere (an empty register's form). */
  focus?: boolean;
}

export function FocusHeading({ id, children, focusKey, focus = true }: Props) {
  const styles = useStyles();
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (focus) ref.current?.focus();
  }, [focusKey, focus]);
  return (
    <h2 id={id} ref={ref} tabIndex={-1} className={styles.heading}>
      {children}
    </h2>
  );
}
