/**
 * The task pane's frame: product name, one tab per part of the work, and the tab's panel. The
 * panels (and the core they use) load on demand, so the pane's first load stays small; each is
 * wrapped so that a failure shows a message instead of a blank pane.
 */
import { Suspense, lazy, useMemo, useState } from 'react';
import { Body1, MessageBar, MessageBarBody, MessageBarTitle, Spinner, Tab, TabList, Title2, makeStyles, tokens } from '@fluentui/react-components';
import type { Lang } from '../core/content/language';
import { ErrorBoundary } from './components/ErrorBoundary';
import { paneStrings, type PaneStringKey } from './i18n';
import { PaneContext, type PaneContextValue } from './paneContext';
import { systemClock, type Clock } from './services/paneClock';
import type { PaneWorkbook } from './services/paneWorkbook';
import type { PrintDocument } from '../core/documents/printDocument';

export const SECTIONS = ['templates', 'register', 'evaluation', 'validation', 'summary', 'settings'] as const;
export type Section = (typeof SECTIONS)[number];

const PANELS = {
  templates: lazy(() => import(/* webpackChunkName: "pane-templates" */ './components/TemplatesTab')),
  register: lazy(() => import(/* webpackChunkName: "pane-register" */ './components/RegisterTab')),
  evaluation: lazy(() => import(/* webpackChunkName: "pane-evaluation" */ './components/EvaluationTab')),
  validation: lazy(() => import(/* webpackChunkName: "pane-validation" */ './components/ValidationTab')),
  summary: lazy(() => import(/* webpackChunkName: "pane-summary" */ './components/SummaryTab')),
  settings: lazy(() => import(/* webpackChunkName: "pane-settings" */ './components/SettingsTab')),
} satisfies Record<Section, unknown>;

const labelKey = (section: Section): PaneStringKey => `tab.${section}.label`;

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
    gap: tokens.spacingVerticalM,
    paddingTop: tokens.spacingVerticalS,
  },
});

export interface AppProps {
  lang: Lang;
  /** The open workbook behind the port; null when the page is open outside Excel. */
  workbook: PaneWorkbook | null;
  clock?: Clock;
  initialSection?: Section;
  /** Browser mode's print page; absent inside Excel, where printing fills the printable sheet. */
  showPrintPage?: (documents: PrintDocument[]) => void;
}

export function App({ lang, workbook, clock = systemClock, initialSection = 'templates', showPrintPage }: AppProps) {
  const styles = useStyles();
  const [section, setSection] = useState<Section>(initialSection);
  const [templateLang, setTemplateLang] = useState<Lang>(lang);
  const t = (key: PaneStringKey) => paneStrings.text(key, lang);
  const context = useMemo<PaneContextValue>(
    () => ({ workbook, lang, templateLang, setTemplateLang, clock, showPrintPage }),
    [workbook, lang, templateLang, clock, showPrintPage],
  );
  const Panel = PANELS[section];

  return (
    <PaneContext.Provider value={context}>
      <main className={styles.root}>
        <header className={styles.header}>
          <Title2 as="h1" className={styles.title}>
            {t('app.name')}
          </Title2>
          <Body1>{t('app.description')}</Body1>
        </header>

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
          {workbook ? (
            <ErrorBoundary key={section} lang={lang}>
              <Suspense fallback={<Spinner size="tiny" label={t('common.loading')} />}>
                <Panel />
              </Suspense>
            </ErrorBoundary>
          ) : (
            <MessageBar intent="warning">
              <MessageBarBody>
                <MessageBarTitle>{t('host.notExcel.title')}</MessageBarTitle>
                {t('host.notExcel.body')}
              </MessageBarBody>
            </MessageBar>
          )}
        </section>
      </main>
    </PaneContext.Provider>
  );
}
