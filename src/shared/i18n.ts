import type { ErrorCode } from './errors';
import type { RejectReason } from './reports';

/**
 * The one table of words the product shows: UI strings, chart labels, chain and tier names, CSV
 * headings and the CLI's table labels. Korean first (the default), English second. Pure data and
 * lookups: the renderer, the chart builders, the services that write CSV and the CLI all read it.
 */
export type Lang = 'ko' | 'en';
export type Text = { ko: string; en: string };

/** '{n} rows' with { n: 3 } → '3 rows'; an unknown placeholder stays as it is. */
export function fill(text: string, values: Record<string, string | number>): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (Object.hasOwn(values, name) ? String(values[name]) : whole));
}

/** Every UI string, in one table: Korean first (the default), English second. */
export const STRINGS = {
  appTitle: { ko: '캠페인 워크벤치', en: 'Campaign Workbench' },
  'nav.data': { ko: '데이터', en: 'Data' },
  'nav.overview': { ko: '개요', en: 'Overview' },
  'nav.segments': { ko: '세그먼트', en: 'Segments' },
  'nav.churn': { ko: '이탈 예측', en: 'Churn' },
  'nav.recommend': { ko: '추천', en: 'Recommendations' },
  'nav.validation': { ko: '검증', en: 'Validation' },
  'nav.export': { ko: '내보내기', en: 'Export' },
  comingNext: { ko: '이 단계는 다음 작업에서 제공됩니다.', en: 'This step comes in a later release.' },
  language: { ko: 'English', en: '한국어' },
  'project.title': { ko: '프로젝트', en: 'Project' },
  'project.folder': { ko: '프로젝트 폴더', en: 'Project folder' },
  'project.open': { ko: '열기', en: 'Open' },
  'project.create': { ko: '새로 만들기', en: 'Create' },
  'project.recent': { ko: '최근 프로젝트', en: 'Recent projects' },
  'project.none': { ko: '열린 프로젝트가 없습니다. 폴더를 입력해 열거나 새로 만드세요.', en: 'No project is open. Enter a folder to open or create one.' },
  'import.title': { ko: '데이터 가져오기', en: 'Import data' },
  'import.folder': { ko: 'L.POINT 파일 폴더', en: 'Folder with the L.POINT files' },
  'import.start': { ko: '가져오기', en: 'Import' },
  'import.dropDuplicates': { ko: '완전 중복 행 제거', en: 'Drop exact duplicate lines' },
  'import.replace': { ko: '이미 가져온 파일 다시 가져오기', en: 'Re-import files imported before' },
  'import.done': { ko: '가져오기 완료', en: 'Import finished' },
  'import.mode.lpoint': { ko: 'L.POINT 파일 6종', en: 'The six L.POINT files' },
  'import.mode.mapped': { ko: '기타 구매 파일 (CSV/Parquet)', en: 'Any purchase file (CSV/Parquet)' },
  'wizard.file': { ko: '구매 파일 경로', en: 'Purchase file path' },
  'wizard.preview': { ko: '미리보기', en: 'Preview' },
  'wizard.encoding': { ko: '인코딩', en: 'Encoding' },
  'wizard.detected': { ko: '감지됨', en: 'detected' },
  'wizard.delimiter': { ko: '구분자', en: 'Delimiter' },
  'wizard.auto': { ko: '자동', en: 'Auto' },
  'wizard.delimiter.comma': { ko: ', (쉼표)', en: ', (comma)' },
  'wizard.delimiter.tab': { ko: '탭', en: 'Tab' },
  'wizard.delimiter.semicolon': { ko: '; (세미콜론)', en: '; (semicolon)' },
  'wizard.delimiter.pipe': { ko: '| (파이프)', en: '| (pipe)' },
  'wizard.delimiter.whitespace': { ko: '공백 정렬 (연속된 공백/탭)', en: 'Whitespace-aligned (runs of spaces/tabs)' },
  'wizard.delimiter.other': { ko: '직접 입력…', en: 'Other…' },
  'wizard.delimiter.typed': { ko: '구분자 문자 (한 글자)', en: 'Delimiter character (one)' },
  'wizard.delimiter.notDetected': {
    ko: '머리글이 열 하나로만 나뉩니다. 구분자를 감지하지 못한 것 같습니다 (시도한 구분자: {tried}). 구분자를 직접 고르세요: 한 글자 문자 또는 공백 정렬.',
    en: 'The header splits into one column: the delimiter was probably not detected (tried {tried}). Choose it: any single character, or whitespace-aligned.',
  },
  'wizard.delimiter.wrongChoice': {
    ko: '선택한 구분자 {tried}(으)로는 머리글이 열 하나로만 나뉩니다. 이 파일의 구분자가 아닌 것 같습니다.',
    en: 'The header splits into one column with the chosen delimiter {tried}: it is probably not the file\'s delimiter.',
  },
  'wizard.mapping': { ko: '열 매핑', en: 'Column mapping' },
  'wizard.unmapped': { ko: '(없음)', en: '(none)' },
  'wizard.required': { ko: '필수', en: 'required' },
  'wizard.saveAs': { ko: '매핑 저장 이름', en: 'Save mapping as' },
  'wizard.saved': { ko: '저장된 매핑', en: 'Saved mappings' },
  'wizard.use': { ko: '불러오기', en: 'Use' },
  'wizard.customersFile': { ko: '고객 파일 (선택)', en: 'Customer file (optional)' },
  'wizard.productsFile': { ko: '상품 파일 (선택)', en: 'Product file (optional)' },
  'side.customer': { ko: '고객', en: 'Customer' },
  'side.gender': { ko: '성별', en: 'Gender' },
  'side.ageBand': { ko: '연령대', en: 'Age band' },
  'side.region': { ko: '지역', en: 'Region' },
  'side.product': { ko: '상품 코드', en: 'Product' },
  'side.name': { ko: '상품명', en: 'Name' },
  'side.category': { ko: '카테고리', en: 'Category' },
  'side.subcategory': { ko: '세부 카테고리', en: 'Subcategory' },
  'wizard.import': { ko: '매핑으로 가져오기', en: 'Import with this mapping' },
  'wizard.missing': { ko: '필수 열을 지정하세요', en: 'Map the required columns' },
  'wizard.extra': { ko: '그 밖의 열', en: 'Other columns' },
  'wizard.extra.help': { ko: '매핑하지 않은 열도 이름 그대로 속성으로 남길 수 있습니다: 구매 줄마다(이익, 할인, 배송 방식 …) 또는 고객마다(세그먼트, 지역 …; 고객별 최빈값, 값이 엇갈린 고객 수는 보고서에).', en: 'Unmapped columns can be kept as named attributes: per purchase line (profit, discount, ship mode …) or per customer (segment, region …; the most frequent value per customer, customers with conflicting values counted in the report).' },
  'wizard.extra.ignore': { ko: '가져오지 않음', en: 'Leave out' },
  'wizard.extra.line': { ko: '구매 줄 속성', en: 'Line attribute' },
  'wizard.extra.customer': { ko: '고객 속성', en: 'Customer attribute' },
  'wizard.noAmount': { ko: '금액 열 없이 가져옵니다: RFM의 M은 구매 건수(상품 줄 수) 또는 수량이 되고, 매출 차트 대신 안내가 나옵니다.', en: 'Importing without an amount column: RFM monetary becomes the number of purchase lines (or the quantity), and the revenue charts give way to a note.' },
  'wizard.currency': { ko: '통화', en: 'Currency' },
  'side.keepOthers': { ko: '나머지 열을 속성으로 보관', en: 'Keep the other columns as attributes' },
  'segments.emptyPeriod': {
    ko: '주의: 기간 {n} ({from} – {to})에 구매가 없습니다. 등급 이동과 이탈 비중은 의미가 없습니다. 데이터 안의 기간을 지정하세요.',
    en: 'WARNING: period {n} ({from} – {to}) has no purchases, so the transitions and churn shares mean nothing; choose periods inside the data.',
  },
  'wizard.dateAuto': { ko: '자동 (파일 전체의 값에서 추정)', en: 'Auto (inferred from the whole file)' },
  'wizard.dateRange': { ko: '읽은 날짜', en: 'Dates read' },
  'wizard.dateChecking': { ko: '날짜 열을 확인하는 중…', en: 'Checking the date column…' },
  'wizard.dateQuestion': {
    ko: '날짜의 일과 월을 구분할 수 없습니다. 이 파일의 날짜 형식을 고르세요.',
    en: 'Day and month cannot be told apart in these dates. Choose the date format of this file.',
  },
  'wizard.dateExample': { ko: '예: {value} →', en: 'e.g. {value} →' },
  'wizard.dateWarnings': { ko: '날짜가 이상합니다', en: 'The dates look wrong' },
  'wizard.acceptDateWarnings': { ko: '확인했습니다. 그대로 가져오기', en: 'I have checked; import anyway' },
  'wizard.dateUnreadable': { ko: '날짜를 읽을 수 없습니다', en: 'The dates cannot be read' },
  'field.customer': { ko: '고객', en: 'Customer' },
  'field.receipt': { ko: '영수증 (없으면 고객+일시)', en: 'Receipt (else customer + time)' },
  'field.date': { ko: '날짜/일시', en: 'Date or timestamp' },
  'field.dateFormat': { ko: '날짜 형식', en: 'Date format' },
  'field.hour': { ko: '시간 (0–23)', en: 'Hour (0–23)' },
  'field.product': { ko: '상품 코드', en: 'Product' },
  'field.productName': { ko: '상품명', en: 'Product name' },
  'field.category': { ko: '카테고리', en: 'Category' },
  'field.chain': { ko: '제휴사/점포', en: 'Chain' },
  'field.channel': { ko: '채널 (온/오프라인)', en: 'Channel (online/offline)' },
  'field.amount': { ko: '금액', en: 'Amount' },
  'field.quantity': { ko: '수량 (없으면 1)', en: 'Quantity (else 1)' },
  'tables.title': { ko: '테이블', en: 'Tables' },
  'tables.rows': { ko: '행 수', en: 'Rows' },
  'table.customers': { ko: '고객', en: 'Customers' },
  'table.products': { ko: '상품 분류', en: 'Products' },
  'table.branches': { ko: '점포', en: 'Branches' },
  'table.purchases': { ko: '상품 구매', en: 'Purchase lines' },
  'table.services': { ko: '제휴사 이용', en: 'Affiliate services' },
  'table.payments': { ko: '엘페이 결제', en: 'L.pay payments' },
  'table.rejects': { ko: '거부된 행', en: 'Rejected rows' },
  dateRange: { ko: '구매 기간', en: 'Purchase dates' },
  'quality.title': { ko: '데이터 품질 보고서', en: 'Data-quality report' },
  'quality.file': { ko: '파일', en: 'File' },
  'quality.read': { ko: '읽은 행', en: 'Read' },
  'quality.loaded': { ko: '적재', en: 'Loaded' },
  'quality.rejected': { ko: '거부', en: 'Rejected' },
  'quality.returns': { ko: '반품(음수 금액)', en: 'Returns (negative amount)' },
  'quality.zeroAmount': { ko: '금액 0', en: 'Zero amount' },
  'quality.noAmount': { ko: '금액 없음: M은 구매 건수 또는 수량', en: 'No amounts: monetary is lines or quantity' },
  'quality.duplicatesNote': { ko: '완전히 같은 줄은 실제 구매일 수도 있습니다(같은 상품을 한 장바구니에 두 번). 제거하려면 중복 제거를 켜고 다시 가져오세요.', en: 'Identical lines may be real (the same item twice in a basket); import again with duplicates dropped to remove them.' },
  'quality.droppedAmount': { ko: '제거된 금액', en: 'amount removed' },
  'quality.attributes': { ko: '속성으로 보관한 열', en: 'Kept as attributes' },
  'quality.derived': { ko: '이 파일에서 만든 {table}: {n}개', en: '{table} taken from this file: {n}' },
  'quality.conflicts': { ko: '값이 엇갈린 {column}: {n}개 (최빈값 사용)', en: 'conflicting {column}: {n} (most frequent value kept)' },
  'quality.table.customers': { ko: '고객', en: 'Customers' },
  'quality.table.products': { ko: '상품', en: 'Products' },
  'quality.duplicates': { ko: '완전 중복', en: 'Exact duplicates' },
  'quality.dropped': { ko: '제거됨', en: 'dropped' },
  'quality.kept': { ko: '유지', en: 'kept' },
  'quality.customersWithoutPurchases': { ko: '구매 없는 고객', en: 'Customers without purchases' },
  'quality.unknownCustomers': { ko: '고객 파일에 없는 고객의 구매', en: 'Purchases by customers not in the customer file' },
  'quality.unaccounted': { ko: '적재도 거부도 되지 않은 행', en: 'Lines neither loaded nor rejected' },
  'quality.none': { ko: '아직 가져온 데이터가 없습니다.', en: 'Nothing imported yet.' },
  'rejects.title': { ko: '거부된 행', en: 'Rejected rows' },
  'rejects.all': { ko: '모든 사유', en: 'All reasons' },
  'rejects.line': { ko: '줄', en: 'Line' },
  'rejects.reason': { ko: '사유', en: 'Reason' },
  'rejects.detail': { ko: '내용', en: 'Detail' },
  'rejects.raw': { ko: '원본', en: 'Raw text' },
  'rejects.export': { ko: 'CSV로 내보내기', en: 'Export as CSV' },
  'rejects.exported': { ko: '저장됨', en: 'Saved' },
  'filter.customers': { ko: '고객 속성', en: 'Customers by' },
  'settings.title': { ko: '설정', en: 'Settings' },
  'settings.memory': { ko: 'DuckDB 메모리 한도', en: 'DuckDB memory limit' },
  'settings.spill': { ko: '한도를 넘을 때 임시 파일 위치', en: 'Spill to' },
  'settings.spill.project': { ko: '프로젝트 폴더', en: 'The project folder' },
  'settings.spill.system': { ko: '시스템 임시 폴더', en: 'The system temp folder' },
  'settings.spill.folder': { ko: '다른 폴더…', en: 'Another folder…' },
  'settings.save': { ko: '적용', en: 'Apply' },
  'settings.memoryHelp': { ko: '프로젝트마다 DuckDB가 이 한도 안에서 작업하고, 넘으면 임시 파일로 내려 씁니다(더 느리지만 어떤 크기의 데이터도 노트북에서 열립니다). 앱 전체는 한도보다 수백 MiB 더 씁니다.', en: 'Each project\'s DuckDB works within this limit and spills to temporary files past it (slower, but data of any size opens on a laptop). The whole app uses a few hundred MiB more than the limit.' },
  'filter.allCustomers': { ko: '전체 고객', en: 'All customers' },
  'rejects.prev': { ko: '이전', en: 'Previous' },
  'rejects.next': { ko: '다음', en: 'Next' },
  'rejects.empty': { ko: '거부된 행이 없습니다.', en: 'No rejected rows.' },
  'jobs.title': { ko: '작업', en: 'Jobs' },
  'jobs.cancel': { ko: '취소', en: 'Cancel' },
  'jobs.rows': { ko: '행', en: 'rows' },
  'jobs.perSecond': { ko: '행/초', en: 'rows/s' },
  'jobs.starting': { ko: '시작하는 중…', en: 'Starting…' },
  'jobs.epoch': { ko: '에포크', en: 'epoch' },
  'jobs.batch': { ko: '배치', en: 'batch' },
  'jobs.loss': { ko: '손실', en: 'loss' },
  'jobs.samplesPerSecond': { ko: '샘플/초', en: 'samples/s' },
  'overview.allChannels': { ko: '전체 채널', en: 'All channels' },
  'overview.offline': { ko: '오프라인', en: 'Offline' },
  'overview.online': { ko: '온라인', en: 'Online' },
  'overview.from': { ko: '시작일', en: 'From' },
  'overview.to': { ko: '종료일', en: 'To' },
  'overview.noAmounts': { ko: '이 데이터에는 금액이 없어 매출과 영수증당 금액 차트를 그리지 않습니다. 구매 고객 수, 영수증 수, 구매 라인 수 차트는 그대로입니다.', en: 'This data has no amounts, so the revenue and average-per-receipt charts are not drawn; the buyers, receipts and lines charts are.' },
  'overview.someAmounts': { ko: '일부 구매 라인에 금액이 없습니다(금액 열 없이 가져온 파일). 매출 차트는 금액이 있는 라인만 합산합니다.', en: 'Some purchase lines have no amount (a file imported without an amount column); the revenue charts sum only the lines that have one.' },
  'overview.byLines': { ko: '구매 라인 기준', en: 'By lines' },
  'overview.byReceipts': { ko: '영수증 기준', en: 'By receipts' },
  'overview.asShare': { ko: '비중으로 보기', en: 'Show as shares' },
  'overview.oneTimeBuyers': { ko: '1회 구매 고객', en: 'One-time buyers' },
  'unit.people': { ko: '명', en: '' },
  'segments.weight': { ko: '가중치', en: 'Weight' },
  'segments.bins': { ko: '점수 구간 수', en: 'Score bins' },
  'segments.shares': { ko: '등급 비율(%)', en: 'Tier shares (%)' },
  'segments.export': { ko: '고객별 세그먼트 CSV', en: 'Per-customer CSV' },
  'segments.names': { ko: '등급 이름', en: 'Tier names' },
  'segments.asOf': { ko: '기준일', en: 'As of' },
  'segments.wholeWindow': { ko: '전체 기간', en: 'Whole window' },
  'segments.periods': { ko: '기간별 등급', en: 'Tiers per period' },
  'segments.firstPeriod': { ko: '기간1', en: 'Period 1' },
  'segments.secondPeriod': { ko: '기간2', en: 'Period 2' },
  'segments.total': { ko: '합계', en: 'Total' },
  'segments.matrix': { ko: '등급 이동 행렬', en: 'Transition matrix' },
  'segments.byCustomers': { ko: '고객 수', en: 'Customers' },
  'segments.byRevenue': { ko: '기간2 M 합계', en: 'Period-2 sum of M' },
  'segments.monetary': { ko: 'M(구매 규모)', en: 'M (monetary)' },
  'segments.monetaryIs': { ko: 'M은 {what}입니다.', en: 'M is the {what}.' },
  'segments.clickCell': { ko: '칸(또는 위 등급 표의 칸)을 누르면 그 세그먼트의 프로필을 봅니다.', en: 'Click a cell (or a tier above) to profile that segment.' },
  'segments.churnOrigin': { ko: '비활동 전환 고객의 기간1 등급', en: 'Where the churners came from' },
  'segments.profile': { ko: '세그먼트 프로필', en: 'Segment profile' },
  'segments.chainChannel': { ko: '체인×채널', en: 'chain × channel' },
  'segments.affiliates': { ko: '제휴 서비스', en: 'affiliate services' },
  'chart.savePng': { ko: 'PNG 저장', en: 'Save PNG' },
  'chart.saveSvg': { ko: 'SVG 저장', en: 'Save SVG' },
  'notice.title': { ko: '알림', en: 'Note' },
  'error.title': { ko: '오류', en: 'Error' },
  'error.dismiss': { ko: '닫기', en: 'Dismiss' },
} as const;

export type StringKey = keyof typeof STRINGS;

export function t(key: StringKey, lang: Lang): string {
  return STRINGS[key][lang];
}

/** Readable messages by error code; the renderer never matches on message text. */
export const ERROR_MESSAGES: Record<ErrorCode, Text> = {
  BAD_ARGUMENT: { ko: '입력값이 올바르지 않습니다.', en: 'The input is not valid.' },
  FORBIDDEN: { ko: '접근이 거부되었습니다. 앱이 출력한 주소로 다시 여세요.', en: 'Access refused. Open the address the app printed.' },
  UNKNOWN_METHOD: { ko: '알 수 없는 요청입니다.', en: 'Unknown request.' },
  NOT_FOUND: { ko: '파일이나 폴더를 찾을 수 없습니다.', en: 'File or folder not found.' },
  NOT_A_PROJECT: { ko: '프로젝트 폴더가 아닙니다. 새로 만드세요.', en: 'Not a project folder; create one first.' },
  PROJECT_EXISTS: { ko: '이미 프로젝트가 있는 폴더입니다. 열기를 사용하세요.', en: 'A project already exists there; open it instead.' },
  PROJECT_LOCKED: { ko: '다른 프로그램이 이 프로젝트를 사용 중입니다.', en: 'Another program has this project open.' },
  BUSY: { ko: '이 프로젝트에서 가져오기가 진행 중입니다. 끝나거나 취소될 때까지 기다리세요.', en: 'An import is running on this project; wait for it or cancel it.' },
  ALREADY_IMPORTED: { ko: '이미 가져온 파일입니다. 다시 가져오려면 "다시 가져오기"를 선택하세요.', en: 'This file was imported before; tick "re-import" to import it again.' },
  NO_LPOINT_FILES: { ko: '폴더에 L.POINT 파일이 없습니다.', en: 'No L.POINT files in the folder.' },
  BAD_FILE: { ko: '파일을 읽을 수 없습니다.', en: 'The file cannot be read.' },
  IMPORT_FAILED: { ko: '가져오기에 실패하여 되돌렸습니다. 프로젝트는 변경되지 않았습니다.', en: 'The import failed and was rolled back; the project is unchanged.' },
  TOO_MANY_REJECTS: { ko: '거부된 행이 너무 많아 아무것도 가져오지 않았습니다. 매핑(열, 날짜 형식, 구분자)을 확인하세요.', en: 'Too many rows were rejected, so nothing was imported; check the mapping (columns, date format, delimiter).' },
  CANCELLED: { ko: '작업이 취소되었습니다. 변경된 내용은 없습니다.', en: 'Cancelled; nothing was changed.' },
  IO: { ko: '파일을 쓰거나 읽지 못했습니다.', en: 'A file could not be read or written.' },
  INTERNAL: { ko: '예상하지 못한 오류가 발생했습니다.', en: 'An unexpected error occurred.' },
};

export const REASON_LABELS: Record<RejectReason, Text> = {
  column_count: { ko: '열 개수 오류', en: 'Wrong column count' },
  malformed: { ko: '형식 오류', en: 'Malformed line' },
  bad_date: { ko: '날짜 오류', en: 'Unparseable date' },
  bad_hour: { ko: '시간 오류', en: 'Hour not 0–23' },
  missing_customer: { ko: '고객 번호 없음', en: 'Missing customer' },
  bad_amount: { ko: '금액 오류', en: 'Non-numeric amount' },
  bad_count: { ko: '수량 오류', en: 'Non-numeric count' },
  bad_channel: { ko: '채널 오류', en: 'Unknown channel' },
  unknown_chain: { ko: '알 수 없는 제휴사', en: 'Unknown chain code' },
  unknown_product: { ko: '카탈로그에 없는 상품', en: 'Product not in catalog' },
  missing_key: { ko: '키 없음', en: 'Missing key' },
  duplicate_key: { ko: '중복 키', en: 'Duplicate key' },
};

/** Chart axis, legend and title labels (used by the pure option builders in ./charts). */
export const CHART_LABELS = {
  month: { ko: '월', en: 'Month' },
  buyers: { ko: '구매 고객 수', en: 'Buyers' },
  revenue: { ko: '매출', en: 'Revenue' },
  avgPerReceipt: { ko: '영수증당 평균 금액', en: 'Average per receipt' },
  receipts: { ko: '영수증 수', en: 'Receipts' },
  lines: { ko: '구매 라인 수', en: 'Purchase lines' },
  quantity: { ko: '구매 수량', en: 'Quantity bought' },
  noAffiliates: { ko: '이 데이터에는 제휴사 이용 정보가 없습니다', en: 'This data has no affiliate-service uses' },
  noLpay: { ko: '이 데이터에는 L.pay 결제 정보가 없습니다', en: 'This data has no L.pay payments' },
  customers: { ko: '고객 수', en: 'Customers' },
  receiptsPerCustomer: { ko: '고객당 영수증 수', en: 'Receipts per customer' },
  oneTimeBuyers: { ko: '1회 구매 고객', en: 'One-time buyers' },
  share: { ko: '비중', en: 'Share' },
  chainTrend: { ko: '체인별 월간 추이', en: 'Monthly trend per chain' },
  channelSplit: { ko: '온라인/오프라인 비중', en: 'Online / offline split' },
  offline: { ko: '오프라인', en: 'Offline' },
  online: { ko: '온라인', en: 'Online' },
  affiliateUsage: { ko: '제휴사 이용 추이', en: 'Affiliate-service usage' },
  uses: { ko: '이용 건수', en: 'Uses' },
  transitions: { ko: '등급 이동', en: 'Tier transitions' },
  firstPeriod: { ko: '기간1', en: 'Period 1' },
  secondPeriod: { ko: '기간2', en: 'Period 2' },
  churnOrigin: { ko: '비활동 전환 고객의 이전 등급', en: 'Where the churners came from' },
  churnShare: { ko: '이탈 고객 비중', en: 'Share of churners' },
  klTitle: { ko: 'KL 발산 기여도', en: 'KL divergence contributions' },
  contribution: { ko: '기여도(nat)', en: 'Contribution (nats)' },
  lpayTitle: { ko: '엘페이 이용 비율 누적분포', en: 'L.pay usage ratio ECDF' },
  lpayRatio: { ko: '엘페이 결제 영수증 비율', en: 'Share of receipts paid with L.pay' },
  cumulativeShare: { ko: '누적 고객 비율', en: 'Cumulative share of customers' },
  allCustomers: { ko: '전체 고객', en: 'All customers' },
  bestToBest: { ko: '최우수→최우수', en: 'Best → Best' },
} as const;

/** Numbers with their unit, as the charts write them ({n} is the formatted number). */
export const UNIT_AFFIXES = {
  won: { ko: '{n}원', en: '₩{n}' },
  people: { ko: '{n}명', en: '{n}' },
  count: { ko: '{n}건', en: '{n}' },
} as const satisfies Record<string, Text>;

/** Chains and affiliates by code. */
export const CHAIN_NAMES: Record<string, Text> = {
  A01: { ko: '백화점', en: 'Department store' },
  A02: { ko: '대형마트', en: 'Hypermarket' },
  A03: { ko: '슈퍼마켓', en: 'Supermarket' },
  A04: { ko: '편의점', en: 'Convenience store' },
  A05: { ko: '전자제품', en: 'Electronics' },
  A06: { ko: '온라인몰', en: 'Online mall' },
  B01: { ko: '숙박', en: 'Lodging' },
  C01: { ko: '엔터테인먼트1', en: 'Entertainment 1' },
  C02: { ko: '엔터테인먼트2', en: 'Entertainment 2' },
  D01: { ko: '식음료1', en: 'Food & beverage 1' },
  D02: { ko: '식음료2', en: 'Food & beverage 2' },
  E01: { ko: '렌탈', en: 'Rental' },
};

// ───────────────────────────── Tiers ─────────────────────────────

/** Default names of the four RFM tiers, top first. */
export const DEFAULT_TIER_NAMES: Record<Lang, readonly string[]> = {
  ko: ['최우수', '우수', '일반', '기타'],
  en: ['Best', 'Good', 'Regular', 'Other'],
};
/** The transition matrix's extra row (absent in the first period) and column (absent in the second). */
export const NEW_STATE: Record<Lang, string> = { ko: '신규', en: 'New' };
export const INACTIVE_STATE: Record<Lang, string> = { ko: '비활동', en: 'Inactive' };
/** Names of tiers when their number is not the default four: '등급 1', 'Tier 1' … */
export const TIER_NUMBERED: Text = { ko: '등급 {n}', en: 'Tier {n}' };

// ───────────────────────────── CSV headings ─────────────────────────────

/** The per-customer segments CSV: one heading per measure, suffixed with the window label. */
export const SEGMENT_CSV_HEADINGS = {
  customer: { ko: '고객번호', en: 'customer' },
  recency: { ko: '최근성(일)', en: 'recency_days' },
  frequency: { ko: '구매빈도(영수증)', en: 'frequency_receipts' },
  monetary: { ko: '구매금액({currency})', en: 'monetary_{currency}' },
  monetary_lines: { ko: '구매건수(상품 줄)', en: 'monetary_lines' },
  monetary_quantity: { ko: '구매수량', en: 'monetary_quantity' },
  r_score: { ko: 'R점수', en: 'r_score' },
  f_score: { ko: 'F점수', en: 'f_score' },
  m_score: { ko: 'M점수', en: 'm_score' },
  score: { ko: '가중점수', en: 'score' },
  tier: { ko: '등급', en: 'tier' },
  transition: { ko: '등급 변화', en: 'transition' },
} as const satisfies Record<string, Text>;
/** Window suffixes of the segments CSV: the whole window, period 1, period 2. */
export const SEGMENT_CSV_WINDOWS: readonly Text[] = [
  { ko: '전체', en: 'all' },
  { ko: '기간1', en: 'period1' },
  { ko: '기간2', en: 'period2' },
];

/** The rejects CSV: machine-readable column names, the same in both languages. */
export const REJECT_CSV_HEADINGS = {
  import_id: 'import_id',
  file: 'file',
  line: 'line',
  reason: 'reason',
  detail: 'detail',
  raw: 'raw',
} as const;

// ───────────────────────────── CLI ─────────────────────────────

/** The CLI's segment tables (the CLI prints them in English around the data's own tier names). */
/** What M measures, as the Segments page, the CLI and the CSV say it ({currency}: the project's). */
export const MONETARY_LABELS = {
  amount: { ko: '구매금액({currency})', en: 'amount spent ({currency})' },
  lines: { ko: '구매 건수(상품 줄 수; 금액 없는 데이터)', en: 'purchase lines (no amounts in the data)' },
  quantity: { ko: '구매 수량(금액 없는 데이터)', en: 'quantity bought (no amounts in the data)' },
} as const satisfies Record<string, Text>;

export const CLI_SEGMENT_LABELS = {
  spec: { ko: '기준일 {asOf} RFM; 가중치 R/F/M {weights}; 점수 구간 {bins}개; 등급 비율 {shares} %; M = {monetary}', en: 'RFM as of {asOf}; weights R/F/M {weights}; {bins} bins; tier shares {shares} %; M = {monetary}' },
  tiers: { ko: '등급별 고객 수', en: 'Tiers (customers)' },
  whole: { ko: '전체', en: 'whole' },
  period: { ko: '기간 {n}', en: 'period {n}' },
  transitions: { ko: '등급 이동 (고객 수; 두 기간 중 한 번 이상 구매 {total}명)', en: 'Transitions (customers; {total} seen in either period)' },
  churnOrigin: { ko: '이탈 고객(→ {inactive})의 기간1 등급 비중', en: 'Share of all churners (→ {inactive}) by their period-1 tier' },
  emptyPeriod: STRINGS['segments.emptyPeriod'],
} as const satisfies Record<string, Text>;
