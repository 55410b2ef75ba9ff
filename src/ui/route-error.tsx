import { useRouteError } from 'react-router';
import { useTranslation } from 'react-i18next';

/** Shown when a route fails to load (e.g. a chunk could not be fetched): nothing is lost, reload retries. */
export function RouteError() {
  const { t } = useTranslation();
  const error = useRouteError();
  console.error(error);
  return (
    <main id="main" className="route-error">
      <h1>{t('error.title')}</h1>
      <p>{t('error.body')}</p>
      <p>
        <button type="button" className="button primary" onClick={() => window.location.reload()}>
          {t('error.reload')}
        </button>
      </p>
    </main>
  );
}
