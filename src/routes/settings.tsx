import { useTranslation } from 'react-i18next';
import { LOCALE_NAMES } from '../course-config.ts';
import { useCourseStore } from '../store/course-store.ts';
import { TEXT_SIZES, UI_LOCALES, type MotionPreference } from '../store/types.ts';
import { useUiLocale } from '../ui/use-ui-locale.ts';

const MOTION: MotionPreference[] = ['system', 'reduce', 'no-preference'];

export default function Settings() {
  const { t } = useTranslation();
  const locale = useUiLocale();
  const s = useCourseStore();
  return (
    <div className="settings">
      <title>{`${t('settings.title')} — ${t('app.shortTitle')}`}</title>
      <h1>{t('settings.title')}</h1>
      <fieldset>
        <legend>{t('settings.language')}</legend>
        <div className="choices">
          {UI_LOCALES.map((l) => (
            <label key={l} lang={l}>
              <input type="radio" name="locale" value={l} checked={locale === l} onChange={() => s.setLocale(l)} />
              {LOCALE_NAMES[l]}
            </label>
          ))}
        </div>
        <p className="hint">{t('settings.languageHint')}</p>
      </fieldset>
      <fieldset>
        <legend>{t('settings.textSize')}</legend>
        <div className="choices">
          {TEXT_SIZES.map((size) => (
            <label key={size}>
              <input type="radio" name="text-size" value={size} checked={s.textSize === size} onChange={() => s.setTextSize(size)} />
              {size}%
            </label>
          ))}
        </div>
      </fieldset>
      <fieldset>
        <legend>{t('settings.motion')}</legend>
        <div className="choices">
          {MOTION.map((m) => (
            <label key={m}>
              <input type="radio" name="motion" value={m} checked={s.reducedMotion === m} onChange={() => s.setReducedMotion(m)} />
              {t(`settings.motion_${m.replace('-', '_')}`)}
            </label>
          ))}
        </div>
      </fieldset>
    </div>
  );
}
