import { useEffect, useRef } from 'react';
import type { EChartsOption } from 'echarts';
import type { EChartsCoreOption } from 'echarts/core';
import { withPeriod } from '../../../shared/charts';
import { echarts } from './echarts';
import { t, type Lang } from '../i18n';

interface Props {
  option: EChartsCoreOption;
  lang: Lang;
  /** File name for PNG/SVG saving, without extension. */
  name: string;
  height?: number;
  testId?: string;
  /**
   * The data period as text ('2021-01-01 ~ 2021-12-31'): saved images (PNG and SVG) show it under the
   * chart's title, whether or not the card on screen does.
   */
  period?: string;
}

function download(href: string, fileName: string): void {
  const a = document.createElement('a');
  a.href = href;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
}

/**
 * One component renders any option builder's output, with PNG and SVG saving. A saved image is drawn
 * by an instance of its own, off screen, at the card's size: the chart on screen is never changed for
 * it, and nothing half-drawn is saved (the option is complete before the image is taken).
 */
export function Chart({ option, lang, name, height = 320, testId, period }: Props) {
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

  /** The option as saved: title plus period under it, no animation (drawn at once), white ground. */
  const saved = (): EChartsCoreOption => ({ ...withPeriod(option as EChartsOption, period), animation: false, backgroundColor: '#fff' });
  const width = () => box.current?.clientWidth || 800;

  const savePng = () => {
    const png = echarts.init(document.createElement('div'), undefined, { renderer: 'canvas', width: width(), height, devicePixelRatio: 2 });
    let url: string;
    try {
      png.setOption(saved());
      url = png.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#fff' });
    } finally {
      png.dispose();
    }
    download(url, `${name}.png`);
  };
  const saveSvg = () => {
    const svg = echarts.init(null, undefined, { renderer: 'svg', ssr: true, width: width(), height });
    let text: string;
    try {
      svg.setOption(saved());
      text = svg.renderToSVGString();
    } finally {
      svg.dispose();
    }
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
