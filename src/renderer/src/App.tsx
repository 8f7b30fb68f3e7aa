import { useState } from 'react';
import { t, type Lang, type StringKey } from './i18n';

const STEPS: StringKey[] = ['nav.data', 'nav.overview', 'nav.segments', 'nav.churn', 'nav.recommend', 'nav.validation', 'nav.export'];

/** The shell: the journey's steps. The pages arrive with their issues. */
export function App() {
  const [lang, setLang] = useState<Lang>('ko');
  const [step, setStep] = useState<StringKey>('nav.data');
  return (
    <div style={{ display: 'flex', height: '100vh', fontFamily: 'system-ui, "Noto Sans KR", "NanumGothic", sans-serif' }}>
      <nav style={{ width: 200, borderRight: '1px solid #ddd', padding: 12 }}>
        <h1 style={{ fontSize: 18 }}>{t('appTitle', lang)}</h1>
        {STEPS.map((s) => (
          <button key={s} onClick={() => setStep(s)} style={{ display: 'block', width: '100%', margin: '4px 0', fontWeight: s === step ? 700 : 400 }}>
            {t(s, lang)}
          </button>
        ))}
        <button onClick={() => setLang(lang === 'ko' ? 'en' : 'ko')}>{t('language', lang)}</button>
      </nav>
      <main style={{ padding: 24 }}>
        <h2>{t(step, lang)}</h2>
        <p>{t('comingNext', lang)}</p>
      </main>
    </div>
  );
}
