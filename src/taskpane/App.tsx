/**
 * The task pane's frame: product name, what it is for, and one tab per part of the work. The
 * parts themselves are not built yet, so each panel says so plainly instead of showing controls
 * that would do nothing.
 */
import { useState } from 'react';
import {
  Body1,
  Caption1,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Tab,
  TabList,
  Text,
  Title2,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { Lang } from '../core/language';
import { paneText, type PaneStringKey } from './i18n';

export const SECTIONS = ['templates', 'register', 'evaluation', 'validation', 'summary', 'settings'] as const;
export type Section = (typeof SECTIONS)[number];

const labelKey = (section: Section): PaneStringKey => `tab.${section}.label`;
const plannedKey = (section: Section): PaneStringKey => `tab.${section}.planned`;

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalL,
  },
  header: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  title: { margin: 0 },
  // Six tabs do not fit a task pane's ~320 px in one row; wrapping keeps every name visible.
  tabs: { flexWrap: 'wrap' },
  panel: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    paddingTop: tokens.spacingVerticalS,
  },
});

export interface AppProps {
  lang: Lang;
  /** False when the page is open in a plain browser or Office.js could not be loaded. */
  inExcel: boolean;
}

export function App({ lang, inExcel }: AppProps) {
  const styles = useStyles();
  const [section, setSection] = useState<Section>('templates');
  const t = (key: PaneStringKey) => paneText(key, lang);

  return (
    <main className={styles.root}>
      <header className={styles.header}>
        <Title2 as="h1" className={styles.title}>{t('app.name')}</Title2>
        <Body1>{t('app.description')}</Body1>
        <Caption1>{t('app.earlyVersion')}</Caption1>
      </header>

      {!inExcel && (
        <MessageBar intent="warning">
          <MessageBarBody>
            <MessageBarTitle>{t('host.notExcel.title')}</MessageBarTitle>
            {t('host.notExcel.body')}
          </MessageBarBody>
        </MessageBar>
      )}

      <TabList
        aria-label={t('tabs.label')}
        className={styles.tabs}
        selectedValue={section}
        onTabSelect={(_, data) => setSection(data.value as Section)}
        size="small"
      >
        {SECTIONS.map((key) => (
          <Tab key={key} value={key} id={`tab-${key}`} aria-controls={`panel-${key}`}>
            {t(labelKey(key))}
          </Tab>
        ))}
      </TabList>

      <section role="tabpanel" id={`panel-${section}`} aria-labelledby={`tab-${section}`} className={styles.panel}>
        <Text weight="semibold">{t('tab.laterVersion')}</Text>
        <Body1>{t(plannedKey(section))}</Body1>
      </section>
    </main>
  );
}
