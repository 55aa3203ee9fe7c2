import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { MenuCommand } from '../../shared/ipc/menu-commands';
import type { Result } from '../../shared/ipc/result';
import type { Settings } from '../../shared/settings/schema';
import { hostKind, invoke } from './api/client';
import { ErrorBanner } from './components/ErrorBanner';
import { useAction } from './data/use-action';
import { useLoad } from './data/use-request';
import { setLanguage } from './i18n';
import { href, navigate, parseRoute, useRoute, type Route } from './router';
import { InstitutionForm } from './screens/InstitutionForm';
import { InstitutionPage } from './screens/InstitutionPage';
import { InstitutionsList } from './screens/InstitutionsList';
import { ProgrammeForm } from './screens/ProgrammeForm';
import { Welcome } from './screens/Welcome';
import { SampleGuide } from './screens/guide/SampleGuide';
import { startSample } from './screens/guide/start-sample';
import { AssessmentDetails } from './screens/assessments/AssessmentDetails';
import { AssessmentsList } from './screens/assessments/AssessmentsList';
import { GapView } from './screens/assessments/GapView';
import { PreVisitList } from './screens/assessments/PreVisitList';
import { AssessmentEvidence } from './screens/assessments/evidence/AssessmentEvidence';
import { StartAssessment } from './screens/assessments/StartAssessment';
import { Workspace } from './screens/assessments/Workspace';
import { runEditCommand } from './screens/assessments/workspace/use-shortcuts';
import { FrameworkChangeScreen } from './screens/assessments/framework-change/FrameworkChangeScreen';
import { FrameworkBrowse } from './screens/frameworks/FrameworkBrowse';
import { FrameworkCompare } from './screens/frameworks/FrameworkCompare';
import { FrameworkLibrary } from './screens/frameworks/FrameworkLibrary';
import { ReportScreen } from './screens/reports/ReportScreen';
import { VerifyReport } from './screens/reports/VerifyReport';
import { PackagesScreen } from './screens/packages/PackagesScreen';
import { HeadOfficeDashboard } from './screens/head-office/HeadOfficeDashboard';
import { BackupsScreen } from './screens/backups/BackupsScreen';
import { ProfileScreen } from './screens/profile/ProfileScreen';
import './screens/profile/profile.css';

export function App() {
  const { t } = useTranslation();
  const route = useRoute();
  // The language is set before the first screen shows, so nothing is drawn in the wrong one.
  const loaded = useLoad(() => invoke('settings:get', {}).then(withLanguage), []);
  const { value: settings, setValue: setSettings } = loaded;
  const languageChange = useAction();

  // The desktop menu sends commands by name; screens are reached by their address.
  useEffect(
    () =>
      window.tvet?.onMenuCommand((command) => {
        if (command === 'language:en' || command === 'language:bn') void update({ language: command === 'language:bn' ? 'bn' : 'en' });
        else menuActions[command]();
      }),
    // Subscribe once: `update` only calls the API and sets state.
    [],
  );

  const update = async (change: Partial<Pick<Settings, 'language'>>) => {
    const r = await languageChange.run(() => invoke('settings:update', change).then(withLanguage));
    if (r.ok) setSettings(r.value);
  };

  return (
    <>
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="app-header">
        <div className="brand">
          <span className="brand__name">{t('app.name')}</span>
          <span className="brand__tagline">{t('app.tagline')}</span>
        </div>
        <nav aria-label={t('app.mainNav')} hidden={!settings?.onboarded}>
          <a
            href={href({ name: 'institutions' })}
            aria-current={route.name.startsWith('institution') || route.name.startsWith('programme') ? 'page' : undefined}
          >
            {t('app.navInstitutions')}
          </a>
          <a href={href({ name: 'assessments' })} aria-current={route.name.startsWith('assessment') ? 'page' : undefined}>
            {t('assessments.title')}
          </a>
          <a href={href({ name: 'frameworks' })} aria-current={route.name.startsWith('framework') ? 'page' : undefined}>
            {t('frameworks.title')}
          </a>
          <a href={href({ name: 'report-verify' })} aria-current={route.name === 'report-verify' ? 'page' : undefined}>
            {t('reports.nav')}
          </a>
          <a href={href({ name: 'packages' })} aria-current={route.name === 'packages' ? 'page' : undefined}>
            {t('exchange.nav')}
          </a>
          <a href={href({ name: 'head-office' })} aria-current={route.name === 'head-office' ? 'page' : undefined}>
            {t('headOffice.nav')}
          </a>
          <a href={href({ name: 'backups' })} aria-current={route.name === 'backups' ? 'page' : undefined}>
            {t('backups.nav')}
          </a>
        </nav>
        <div className="header-settings">
          {/* Who is acting: every change is recorded under this name; the reviewer switches here. */}
          {settings?.onboarded ? (
            <a className="header-profile" href={href({ name: 'profile' })} aria-current={route.name === 'profile' ? 'page' : undefined}>
              <span className="visually-hidden">{t('profile.nav')}: </span>
              {settings.userName} ({t(`welcome.roles.${settings.role}`)})
            </a>
          ) : null}
          {hostKind === 'browser' ? <span className="tag">{t('app.browserMode')}</span> : null}
          <label htmlFor="language-select">{t('app.language')}</label>
          <select
            id="language-select"
            value={settings?.language ?? 'en'}
            onChange={(e) => void update({ language: e.target.value as Settings['language'] })}
          >
            <option value="en" lang="en">
              English
            </option>
            <option value="bn" lang="bn">
              বাংলা
            </option>
          </select>
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        <ErrorBanner error={loaded.error ?? languageChange.error} />
        {settings === null ? (
          loaded.error ? null : (
            <p aria-busy="true">{t('app.loading')}</p>
          )
        ) : settings.onboarded ? (
          <>
            {/* The guided sample's panel (renderer/src/screens/guide) */}
            <SampleGuide route={route} />
            <Screen route={route} settings={settings} onSettings={setSettings} />
          </>
        ) : (
          <Welcome settings={settings} onDone={setSettings} onLanguage={(language) => void update({ language })} />
        )}
      </main>
    </>
  );
}

/** The settings as the services answered, after switching the screens to their language. */
function withLanguage(r: Result<Settings>): Result<Settings> {
  if (r.ok) setLanguage(r.value.language);
  return r;
}

/** File → Export report: the open assessment's report screen, or the list to choose an assessment from. */
function reportRouteFor(route: Route): Route {
  const onAssessment = [
    'assessment',
    'assessment-prepare',
    'assessment-details',
    'assessment-framework',
    'assessment-evidence',
    'assessment-report',
  ].includes(route.name);
  return onAssessment && 'id' in route ? { name: 'assessment-report', id: route.id } : { name: 'assessments' };
}

/**
 * What each menu command does. A Record over the shared map: a command added to the menu without an
 * action here fails the type check. The language commands change a setting and are handled in App.
 */
const menuActions: Record<Exclude<MenuCommand, 'language:en' | 'language:bn'>, () => void> = {
  'new-institution': () => navigate({ name: 'institution-new' }),
  'new-assessment': () => navigate({ name: 'assessment-new', institutionId: null }),
  'import-framework': () => navigate({ name: 'frameworks' }),
  'guided-sample': () => void startSample(),
  'export-report': () => navigate(reportRouteFor(parseRoute(window.location.hash))),
  'edit:undo': () => runEditCommand('undo'),
  'edit:redo': () => runEditCommand('redo'),
};

function Screen({ route, settings, onSettings }: { route: Route; settings: Settings; onSettings: (settings: Settings) => void }) {
  switch (route.name) {
    case 'institutions':
      return <InstitutionsList />;
    case 'institution-new':
      return <InstitutionForm />;
    case 'institution':
      return <InstitutionPage id={route.id} />;
    case 'institution-edit':
      return <InstitutionForm key={route.id} id={route.id} />;
    case 'programme-new':
      return <ProgrammeForm institutionId={route.institutionId} />;
    case 'programme-edit':
      return <ProgrammeForm key={route.id} institutionId={route.institutionId} id={route.id} />;
    // Framework library screens
    case 'frameworks':
      return <FrameworkLibrary />;
    case 'framework':
      return <FrameworkBrowse key={route.id} id={route.id} />;
    case 'framework-compare':
      return <FrameworkCompare key={`${route.olderId}/${route.newerId}`} olderId={route.olderId} newerId={route.newerId} />;
    // Assessment screens
    case 'assessments':
      return <AssessmentsList />;
    case 'assessment-new':
      return <StartAssessment key={route.institutionId ?? 'any'} institutionId={route.institutionId} />;
    case 'assessment':
      return <Workspace key={route.id} id={route.id} />;
    case 'assessment-prepare':
      return <PreVisitList key={route.id} id={route.id} />;
    case 'assessment-details':
      return <AssessmentDetails key={route.id} id={route.id} />;
    case 'assessment-framework':
      return <FrameworkChangeScreen key={route.id} id={route.id} />;
    case 'institution-gap':
      return (
        <GapView
          key={`${route.institutionId}/${route.inspectionId ?? ''}`}
          institutionId={route.institutionId}
          inspectionId={route.inspectionId}
        />
      );
    // Evidence screens
    case 'assessment-evidence':
      return <AssessmentEvidence key={route.id} id={route.id} />;
    // Report screens
    case 'assessment-report':
      return <ReportScreen key={route.id} assessmentId={route.id} />;
    case 'report-verify':
      return <VerifyReport />;
    // Exchange and head-office screens
    case 'packages':
      return <PackagesScreen />;
    case 'head-office':
      return <HeadOfficeDashboard />;
    // Safekeeping and the acting person
    case 'backups':
      return <BackupsScreen />;
    case 'profile':
      return <ProfileScreen settings={settings} onSaved={onSettings} />;
  }
}
