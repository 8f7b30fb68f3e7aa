import { z } from 'zod';
import { currencySchema } from './money';
import { dateFormatProblem, dateFormatSpec, inferDateFormatAllowingFew } from './dates';

/** How a purchase file that is not in the L.POINT layout maps onto the project's columns. */
export const DATE_FORMATS = {
  YYYYMMDD: '%Y%m%d',
  'YYYY-MM-DD': '%Y-%m-%d',
  'YYYY-MM-DD HH:MM:SS': '%Y-%m-%d %H:%M:%S',
  'YYYY-MM-DD HH:MM': '%Y-%m-%d %H:%M',
  'YYYY.MM.DD': '%Y.%m.%d',
  'DD/MM/YYYY': '%d/%m/%Y',
  'M/D/YY': '%m/%d/%y',
  'M/D/YYYY H:MM': '%m/%d/%Y %H:%M',
} as const;
/**
 * A date format: 'auto' (inferred from the column's values at import), a name of the registry in
 * src/shared/dates (the keys above and more: DD/MM/YY, 14-Jan-15, ISO 8601, Excel serial …), or a
 * strptime pattern of one's own such as %d.%m.%Y.
 */
export type DateFormat = string;
const dateFormat = z
  .string()
  .trim()
  .min(1)
  .default('auto')
  .superRefine((value, ctx) => {
    const problem = value === 'auto' ? null : dateFormatProblem(value);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

export const ENCODINGS = ['utf-8', 'utf-8-bom', 'cp949'] as const;
export type Encoding = (typeof ENCODINGS)[number];

const column = z.string().min(1);

export const purchaseMappingSchema = z.object({
  customer: column,
  /** Optional: derived from customer + date and hour when absent. */
  receipt: column.optional(),
  date: column,
  dateFormat,
  /** Optional: taken from the timestamp where the date format has a time, else 0. */
  hour: column.optional(),
  product: column.optional(),
  productName: column.optional(),
  category: column.optional(),
  chain: column.optional(),
  channel: column.optional(),
  /**
   * Optional: without amounts, monetary is the number of lines or the quantity (the segment spec's
   * `monetary`), and the money charts say the data has none.
   */
  amount: column.optional(),
  /** Optional: 1 when absent. */
  quantity: column.optional(),
  /** Other purchase columns kept with each line as named attributes (profit, discount, region, ship mode …). */
  attributes: z.array(column).default([]),
  /**
   * Customer-level columns of the purchase file (when there is no customer file): one row per
   * customer, the most frequent value kept, customers with conflicting values counted in the report.
   */
  gender: column.optional(),
  ageBand: column.optional(),
  region: column.optional(),
  /** Other customer-level columns of the purchase file, kept as the customer's named attributes. */
  customerAttributes: z.array(column).default([]),
});
export type PurchaseMapping = z.infer<typeof purchaseMappingSchema>;

export const customerMappingSchema = z.object({
  customer: column,
  gender: column.optional(),
  ageBand: column.optional(),
  region: column.optional(),
  /** Any other columns (a campaign response 0/1, a segment, a store …), kept as named attributes. */
  attributes: z.array(column).default([]),
});
export type CustomerMapping = z.infer<typeof customerMappingSchema>;

export const productMappingSchema = z.object({
  product: column,
  name: column.optional(),
  category: column.optional(),
  subcategory: column.optional(),
});
export type ProductMapping = z.infer<typeof productMappingSchema>;

/** Whitespace-aligned text: columns separated by runs of spaces or tabs (leading spaces allowed). */
export const WHITESPACE_DELIMITER = 'whitespace';
/**
 * A file's delimiter: any single character but the quote, CR or LF, or 'whitespace' (runs of spaces
 * or tabs; such a file is normalised into a temporary delimited copy before DuckDB reads it).
 */
export const delimiterSchema = z.union([
  z.literal(WHITESPACE_DELIMITER),
  z
    .string()
    .length(1, `the delimiter is one character (or "${WHITESPACE_DELIMITER}")`)
    .refine((c) => c !== '"' && c !== '\r' && c !== '\n', 'the delimiter cannot be a quote, CR or LF'),
]);
export type Delimiter = z.infer<typeof delimiterSchema>;

const fileOptions = {
  file: z.string().trim().min(1),
  /** 'auto' detects: BOM, then strict UTF-8, then CP949 (what Korean Excel writes). */
  encoding: z.enum(['auto', ...ENCODINGS]).default('auto'),
  /** Detected from the first lines when absent: any single character, or 'whitespace'. */
  delimiter: delimiterSchema.optional(),
};

/** The saved, reusable mapping: the same JSON the CLI's --map takes. */
export const importMapSchema = z.object({
  purchases: z.object({ ...fileOptions, mapping: purchaseMappingSchema }),
  customers: z.object({ ...fileOptions, mapping: customerMappingSchema }).optional(),
  products: z.object({ ...fileOptions, mapping: productMappingSchema }).optional(),
  /** The amounts' currency (ISO 4217, e.g. KRW, USD, EUR); the project's setting is kept when absent. */
  currency: currencySchema.optional(),
});
export type ImportMap = z.infer<typeof importMapSchema>;
export type ImportMapIn = z.input<typeof importMapSchema>;

const SYNONYMS: Record<Exclude<keyof PurchaseMapping, 'attributes' | 'customerAttributes' | 'gender' | 'ageBand' | 'region'>, string[]> = {
  customer: ['cust', 'customer', 'customer_id', 'customerid', 'customer number', 'customer no', 'client_id', 'member', 'member_id', 'member number', 'member no', 'user_id', 'userid', 'buyer_id', '고객', '고객번호', '고객id', '회원번호', '회원', '회원id'],
  receipt: ['rct_no', 'receipt', 'receipt_id', 'receipt no', 'order', 'order_id', 'orderid', 'order number', 'order no', 'invoice', 'invoiceno', 'invoice_id', 'transaction', 'transaction_id', 'transaction no', 'basket_id', 'bill_no', '영수증', '영수증번호', '주문번호', '거래번호'],
  date: ['de_dt', 'date', 'order_date', 'invoicedate', 'purchase_date', 'transaction_date', 'transaction_time', 'sale_date', 'sales_date', 'date of purchase', 'timestamp', 'datetime', '날짜', '일자', '구매일', '구매일자', '주문일', '주문일자', '거래일', '거래일자', '구매일시', '주문일시', '거래일시'],
  dateFormat: [],
  hour: ['de_hr', 'hour', '시간', '구매시간'],
  product: ['pd_c', 'product', 'product_id', 'productid', 'product code', 'sku', 'item', 'item_id', 'item code', 'stockcode', 'article', '상품', '상품코드', '상품번호', '품번'],
  productName: ['pd_nm', 'product_name', 'description', 'item_name', 'item description', 'itemdescription', 'product description', 'article name', '상품명', '품명'],
  category: ['clac_hlv_nm', 'category', 'product_category', 'item category', 'department', '카테고리', '분류', '상품분류', '대분류'],
  chain: ['cop_c', 'chain', 'store', 'store_id', 'store name', 'shop', 'affiliate', '제휴사', '점포', '매장', '채널사'],
  channel: ['chnl_dv', 'channel', 'sales channel', '채널', '온오프라인'],
  amount: ['buy_am', 'amount', 'sales', 'price', 'total', 'revenue', 'unitprice', 'transaction_amount', 'purchase_amount', 'total_amount', 'amount_spent', 'spend', 'sales_amount', 'net_sales', '금액', '구매금액', '매출', '판매금액', '결제금액'],
  quantity: ['buy_ct', 'quantity', 'qty', 'count', 'units', 'item_count', '수량', '구매수량'],
};

/** Header names compared without case, spaces, quotes, underscores, hyphens or dots ("Order Date" = order_date). */
const normalise = (name: string) => name.trim().toLowerCase().replace(/[\s"'_.-]/g, '');

/** Guesses which column is which from header names, and the date format from sample values. */
export function guessPurchaseMapping(header: string[], sample: string[][]): Partial<PurchaseMapping> {
  const guess: Partial<PurchaseMapping> = {};
  const taken = new Set<string>();
  for (const [field, names] of Object.entries(SYNONYMS) as [keyof typeof SYNONYMS, string[]][]) {
    const wanted = names.map(normalise);
    const hit = header.find((h) => !taken.has(h) && wanted.includes(normalise(h)));
    if (hit && field !== 'dateFormat') {
      (guess as Record<string, string>)[field] = hit;
      taken.add(hit);
    }
  }
  if (guess.date) {
    const idx = header.indexOf(guess.date);
    const values = sample.map((r) => r[idx]).filter((v): v is string => Boolean(v));
    const format = guessDateFormat(values);
    if (format) guess.dateFormat = format;
  }
  return guess;
}


/** The one format that reads every sample value the same way, or undefined (none, or day/month ambiguous). */
export function guessDateFormat(values: string[]): DateFormat | undefined {
  if (values.length === 0) return undefined;
  return inferDateFormatAllowingFew(values).chosen ?? undefined;
}

/** Whether the date format carries the time of day (then the hour comes from it). */
export function formatHasTime(format: DateFormat): boolean {
  return dateFormatSpec(format).time;
}

/** Column-name synonyms of the optional customer and product files. */
export const SIDE_SYNONYMS: Record<Exclude<keyof CustomerMapping | keyof ProductMapping, 'attributes'>, string[]> = {
  customer: SYNONYMS.customer,
  gender: ['ma_fem_dv', 'gender', 'sex', '성별'],
  ageBand: ['ages', 'age', 'age_band', 'agegroup', 'age group', '연령', '연령대', '나이'],
  region: ['zon_hlv', 'region', 'area', '지역', '거주지역'],
  product: SYNONYMS.product,
  name: ['pd_nm', 'name', 'product_name', 'description', 'item description', '상품명', '품명'],
  category: SYNONYMS.category,
  subcategory: ['clac_mcls_nm', 'subcategory', 'sub_category', '중분류', '세부카테고리', '소분류'],
};

/** Which header column each field most likely is, by name. */
export function guessColumns<F extends keyof typeof SIDE_SYNONYMS>(header: string[], fields: readonly F[]): Partial<Record<F, string>> {
  const guess: Partial<Record<F, string>> = {};
  for (const field of fields) {
    const wanted = SIDE_SYNONYMS[field].map(normalise);
    const hit = header.find((h) => wanted.includes(normalise(h)));
    if (hit) guess[field] = hit;
  }
  return guess;
}
