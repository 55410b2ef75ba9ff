import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { QuizMeta } from '../content/quiz-model.ts';
import { logOutcome } from '../quiz/log.ts';
import { useCourseStore } from '../store/course-store.ts';

/**
 * "Print your certificate", once the final assessment is passed (the quiz engine decides).
 * Loaded on its own (React.lazy) so that the home page's first load does not carry the engine.
 */
export default function CertificateLink({ final }: { final: QuizMeta }) {
  const { t } = useTranslation();
  const log = useCourseStore((s) => s.quizLogs[final.id]);
  if (!log || !logOutcome(final, log).passed) return null;
  return (
    <Link className="button primary" to="/certificate">
      {t('certificate.homeLink')}
    </Link>
  );
}
