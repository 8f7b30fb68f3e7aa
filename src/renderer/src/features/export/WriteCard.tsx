import { useEffect, useRef, useState } from 'react';
import { CallError } from '../../../../shared/api';
import type { ExportResult, TargetListArgsIn } from '../../../../shared/export';
import { workbench } from '../../api/client';
import { onJobStarted, runJob } from '../../api/jobs';
import { formatNumber } from '../../format';
import { fill, t, type Lang } from '../../i18n';
import { defaultOut, today, withExtension } from './settings';

interface Props {
  project: string;
  /** The list as previewed (filters, columns, control group…); null while there is nothing to write. */
  args: (TargetListArgsIn & { project: string }) | null;
  lang: Lang;
  onError: (e: unknown) => void;
  /** After a list was written (the past exports are listed again). */
  onWritten: () => void;
}

type Format = 'csv' | 'parquet';
type Encoding = 'utf8bom' | 'cp949';

/** The existing file a write refused (error key fileExists), or null for any other failure. */
function existingFile(e: unknown): string | null {
  if (!(e instanceof CallError)) return null;
  const issue = e.issues?.find((i) => i.key === 'fileExists');
  if (!issue) return null;
  return String(issue.params?.file ?? '');
}

/** In browser mode a file inside the project's exports/ is also offered as a download (the server's /exports route). */
function downloadHref(project: string, path: string): { href: string; name: string } | null {
  const name = /[\\/]exports[\\/]([^\\/]+)$/.exec(path)?.[1];
  if (!name || window.workbench !== undefined) return null;
  return { href: `/exports?project=${encodeURIComponent(project)}&file=${encodeURIComponent(name)}`, name };
}

/**
 * Where and how the list is written: the path (prefilled with <project>/exports/target-<date>.csv;
 * browser mode has no file dialog), CSV or Parquet, UTF-8 with BOM or CP949. Writing is a job with
 * progress and cancel; an existing file is replaced only after the analyst says so here.
 */
export function WriteCard({ project, args, lang, onError, onWritten }: Props) {
  const [out, setOut] = useState(() => defaultOut(project, today()));
  const [format, setFormat] = useState<Format>('csv');
  const [encoding, setEncoding] = useState<Encoding>('utf8bom');
  const [writing, setWriting] = useState(false);
  const [progress, setProgress] = useState<{ fraction: number | null; rows: number | null } | null>(null);
  const [asking, setAsking] = useState<string | null>(null);
  const [written, setWritten] = useState<ExportResult | null>(null);
  const jobId = useRef<string | null>(null);

  useEffect(() => {
    if (!writing) return;
    const offStarted = onJobStarted((id, method) => {
      if (method === 'export.write') jobId.current = id;
    });
    const offProgress = workbench.on('job.progress', (p) => {
      if (!jobId.current || p.jobId !== jobId.current) return;
      setProgress({ fraction: p.fraction, rows: p.detail.type === 'rows' ? p.detail.rowsDone : null });
    });
    return () => {
      offStarted();
      offProgress();
    };
  }, [writing]);

  const write = async (overwrite: boolean) => {
    if (!args) return;
    setAsking(null);
    setWritten(null);
    setProgress(null);
    jobId.current = null;
    setWriting(true);
    try {
      const result = await runJob('export.write', { ...args, out, format, encoding, overwrite });
      setWritten(result);
      onWritten();
    } catch (e) {
      const file = existingFile(e);
      if (file !== null) setAsking(file || out);
      else onError(e);
    } finally {
      setWriting(false);
      jobId.current = null;
    }
  };
  const cancel = () => {
    if (jobId.current) workbench.jobs.cancel({ jobId: jobId.current }).catch(onError);
  };
  const pickFormat = (f: Format) => {
    setFormat(f);
    setOut((p) => withExtension(p, f));
  };
  const download = written ? downloadHref(project, written.path) : null;

  return (
    <div className="card" data-testid="export-file">
      <h3>{t('export.file', lang)}</h3>
      <div className="row">
        <label style={{ flex: '1 1 420px', display: 'flex', gap: 6, alignItems: 'center' }}>
          {t('export.path', lang)}
          <input type="text" value={out} onChange={(e) => setOut(e.target.value)} style={{ flex: 1, minWidth: 280 }} data-testid="export-path" />
        </label>
        <label>
          {t('export.format', lang)}{' '}
          <select value={format} onChange={(e) => pickFormat(e.target.value as Format)} data-testid="export-format">
            <option value="csv">CSV</option>
            <option value="parquet">Parquet</option>
          </select>
        </label>
        <label>
          {t('export.encoding', lang)}{' '}
          <select value={encoding} disabled={format !== 'csv'} onChange={(e) => setEncoding(e.target.value as Encoding)} data-testid="export-encoding">
            <option value="utf8bom">{t('export.encoding.utf8bom', lang)}</option>
            <option value="cp949">{t('export.encoding.cp949', lang)}</option>
          </select>
        </label>
      </div>
      <div className="row">
        <button onClick={() => void write(false)} disabled={writing || !args || !out.trim()} data-testid="export-write">
          {writing ? t('export.writing', lang) : t('export.write', lang)}
        </button>
        {writing && (
          <>
            <button onClick={cancel} data-testid="export-cancel">
              {t('export.cancel', lang)}
            </button>
            <progress max={1} value={progress?.fraction ?? undefined} style={{ width: 200 }} data-testid="export-progress" />
            {progress?.rows ? <span className="note">{formatNumber(progress.rows, lang)}</span> : null}
          </>
        )}
      </div>
      {asking !== null && (
        <div className="notice" role="alertdialog" aria-modal="false" aria-labelledby="export-exists-text" data-testid="export-confirm">
          <p id="export-exists-text">{fill(t('export.exists', lang), { file: asking })}</p>
          <div className="row">
            <button className="danger" onClick={() => void write(true)} data-testid="export-replace">
              {t('export.replace', lang)}
            </button>
            <button onClick={() => setAsking(null)} data-testid="export-keep">
              {t('export.keep', lang)}
            </button>
          </div>
        </div>
      )}
      {written && (
        <div data-testid="export-written" data-path={written.path} data-rows={written.rows} data-control={written.control} data-manifest={written.manifest}>
          <p className="saved">
            {fill(t('export.written', lang), { rows: formatNumber(written.rows, lang), control: formatNumber(written.control, lang), path: written.path })}
            {download && (
              <>
                {' '}
                <a href={download.href} download={download.name} data-testid="export-download">
                  {t('export.download', lang)}
                </a>
              </>
            )}
          </p>
          <p className="note">{fill(t('export.manifest', lang), { path: written.manifest })}</p>
        </div>
      )}
    </div>
  );
}
