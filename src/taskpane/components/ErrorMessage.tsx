/** An action's failure as a message bar in the user's language, never a blank pane. */
import { Caption1, MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { usePane } from '../paneContext';
import { paneError } from '../paneErrors';

export function ErrorMessage({ error }: { error: unknown }) {
  const { lang, t } = usePane();
  if (error === null || error === undefined) return null;
  const shown = paneError(error, lang);
  return (
    <MessageBar intent="error" role="alert">
      <MessageBarBody>
        <MessageBarTitle>{shown.title}</MessageBarTitle>
        {shown.body}
        {shown.detail && (
          <div>
            <Caption1>
              {t('error.detail')}: {shown.detail}
            </Caption1>
          </div>
        )}
      </MessageBarBody>
    </MessageBar>
  );
}
