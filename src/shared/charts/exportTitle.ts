import type { EChartsOption } from 'echarts';
import { NOTE } from './frame';

/* eslint-disable @typescript-eslint/no-explicit-any -- walks the option's plain parts */

/**
 * The option as an exported image shows it: the data period ('2021-01-01 ~ 2021-12-31') as the first
 * line under the title, the plot moved down by that line for every card width (grid and Sankey tops).
 */
export function withPeriod(option: EChartsOption, period: string | undefined): EChartsOption {
  if (!period) return option;
  const title = (Array.isArray(option.title) ? option.title[0] : option.title) ?? {};
  const shift = NOTE.line + (title.subtext ? 0 : NOTE.gap);
  const down = (o: any): any => {
    if (!o) return o;
    const out = { ...o };
    if (o.grid && typeof o.grid.top === 'number') out.grid = { ...o.grid, top: o.grid.top + shift };
    if (Array.isArray(o.series)) out.series = o.series.map((s: any) => (typeof s?.top === 'number' ? { ...s, top: s.top + shift } : s));
    return out;
  };
  const base = down(option);
  return {
    ...base,
    title: { ...title, subtext: title.subtext ? `${period}\n${title.subtext}` : period },
    media: (option.media as any[] | undefined)?.map((m) => ({ ...m, option: down(m.option) })),
  };
}
