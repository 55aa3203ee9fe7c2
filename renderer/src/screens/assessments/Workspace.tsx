import { useTranslation } from 'react-i18next';
import type { Assessment, Rating } from '../../../../shared/assessments/schema';
import type { Result } from '../../../../shared/ipc/result';
import type { RatingAnswer } from '../../../../shared/scoring';
import { invoke } from '../../api/client';
import { ErrorBanner } from '../../components/ErrorBanner';
import { useLoad } from '../../data/use-request';
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

/** The assessment, then what it names: its pinned framework and the self-assessment to compare with. */
async function loadWorkspace(id: string): Promise<Result<Loaded>> {
  const got = await invoke('assessments:get', { id });
  if (!got.ok) return got;
  try {
    const [framework, selfAnswers] = await Promise.all([
      loadFramework(got.value.assessment.frameworkVersionId),
      loadComparedSelfAnswers(got.value.assessment),
    ]);
    return { ok: true, value: { assessment: got.value.assessment, ratings: got.value.ratings, framework, selfAnswers } };
  } catch (e) {
    return { ok: false, error: e instanceof FrameworkLoadError ? e.error : { code: 'internal', message: String(e) } };
  }
}

/** `#/assessments/<id>`: loads the assessment, its pinned framework and the self-assessment to compare with. */
export function Workspace({ id }: { id: string }) {
  const { t } = useTranslation();
  const { value: loaded, error } = useLoad<Loaded>(() => loadWorkspace(id), [id]);

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
