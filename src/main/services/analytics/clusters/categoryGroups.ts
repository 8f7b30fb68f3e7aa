/**
 * The consumption features read shares of category groups, not of every category: as seed 002 did,
 * the L.POINT catalogue's ~60 top-level categories merge into 13 groups a marketer recognises
 * (the analyst may pass another map). A category the map does not name keeps its own name; past
 * MAX_GROUPS groups, the smallest (by lines) merge into 기타.
 */
export const DEFAULT_CATEGORY_GROUPS: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries({
    신선식품: ['축산물', '채소', '수산물', '과일', '건해산물', '양곡'],
    가공식품: ['조미료', '과자', '조리식품', '냉장식품', '대용식', '냉동식품', '병통조림', '유제품'],
    음료·주류: ['음료', '주류', '커피/차', '담배'],
    건강: ['건강식품', '건강용품', '헬스/피트니스'],
    뷰티: ['화장품/뷰티케어', '퍼스널케어'],
    패션: ['패션잡화', '스포츠패션', '여성의류', '남성의류', '속옷/양말/홈웨어'],
    육아: ['유아동의류', '출산/육아용품', '완구', '유아식품'],
    생활용품: ['세제/위생', '청소/세탁/욕실용품', '주방잡화', '식기/조리기구', '침구/수예', '문구/사무용품', '공구/안전용품'],
    가전·디지털: ['생활/주방가전', '영상/음향가전', '계절가전', '컴퓨터', '냉장/세탁가전', '모바일'],
    홈·인테리어: ['가구', '인테리어/조명', '원예/애완'],
    레저·스포츠: ['구기/필드스포츠', '아웃도어/레저', '시즌스포츠', '자동차용품'],
    외식·서비스: ['테넌트/음식점', '생활/렌탈서비스', '여행/레저서비스', '금융/보험서비스', '상품권'],
    기타: ['기타(비상품)', '기타상품', '서적/음반/악기'],
  }).flatMap(([group, categories]) => categories.map((c) => [c, group])),
);

/** Groups beyond this many (a mapped file's own categories) merge, the smallest first, into 기타. */
export const MAX_GROUPS = 14;
export const OTHER_GROUP = '기타';

/**
 * Category → group for the categories present, given their line counts: the map's group, else the
 * category itself; then the smallest groups merge into 기타 until MAX_GROUPS are left.
 */
export function resolveGroups(categories: { category: string; lines: number }[], map: Readonly<Record<string, string>> = DEFAULT_CATEGORY_GROUPS): Map<string, string> {
  const groupOf = new Map(categories.map(({ category }) => [category, map[category] ?? category]));
  const size = new Map<string, number>();
  for (const { category, lines } of categories) size.set(groupOf.get(category)!, (size.get(groupOf.get(category)!) ?? 0) + lines);
  const kept = [...size.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, MAX_GROUPS - 1).map(([g]) => g);
  const keep = new Set(kept);
  for (const [category, group] of groupOf) if (!keep.has(group)) groupOf.set(category, OTHER_GROUP);
  return groupOf;
}
