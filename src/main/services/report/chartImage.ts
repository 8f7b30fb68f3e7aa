import { Resvg } from '@resvg/resvg-js';
import * as echarts from 'echarts';
import type { EChartsOption } from 'echarts';

/**
 * Charts drawn without a browser: ECharts' server-side SVG renderer, then resvg for PNG (the deck).
 * The font list names a Korean face on each system: Malgun Gothic (Windows), Apple SD Gothic Neo
 * (macOS), Noto Sans KR / NanumGothic (Linux); the SVG keeps the list, so a browser picks the same.
 */
export const KOREAN_FONTS = ['Malgun Gothic', 'Apple SD Gothic Neo', 'Noto Sans KR', 'Noto Sans CJK KR', 'NanumGothic', 'sans-serif'];
export const FONT_FAMILY = KOREAN_FONTS.map((f) => (f.includes(' ') ? `'${f}'` : f)).join(', ');

/** The option as an image shows it: no animation, white ground, the Korean font list. */
function forImage(option: EChartsOption): EChartsOption {
  const textStyle = (option.textStyle ?? {}) as Record<string, unknown>;
  return { ...option, animation: false, backgroundColor: '#fff', textStyle: { ...textStyle, fontFamily: FONT_FAMILY } };
}

/** The chart as an SVG document string, at this size in px. */
export function chartSvg(option: EChartsOption, width: number, height: number): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption(forImage(option));
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

/** An SVG as PNG, `scale` times its size (2: sharp on a projector). Text without a listed face falls back to NanumGothic. */
export function svgPng(svg: string, scale = 2): Buffer {
  const image = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: scale },
    font: { loadSystemFonts: true, defaultFontFamily: 'NanumGothic', sansSerifFamily: 'NanumGothic' },
  });
  return image.render().asPng();
}
