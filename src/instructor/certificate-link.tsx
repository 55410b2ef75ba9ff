import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { QuizMeta } from '../content/quiz-model.ts';
import { logOutcome } from '../quiz/log-codec.ts';
import { useCourseStore } from '../store/course-store.ts';

/**
 * "Print your certificate", once the final assessment is passed (the quiz engine decides, from
 * the saved record alone: src/quiz/log-codec.ts, which the first load already has for the
 * tracking bridge, so the home page imports this at once and does not wait for another chunk).
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
