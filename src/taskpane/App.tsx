/**
 * The task pane's frame: product name, one tab per part of the work, and the tab's panel. The
 * panels (and the core they use) load on demand, so the pane's first load stays small; each is
 * wrapped so that a failure shows a message instead of a blank pane. Work in progress is kept
 * above the tabs (paneWork), so a tab switch loses nothing; inside Excel, selecting a register row
 * in the sheet opens that record (selectionFollower).
 */
import { Suspense, lazy, useContext, useEffect, useMemo, useState } from 'react';
import { Body1, MessageBar, MessageBarBody, MessageBarTitle, Spinner, Tab, TabList, Title2, makeStyles, tokens } from '@fluentui/react-components';
import type { Lang } from '../core/content/language';
import { ErrorBoundary } from './components/ErrorBoundary';
import { paneStrings, type PaneStringKey } from './i18n';
import { PaneContext, type PaneContextValue } from './paneContext';
import { PaneWorkProvider, usePaneWork } from './paneWork';
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

/** Inside Excel only, and after the first paint: it brings the core's reading and rules with it. */
const SelectionFollower = lazy(() => import(/* webpackChunkName: "pane-selection" */ './components/SelectionFollower'));

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
  /** False where the page has a header of its own (browser mode): one compact header, not two. */
  header?: boolean;
  /** Told whenever the pane starts or stops holding work not yet saved to the workbook. */
  onUnsavedChange?: (unsaved: boolean) => void;
  /** Browser mode's print page; absent inside Excel, where printing fills the printable sheet. */
  showPrintPage?: (documents: PrintDocument[]) => void;
}

export function App({ lang, workbook, clock = systemClock, initialSection = 'templates', header = true, onUnsavedChange, showPrintPage }: AppProps) {
  const [section, setSection] = useState<Section>(initialSection);
  const [templateLang, setTemplateLang] = useState<Lang>(lang);
  const context = useMemo<PaneContextValue>(
    () => ({ workbook, lang, templateLang, setTemplateLang, clock, showPrintPage }),
    [workbook, lang, templateLang, clock, showPrintPage],
  );

  return (
    <PaneContext.Provider value={context}>
      <PaneWorkProvider onNavigate={(next) => setSection(next as Section)}>
        <Pane section={section} onSection={setSection} header={header} onUnsavedChange={onUnsavedChange} />
      </PaneWorkProvider>
    </PaneContext.Provider>
  );
}

function Pane({
  section,
  onSection,
  header,
  onUnsavedChange,
}: {
  section: Section;
  onSection: (section: Section) => void;
  header: boolean;
  onUnsavedChange?: (unsaved: boolean) => void;
}) {
  const styles = useStyles();
  const { lang, workbook } = usePaneContext();
  const { unsaved } = usePaneWork();
  const t = (key: PaneStringKey) => paneStrings.text(key, lang);
  const Panel = PANELS[section];
  const hasUnsaved = unsaved.size > 0;
  useEffect(() => onUnsavedChange?.(hasUnsaved), [hasUnsaved, onUnsavedChange]);

  return (
    <>
      <main className={styles.root}>
        {header ? (
          <header className={styles.header}>
            <Title2 as="h1" className={styles.title}>
              {t('app.name')}
            </Title2>
            <Body1>{t('app.description')}</Body1>
          </header>
        ) : null}

        <TabList
          aria-label={t('tabs.label')}
          className={styles.tabs}
          selectedValue={section}
          onTabSelect={(_, data) => onSection(data.value as Section)}
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
      {workbook?.watchSelection && (
        <Suspense fallback={null}>
          <SelectionFollower />
        </Suspense>
      )}
    </>
  );
}

function usePaneContext() {
  const value = useContext(PaneContext);
  if (!value) throw new Error('Pane outside PaneContext');
  return value;
}
