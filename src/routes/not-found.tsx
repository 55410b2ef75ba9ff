import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';

export default function NotFound() {
  const { t } = useTranslation();
  return (
    <div className="not-found">
      <title>{`${t('notFound.title')} — ${t('app.shortTitle')}`}</title>
      <h1>{t('notFound.title')}</h1>
      <p>{t('notFound.body')}</p>
      <p>
        <Link to="/">{t('lesson.backToLessons')}</Link>
      </p>
    </div>
  );
}
