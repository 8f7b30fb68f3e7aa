/**
 * The six L.POINT 2022 competition files: how they are recognised (file name and header)
 * and how their columns map onto the project's tables. Pure data, shared by the importer,
 * the generator and the UI.
 */
export type LpointKind = 'customers' | 'purchases' | 'services' | 'products' | 'branches' | 'payments';

export interface LpointFileSpec {
  kind: LpointKind;
  /** Number in the official file name, LPOINT_BIG_COMP_0N_XXX.csv */
  code: string;
  fileName: string;
  /** Header columns of the official file, in order. */
  columns: readonly string[];
  /** Korean label for reports. */
  labelKo: string;
}

export const LPOINT_FILES: readonly LpointFileSpec[] = [
  { kind: 'customers', code: '01_DEMO', fileName: 'LPOINT_BIG_COMP_01_DEMO.csv', labelKo: '고객', columns: ['cust', 'ma_fem_dv', 'ages', 'zon_hlv'] },
  {
    kind: 'purchases',
    code: '02_PDDE',
    fileName: 'LPOINT_BIG_COMP_02_PDDE.csv',
    labelKo: '상품 구매',
    columns: ['cust', 'rct_no', 'chnl_dv', 'cop_c', 'br_c', 'pd_c', 'de_dt', 'de_hr', 'buy_am', 'buy_ct'],
  },
  {
    kind: 'services',
    code: '03_COP_U',
    fileName: 'LPOINT_BIG_COMP_03_COP_U.csv',
    labelKo: '제휴사 이용',
    columns: ['cust', 'rct_no', 'cop_c', 'br_c', 'chnl_dv', 'de_dt', 'vst_dt', 'de_hr', 'buy_am'],
  },
  { kind: 'products', code: '04_PD_CLAC', fileName: 'LPOINT_BIG_COMP_04_PD_CLAC.csv', labelKo: '상품 분류', columns: ['pd_c', 'pd_nm', 'clac_hlv_nm', 'clac_mcls_nm'] },
  { kind: 'branches', code: '05_BR', fileName: 'LPOINT_BIG_COMP_05_BR.csv', labelKo: '점포', columns: ['br_c', 'cop_c', 'zon_hlv', 'zon_mcls'] },
  { kind: 'payments', code: '06_LPAY', fileName: 'LPOINT_BIG_COMP_06_LPAY.csv', labelKo: '엘페이 결제', columns: ['cust', 'rct_no', 'cop_c', 'chnl_dv', 'de_dt', 'de_hr', 'buy_am'] },
];

/** Import order: catalog and customers before the transactions that refer to them. */
export const IMPORT_ORDER: readonly LpointKind[] = ['products', 'branches', 'customers', 'purchases', 'services', 'payments'];

export const RETAIL_CHAINS = ['A01', 'A02', 'A03', 'A04', 'A05', 'A06'] as const;
export const SERVICE_CHAINS = ['B01', 'C01', 'C02', 'D01', 'D02', 'E01'] as const;

/** Recognise a file by its name (LPOINT_BIG_COMP_0N_…) or, failing that, by its exact header. */
export function recogniseLpointFile(fileName: string, headerLine: string): LpointFileSpec | undefined {
  const upper = fileName.toUpperCase();
  const byName = LPOINT_FILES.find((spec) => upper.includes(`LPOINT_BIG_COMP_${spec.code}`));
  const header = splitHeader(headerLine);
  const byHeader = LPOINT_FILES.find((spec) => sameColumns(spec.columns, header));
  if (byName && byHeader !== byName) return undefined; // named like one file, shaped like another
  return byHeader;
}

export function splitHeader(headerLine: string): string[] {
  return headerLine
    .replace(/^\uFEFF/, '')
    .replace(/\r?\n$/, '')
    .split(',')
    .map((c) => c.trim().replace(/^"(.*)"$/, '$1').toLowerCase());
}

function sameColumns(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && [...a].sort().join(',') === [...b].sort().join(',');
}
