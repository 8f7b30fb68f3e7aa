import { useEffect, useRef } from 'react';
import type { EChartsCoreOption } from 'echarts/core';
import { echarts } from './echarts';
import { t, type Lang } from '../i18n';

interface Props {
  option: EChartsCoreOption;
  lang: Lang;
  /** File name for PNG/SVG saving, without extension. */
  name: string;
  height?: number;
  testId?: string;
}

function download(href: string, fileName: string): void {
  const a = document.createElement('a');
  a.href = href;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
}

/** One component renders any option builder's output, with PNG and SVG saving. */
export function Chart({ option, lang, name, height = 320, testId }: Props) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<ReturnType<typeof echarts.init> | null>(null);

  useEffect(() => {
    if (!box.current) return;
    const instance = echarts.init(box.current, undefined, { renderer: 'canvas' });
    chart.current = instance;
    const resize = () => instance.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      instance.dispose();
      chart.current = null;
    };
  }, []);
  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  const savePng = () => {
    const url = chart.current?.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#fff' });
    if (url) download(url, `${name}.png`);
  };
  const saveSvg = () => {
    const width = box.current?.clientWidth ?? 800;
    const svg = echarts.init(null, undefined, { renderer: 'svg', ssr: true, width, height });
    svg.setOption({ ...option, animation: false, backgroundColor: '#fff' });
    const text = svg.renderToSVGString();
    svg.dispose();
    download(URL.createObjectURL(new Blob([text], { type: 'image/svg+xml' })), `${name}.svg`);
  };

  return (
    <figure className="chart" data-testid={testId}>
      <div ref={box} style={{ width: '100%', height }} />
      <figcaption className="row">
        <button onClick={savePng} data-testid={testId ? `${testId}-png` : undefined}>{t('chart.savePng', lang)}</button>
        <button onClick={saveSvg} data-testid={testId ? `${testId}-svg` : undefined}>{t('chart.saveSvg', lang)}</button>
      </figcaption>
    </figure>
  );
}
