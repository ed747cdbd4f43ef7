/**
 * The last line against a blank pane: a rendering error in a tab shows a message in the user's
 * language and a way to try again, and the rest of the pane keeps working.
 */
import { Component, type ReactNode } from 'react';
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import type { Lang } from '../../core/content/language';
import { phraseOf } from '../../core/samspillError';
import { paneStrings, type PaneStringKey } from '../i18n';

interface Props {
  lang: Lang;
  children: ReactNode;
}

export class ErrorBoundary extends Component<Props, { error: Error | null }> {
  state = { error: null as Error | null };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    const t = (key: PaneStringKey) => paneStrings.text(key, this.props.lang);
    return (
      <MessageBar intent="error" role="alert">
        <MessageBarBody>
          <MessageBarTitle>{t('error.render.title')}</MessageBarTitle>
          {t('error.render.body')} ({phraseOf(error).say(this.props.lang)})
        </MessageBarBody>
        <MessageBarActions>
          <Button onClick={() => this.setState({ error: null })}>{t('error.render.retry')}</Button>
        </MessageBarActions>
      </MessageBar>
    );
  }
}
