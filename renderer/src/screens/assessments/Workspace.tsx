import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Assessment, Rating } from '../../../../shared/assessments/schema';
import type { AppErrorData } from '../../../../shared/ipc/result';
import type { RatingAnswer } from '../../../../shared/scoring';
import { invoke } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import { FrameworkLoadError, loadFramework } from './model/framework-cache';
import type { LoadedFramework } from './model/framework-cache';
import { loadComparedSelfAnswers } from './model/compared-self-answers';
import { WorkspaceView } from './workspace/WorkspaceView';

interface Loaded {
  assessment: Assessment;
  ratings: Rating[];
  framework: LoadedFramework;
  selfAnswers: Map<string, RatingAnswer> | null;
}

/** `#/assessments/<id>`: loads the assessment, its pinned framework and the self-assessment to compare with. */
export function Workspace({ id }: { id: string }) {
  const { t } = useTranslation();
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [error, setError] = useState<AppErrorData | null>(null);

  useEffect(() => {
    let live = true;
    setLoaded(null);
    setError(null);
    void (async () => {
      const got = await invoke('assessments:get', { id });
      if (!got.ok) return live && setError(got.error);
      try {
        const [framework, selfAnswers] = await Promise.all([
          loadFramework(got.value.assessment.frameworkVersionId),
          loadComparedSelfAnswers(got.value.assessment),
        ]);
        if (live) setLoaded({ assessment: got.value.assessment, ratings: got.value.ratings, framework, selfAnswers });
      } catch (e) {
        if (live) setError(e instanceof FrameworkLoadError ? e.error : { code: 'internal', message: String(e) });
      }
    })();
    return () => {
      live = false;
    };
  }, [id]);

  if (error) return <ErrorBanner error={error} />;
  if (loaded === null) return <p aria-busy="true">{t('app.loading')}</p>;
  return (
    <WorkspaceView
      key={loaded.assessment.id}
      initial={loaded.assessment}
      ratings={loaded.ratings}
      loaded={loaded.framework}
      selfAnswers={loaded.selfAnswers}
    />
  );
}
