import { formatNumber } from '../format';
import { fill, t, type Lang, type StringKey } from '../i18n';

interface Props {
  project: string;
  written: { path: string; rows: number };
  lang: Lang;
  /** How the rows are counted ("{n}명 저장됨", "{n}행 저장됨"). */
  savedText?: StringKey;
}

/**
 * Where an export was written. In browser mode (no Electron preload, so no file manager beside the
 * page) the file is also offered as a download, through the server's /exports route, which serves
 * files inside the project's exports/ folder only.
 */
export function ExportedFile({ project, written, lang, savedText = 'segments.exported' }: Props) {
  const name = /[\\/]exports[\\/]([^\\/]+)$/.exec(written.path)?.[1];
  const browserMode = window.workbench === undefined;
  const href = browserMode && name ? `/exports?project=${encodeURIComponent(project)}&file=${encodeURIComponent(name)}` : null;
  return (
    <span className="saved" data-testid="export-saved">
      {fill(t(savedText, lang), { n: formatNumber(written.rows, lang) })}: {written.path}
      {href && (
        <>
          {' '}
          <a href={href} download={name} data-testid="export-download">
            {t('segments.download', lang)}
          </a>
        </>
      )}
    </span>
  );
}
