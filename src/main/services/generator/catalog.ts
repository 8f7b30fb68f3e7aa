import { buildBrands, type BrandTable } from './brands';
import { buildComplements } from './complements';
import { PARAMS, RETAIL, type Domain, type Retail } from './params';
import { rngFor, type Rng } from './random';
import { pricePoint } from './prices';

/**
 * The app's own product catalog: ~60 top categories, ~350 middle classes, ~1,900 products, built
 * from the rules below (generic Korean category words and name modifiers), not from any real
 * catalog. Each category belongs to a domain (params.ts) that sets which chains sell it, its
 * price level, its repurchase interval and its quantity habit.
 */

/** [top category, domain, popularity weight inside its domain, products, middle classes, women's tilt, age profile, sold at convenience stores] */
type CategoryRule = [string, Domain, number, number, string, number, AgeProfile, boolean?];
type AgeProfile = '' | 'y' | 'f' | 'm';

export const AGE_PROFILES: Record<AgeProfile, number[]> = {
  '': [1, 1, 1, 1, 1, 1],
  y: [1.6, 1.25, 1, 0.8, 0.6, 0.5],
  f: [0.6, 1.35, 1.3, 0.85, 0.6, 0.5],
  m: [0.55, 0.8, 1, 1.2, 1.45, 1.6],
};

const RULES: CategoryRule[] = [
  ['채소', 'fresh', 10, 72, '잎채소|뿌리채소|열매채소|버섯|양념채소|나물|쌈채소|샐러드|냉동채소', 1.1, 'm'],
  ['과일', 'fresh', 7, 58, '국산과일|수입과일|바나나|감귤류|사과/배|냉동과일', 1.1, 'm'],
  ['축산물', 'fresh', 6, 80, '돼지고기|소고기|닭고기|오리고기|계란|양념육|가공육|수입육|양고기|부산물|육가공|한우', 1.0, 'f'],
  ['수산물', 'fresh', 4, 70, '생선|조개류|새우|오징어/문어|수산가공|냉동수산|횟감|젓갈|해조류', 1.0, 'm'],
  ['건해산물', 'fresh', 2, 28, '김|멸치|건오징어|미역/다시마', 1.0, 'm'],
  ['유제품', 'staple', 9, 30, '우유|가공우유|요구르트|치즈', 1.15, 'f', true],
  ['냉장식품', 'staple', 8, 32, '두부류|어묵|햄/소시지|김치|반찬|생면', 1.1, 'f'],
  ['대용식', 'staple', 9, 30, '봉지라면|용기라면|즉석밥|시리얼|빵|즉석국|떡', 1.0, 'y', true],
  ['조미료', 'staple', 4, 50, '장류|식용유|소스|설탕/소금|양념|식초|드레싱|향신료', 1.1, 'm'],
  ['냉동식품', 'staple', 4, 22, '만두|냉동간편식', 1.0, 'f'],
  ['병통조림', 'staple', 2, 16, '참치캔|햄캔|과일캔|잼|꿀', 1.0, ''],
  ['양곡', 'staple', 3, 16, '쌀|잡곡|밀가루|부침가루', 1.0, 'm'],
  ['커피/차', 'staple', 3, 22, '원두커피|인스턴트커피|녹차|허브차', 1.1, ''],
  ['건강식품', 'staple', 2, 30, '홍삼|비타민|유산균|건강즙|다이어트식품', 1.2, 'm'],
  ['유아식품', 'staple', 1, 8, '분유|이유식', 1.5, 'f'],
  ['조리식품', 'staple', 4, 36, '도시락|김밥|샌드위치|튀김|즉석조리', 0.9, 'y', true],
  ['주류', 'drink', 6, 26, '국산맥주|수입맥주|소주|와인|전통주|양주', 0.6, '', true],
  ['음료', 'drink', 9, 28, '생수|탄산음료|과채음료|커피음료|이온음료|두유|차음료|에너지음료|유산균음료', 0.95, 'y', true],
  ['과자', 'snack', 10, 40, '일반스낵|감자스낵|옥수수스낵|쿠키|비스킷|초콜릿|사탕|껌|젤리', 1.05, 'y', true],
  ['담배', 'tobacco', 1, 8, '일반담배|전자담배|담배용품', 0.3, '', true],
  ['세제/위생', 'household', 4, 28, '세탁세제|주방세제|섬유유연제|위생용품|화장지|물티슈', 1.2, 'f', true],
  ['청소/세탁/욕실용품', 'household', 2, 28, '청소용품|세탁용품|욕실용품|종량제봉투', 1.2, 'f', true],
  ['퍼스널케어', 'household', 3, 36, '샴푸|바디케어|구강용품|면도용품|헤어케어|생리용품|데오드란트', 1.2, '', true],
  ['주방잡화', 'household', 2, 28, '일회용품|랩/호일|보관용기|주방소품', 1.3, 'f'],
  ['기타(비상품)', 'household', 1, 7, '봉투|포장|배송비|보증금|수선|기타', 1.0, ''],
  ['여성의류', 'fashion', 6, 30, '원피스|블라우스|니트|팬츠|스커트|아우터|정장', 3.0, ''],
  ['남성의류', 'fashion', 5, 28, '셔츠|정장|캐주얼상의|캐주얼하의|아우터|니트|의류세트', 0.35, ''],
  ['패션잡화', 'fashion', 5, 120, '핸드백|지갑|벨트|모자|스카프|양말|우산|선글라스|시계|주얼리|신발|운동화|구두|샌들|장갑|넥타이|여행가방|헤어액세서리|안경|파우치|키링', 1.6, ''],
  ['스포츠패션', 'fashion', 4, 75, '운동화|트레이닝복|골프웨어|등산복|수영복|요가복|스포츠가방|스포츠양말|기능성티셔츠|러닝화|스포츠모자', 0.9, 'f'],
  ['유아동의류', 'fashion', 3, 62, '신생아의류|유아상의|유아하의|아동상의|아동하의|아동아우터|아동내의|아동신발|아동잡화|아동원피스|유아세트|아동양말|아동모자|아동수영복|교복|아동잠옷|아동가방|아동우산|아동장갑|턱받이', 1.8, 'f'],
  ['속옷/양말/홈웨어', 'fashion', 3, 50, '여성속옷|남성속옷|양말|잠옷|홈웨어|보정속옷|스타킹|내의', 1.4, ''],
  ['화장품/뷰티케어', 'beauty', 8, 50, '스킨케어|메이크업|향수|헤어케어|바디케어|남성화장품', 3.0, 'y'],
  ['생활/주방가전', 'electronics', 4, 40, '밥솥|청소기|전자레인지|커피머신|믹서|주방소형가전', 1.1, 'f'],
  ['컴퓨터', 'electronics', 5, 14, '노트북|컴퓨터주변기기', 0.6, 'y'],
  ['모바일', 'electronics', 3, 6, '휴대폰|모바일액세서리', 0.8, 'y'],
  ['계절가전', 'electronics', 2, 15, '냉난방기|선풍기/히터', 1.0, ''],
  ['냉장/세탁가전', 'electronics', 1, 12, '냉장고|세탁기', 1.0, 'f'],
  ['영상/음향가전', 'electronics', 1, 25, 'TV|음향기기|카메라|게임기|이어폰', 0.6, 'y'],
  ['가구', 'living', 1, 30, '거실가구|침실가구|주방가구|수납가구|사무가구|아동가구|의자|책상|소파', 1.2, 'f'],
  ['침구/수예', 'living', 2, 34, '이불|베개|커튼|러그|패브릭소품|침대커버', 1.5, ''],
  ['인테리어/조명', 'living', 1, 20, '조명|액자|시계|방향제', 1.4, ''],
  ['식기/조리기구', 'living', 3, 34, '냄비|프라이팬|식기|칼/도마', 1.5, 'm'],
  ['공구/안전용품', 'living', 1, 15, '공구|전기용품|안전용품|철물', 0.4, ''],
  ['자동차용품', 'living', 1, 32, '세차용품|방향제|차량액세서리|오일|타이어|블랙박스|차량매트', 0.4, ''],
  ['원예/애완', 'living', 2, 36, '반려견용품|반려묘용품|사료|원예용품|화분|씨앗', 1.1, ''],
  ['문구/사무용품', 'living', 3, 66, '필기구|노트|사무용품|학용품|팬시용품|파티용품|포장용품|앨범', 1.2, 'f'],
  ['완구', 'living', 2, 30, '블록|인형|역할놀이|교구|RC/피규어|보드게임', 1.2, 'f'],
  ['출산/육아용품', 'living', 2, 30, '기저귀|물티슈|수유용품|유모차|카시트|목욕용품', 1.6, 'f'],
  ['서적/음반/악기', 'living', 1, 14, '도서|음반|악기', 1.0, ''],
  ['건강용품', 'living', 1, 24, '마스크|의료소모품|안마용품|체온계|파스|손소독제', 1.0, 'm', true],
  ['헬스/피트니스', 'living', 1, 14, '헬스기구|요가매트|보충제|홈트레이닝', 0.8, 'y'],
  ['아웃도어/레저', 'living', 1, 32, '텐트|캠핑용품|등산용품|낚시용품|자전거|수영용품', 0.7, ''],
  ['구기/필드스포츠', 'living', 1, 36, '골프용품|축구용품|야구용품|배드민턴|테니스|탁구|농구|볼링|스포츠보호대', 0.6, ''],
  ['시즌스포츠', 'living', 0.5, 20, '스키/보드|수상스포츠|스케이트|썰매', 0.7, 'y'],
  ['테넌트/음식점', 'tenant', 10, 22, '식당가|카페/디저트|베이커리', 1.2, ''],
  ['상품권', 'voucher', 10, 10, '백화점상품권|모바일상품권|기프트카드', 1.0, 'f'],
  ['생활/렌탈서비스', 'service', 1, 12, '렌탈|설치서비스', 1.0, 'f'],
  ['여행/레저서비스', 'service', 1, 6, '여행상품|레저이용권', 1.0, ''],
  ['금융/보험서비스', 'service', 0.3, 2, '보험', 1.0, 'm'],
  ['기타상품', 'service', 0.3, 2, '기타', 1.0, ''],
];

const MODIFIERS: Record<Domain, string[]> = {
  fresh: ['국산', '수입', '유기농', '친환경', '실속', '제철', '특품', '소포장', '대용량', '손질', '냉장', '무항생제', '산지직송', '알뜰'],
  staple: ['일반', '프리미엄', '저지방', '대용량', '미니', '기획', '오리지널', '라이트', '무가당', '실속', '유기농', '매운', '순한', '고소한'],
  snack: ['일반', '오리지널', '매운', '달콤한', '대용량', '미니', '기획', '초코', '치즈', '허니', '짭짤한', '바삭한'],
  drink: ['일반', '제로', '대용량', '미니', '프리미엄', '수입', '라이트', '무가당', '탄산', '기획'],
  tobacco: ['일반', '슬림', '멘솔', '프리미엄'],
  household: ['일반', '대용량', '리필', '무향', '천연', '기획', '프리미엄', '순한', '소형', '실속'],
  fashion: ['캐주얼', '정장', '기본', '프리미엄', '시즌', '베이직', '클래식', '니트', '데님', '린넨', '경량', '기능성', '여름', '겨울'],
  beauty: ['수분', '미백', '주름개선', '저자극', '프리미엄', '기획', '미니', '남성', '비건', '리필'],
  electronics: ['스마트', '미니', '대형', '무선', '고급형', '보급형', '휴대용', '프리미엄', '컴팩트', '디지털'],
  living: ['실용', '프리미엄', '원목', '스테인리스', '대형', '소형', '다용도', '접이식', '기본형', '고급', '아동용', '휴대용'],
  tenant: ['한식', '양식', '일식', '중식', '분식', '디저트', '음료', '세트'],
  voucher: ['5만원', '10만원', '3만원', '1만원', '30만원', '50만원'],
  service: ['일반', '프리미엄', '기본', '특별'],
};

export interface Catalog {
  /** Parallel arrays, index = product number − 1. */
  code: string[];
  name: string[];
  category: Int32Array;
  middle: string[];
  price: Float64Array;
  interval: Float64Array;
  ct1: Float64Array;
  /** Zipf popularity inside the category (the product draw weight before personal taste). */
  popularity: Float64Array;
  categories: CategoryInfo[];
  /** Brands inside each category (brands.ts) and each product's complement or -1 (complements.ts). */
  brands: BrandTable;
  complement: Int32Array;
  /** Per chain: each category's draw weight (0 where the chain does not sell it); the products inside a category are in `brands`. */
  byChain: Record<Retail, { categoryWeight: Float64Array }>;
}

export interface CategoryInfo {
  name: string;
  domain: Domain;
  weight: number;
  womenTilt: number;
  age: number[];
  cvs: boolean;
  middles: string[];
}

export function buildCatalog(seed: number): Catalog {
  const rng = rngFor(seed, 'catalog');
  const totalRuleProducts = RULES.reduce((s, r) => s + r[3], 0);
  const scale = PARAMS.catalog.products / totalRuleProducts;
  const code: string[] = [];
  const name: string[] = [];
  const middle: string[] = [];
  const category: number[] = [];
  const price: number[] = [];
  const rawPrice: number[] = [];
  const interval: number[] = [];
  const ct1: number[] = [];
  const popularity: number[] = [];
  const categories: CategoryInfo[] = [];
  const usedNames = new Set<string>();
  RULES.forEach(([top, domain, weight, count, mids, womenTilt, age, cvs], c) => {
    const middles = mids.split('|');
    categories.push({ name: top, domain, weight, womenTilt, age: AGE_PROFILES[age], cvs: cvs ?? false, middles });
    const n = Math.max(middles.length, Math.round(count * scale));
    const d = PARAMS.domain[domain];
    const mods = MODIFIERS[domain];
    for (let k = 0; k < n; k++) {
      const mid = middles[k % middles.length];
      const round = Math.floor(k / middles.length);
      let nm = round === 0 ? mid : `${mods[(round - 1 + c) % mods.length]}${mid}`;
      if (round > mods.length) nm = `${nm}${round}`;
      while (usedNames.has(nm)) nm = `${nm}${rng.int(10)}`;
      usedNames.add(nm);
      code.push(`PD${String(code.length + 1).padStart(4, '0')}`);
      name.push(nm);
      middle.push(mid);
      category.push(c);
      const raw = rng.lognormal(Math.log(d.price), d.priceSigma);
      rawPrice.push(raw);
      price.push(pricePoint(raw, rng));
      interval.push((PARAMS.catalog.intervalByCategory[top] ?? d.interval) * rng.lognormal(0, PARAMS.catalog.intervalSigma));
      ct1.push(Math.min(0.99, d.ct1 + 0.05 * rng.normal()));
      popularity.push(0);
    }
  });
  // Zipf popularity inside each category, in a random order of its products.
  for (let c = 0; c < categories.length; c++) {
    const members = category.map((cc, i) => (cc === c ? i : -1)).filter((i) => i >= 0);
    shuffle(members, rng);
    members.forEach((p, rank) => (popularity[p] = 1 / Math.pow(rank + 1, PARAMS.catalog.zipf)));
  }
  const byChain = {} as Catalog['byChain'];
  for (const chain of RETAIL) {
    const mix = PARAMS.chainDomainMix[chain];
    const domainWeightSum: Partial<Record<Domain, number>> = {};
    categories.forEach((cat) => {
      if (sells(chain, cat)) domainWeightSum[cat.domain] = (domainWeightSum[cat.domain] ?? 0) + cat.weight;
    });
    const categoryWeight = new Float64Array(categories.length);
    categories.forEach((cat, c) => {
      const share = mix[cat.domain] ?? 0;
      categoryWeight[c] = sells(chain, cat) && share > 0 ? (share * cat.weight) / (domainWeightSum[cat.domain] ?? 1) : 0;
    });
    byChain[chain] = { categoryWeight };
  }
  const categoryOf = Int32Array.from(category);
  const popularityOf = Float64Array.from(popularity);
  // Brands and complements come from streams of their own: the product file above does not change with them.
  const brands = buildBrands(categoryOf, popularityOf, categories.length, rngFor(seed, 'catalog-brands'));
  // A brand's tier sets its price level: the raw price × the tier's factor, rounded to a price point again.
  const tierRng = rngFor(seed, 'catalog-tier-prices');
  for (let p = 0; p < code.length; p++) {
    const factor = PARAMS.taste.brands.tierPrice[brands.tier[categoryOf[p]][brands.brand[p]]];
    if (factor !== 1) price[p] = pricePoint(rawPrice[p] * factor, tierRng);
  }
  const complement = buildComplements(categories.map((c) => c.name), popularityOf, brands, rngFor(seed, 'catalog-complements'));
  return {
    code,
    name,
    category: categoryOf,
    middle,
    price: Float64Array.from(price),
    interval: Float64Array.from(interval),
    ct1: Float64Array.from(ct1),
    popularity: popularityOf,
    categories,
    byChain,
    brands,
    complement,
  };
}

/** Convenience stores sell only the categories marked so. */
function sells(chain: Retail, cat: CategoryInfo): boolean {
  return chain === 'A04' ? cat.cvs : true;
}

function shuffle<T>(items: T[], rng: Rng): void {
  for (let i = items.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    [items[i], items[j]] = [items[j], items[i]];
  }
}

/** The catalog file's text (CRLF, header; names quoted where needed). */
export function catalogCsv(catalog: Catalog): string {
  const lines = ['pd_c,pd_nm,clac_hlv_nm,clac_mcls_nm'];
  for (let i = 0; i < catalog.code.length; i++) {
    lines.push([catalog.code[i], catalog.name[i], catalog.categories[catalog.category[i]].name, catalog.middle[i]].map(csvField).join(','));
  }
  return lines.join('\r\n') + '\r\n';
}

export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}
