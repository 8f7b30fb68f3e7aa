// Error messages, field names, import issues and reject reasons.
import type { Text } from './text';
import type { ErrorCode } from '../errors';
import type { RejectReason } from '../reports';

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

/** Inputs as the analyst knows them, by argument path ('periods.0' before 'periods'): error banners name the input to fix. */
export const FIELD_NAMES: Record<string, Text> = {
  'weights.0': { ko: 'R 가중치', en: 'R weight' },
  'weights.1': { ko: 'F 가중치', en: 'F weight' },
  'weights.2': { ko: 'M 가중치', en: 'M weight' },
  weights: { ko: 'RFM 가중치', en: 'RFM weights' },
  shares: { ko: '등급 비율', en: 'Tier shares' },
  bins: { ko: '점수 구간 수', en: 'Score bins' },
  asOf: { ko: '기준일', en: 'As-of date' },
  window: { ko: 'RFM 기간', en: 'RFM window' },
  'periods.0': { ko: '기간1', en: 'Period 1' },
  'periods.1': { ko: '기간2', en: 'Period 2' },
  periods: { ko: '비교 기간', en: 'Periods' },
  tierNames: { ko: '등급 이름', en: 'Tier names' },
  monetary: { ko: 'M 기준', en: 'Monetary basis' },
  customers: { ko: '고객 조건', en: 'Customer filter' },
  from: { ko: '시작일', en: 'From' },
  to: { ko: '종료일', en: 'To' },
  chains: { ko: '제휴사/점포', en: 'Chains' },
  channel: { ko: '채널', en: 'Channel' },
  memoryLimitMb: { ko: '메모리 한도(MiB)', en: 'Memory limit (MiB)' },
  spillFolder: { ko: '임시 저장 폴더', en: 'Spill folder' },
  currency: { ko: '통화', en: 'Currency' },
  maxRejectShare: { ko: '허용 거부 비율', en: 'Allowed reject share' },
  project: { ko: '프로젝트 폴더', en: 'Project folder' },
  purchases: { ko: '구매 파일', en: 'Purchase file' },
  selector: { ko: '선택한 세그먼트', en: 'Selected segment' },
  cluster: { ko: '군집', en: 'Cluster' },
  name: { ko: '이름', en: 'Name' },
  dateFormat: { ko: '날짜 형식', en: 'Date format' },
};

/** Argument problems worded for the analyst: by the failed check ({field}, {min}, {max}) or a service's own key. */
export const ISSUE_TEXTS: Record<string, Text> = {
  too_small: { ko: '{field}: {min} 이상이어야 합니다.', en: '{field}: must be {min} or more.' },
  too_small_array: { ko: '{field}: {min}개 이상 고르세요.', en: '{field}: choose at least {min}.' },
  too_small_string: { ko: '{field}: 비어 있습니다.', en: '{field}: is empty.' },
  too_big: { ko: '{field}: {max} 이하여야 합니다.', en: '{field}: must be {max} or less.' },
  too_big_array: { ko: '{field}: {max}개까지 고를 수 있습니다.', en: '{field}: at most {max}.' },
  too_big_string: { ko: '{field}: {max}자까지 쓸 수 있습니다.', en: '{field}: at most {max} characters.' },
  invalid_type: { ko: '{field}: 값이 없거나 형식이 맞지 않습니다.', en: '{field}: missing or of the wrong type.' },
  invalid_format: { ko: '{field}: 형식이 맞지 않습니다(날짜는 YYYY-MM-DD).', en: '{field}: wrong format (dates are YYYY-MM-DD).' },
  invalid_value: { ko: '{field}: 고를 수 없는 값입니다.', en: '{field}: not one of the allowed values.' },
  other: { ko: '{field}: 올바르지 않습니다 ({message}).', en: '{field}: {message}.' },
  weightsZero: { ko: '{field}: 합이 0입니다. 하나 이상을 0보다 크게 하세요.', en: '{field}: they sum to 0; give at least one above 0.' },
  sharesOver100: { ko: '{field}: 합계가 {sum}%로 100%를 넘습니다.', en: '{field}: they add up to {sum} %, over 100 %.' },
  asOfTooEarly: { ko: '{field}: {asOf}는 첫 구매일({first}) 이전입니다. 그 뒤의 날짜를 고르세요.', en: '{field}: {asOf} is on or before the first purchase ({first}); choose a later date.' },
  windowAfterAsOf: { ko: '{field}: 기준일 {asOf} 전에 끝나야 합니다.', en: '{field}: must end before the as-of date {asOf}.' },
  periodsOverlap: { ko: '{field}: 기간1이 끝난 뒤에 기간2가 시작해야 합니다.', en: '{field}: period 1 must end before period 2 starts.' },
  noAmounts: { ko: '{field}: 이 데이터에는 금액이 없습니다. 구매 건수나 수량을 고르세요.', en: '{field}: this data has no amounts; choose lines or quantity.' },
  someAmounts: { ko: '{field}: 일부 구매 라인에 금액이 없습니다. 구매 건수나 수량을 고르세요.', en: '{field}: some lines have no amount; choose lines or quantity.' },
  noCustomers: { ko: '{field}: {values}에 해당하는 구매 고객이 없습니다. 다른 값을 고르세요.', en: '{field}: no customer with purchases has {values}; choose other values.' },
  tooFewCustomers: { ko: '{field}: 구매 고객이 {n}명뿐입니다. 모델에는 {min}명 이상이 필요합니다.', en: '{field}: only {n} customers bought; a model needs at least {min}.' },
  periodEmpty: { ko: '{field}: {from} ~ {to}에 구매가 없습니다.', en: '{field}: no purchases from {from} to {to}.' },
  rangeReversed: { ko: '{field}: 시작({from})이 끝({to})보다 늦습니다.', en: '{field}: starts ({from}) after it ends ({to}).' },
  cutoffOutside: { ko: '{field}: 기준일 {cutoff}은 학습 기간 {from} ~ {to} 안(첫날 다음부터)이어야 합니다.', en: '{field}: the cut-off {cutoff} must fall inside the window {from} to {to} (after its first day).' },
  chainWithPerChain: { ko: '{field}: 채널 하나({chain})를 고르거나 채널별 모델을 고르세요. 둘 다는 안 됩니다.', en: '{field}: choose one chain ({chain}) or a per-chain mode, not both.' },
  chainNoPurchases: { ko: '{field}: {chain} 채널의 구매가 이 기간에 없습니다.', en: '{field}: chain {chain} has no purchases in this window.' },
  kOverCatalogue: { ko: '{field}: 추천 수 {k}가 상품 수 {items}보다 많습니다.', en: '{field}: K = {k} is more than the {items} products.' },
  tooFewForNegatives: { ko: '{field}: 상품이 {items}개뿐이라 음성 표본 {negatives}개를 뽑을 수 없습니다. 줄이세요.', en: '{field}: only {items} products, too few to draw {negatives} negatives; use fewer.' },
  noTrainBeforeCutoff: { ko: '{field}: {cutoff} 이전 구매가 없어 학습할 수 없습니다.', en: '{field}: no purchases before {cutoff} to learn from.' },
  learnTooShort: { ko: '{field}: 기준일 {cutoff} 이전이 {days}일뿐입니다. 이탈 검증에는 기준일 전에 7일 이상인 기간 두 개가 필요합니다.', en: '{field}: only {days} days before the cut-off {cutoff}; the churn check needs two windows of at least 7 days before it.' },
  noObservedPurchases: { ko: '{field}: {from} ~ {to}에 구매가 없어 점수를 확인할 관찰 기간이 없습니다.', en: '{field}: no purchases from {from} to {to}, so there is nothing to check the scores against.' },
  noTestAfterCutoff: { ko: '{field}: {cutoff} 이후 새로 산 상품이 없어 시간 분할 평가를 할 수 없습니다.', en: '{field}: no customer bought a new product from {cutoff} on, so the time split has nothing to test.' },
  tierNamesCount: { ko: '{field}: 이름을 {n}개(비율마다 하나와 나머지 하나) 주세요. 지금은 {got}개입니다.', en: '{field}: give {n} names (one per share and one for the rest), not {got}.' },
  tierNamesSame: { ko: '{field}: 이름이 서로 달라야 합니다.', en: '{field}: the names must differ from each other.' },
  oneDay: { ko: '{field}: 데이터가 하루({day})뿐입니다. 비교할 두 기간을 지정하세요.', en: '{field}: the data covers one day ({day}); give two periods to compare.' },
  tierMissing: { ko: '{field}: 등급은 {k}개(0~{max})이며 등급 {tier}은(는) 없습니다.', en: '{field}: there are {k} tiers (0 to {max}); tier {tier} does not exist.' },
  transitionMissing: { ko: '{field}: 그런 등급 이동은 없습니다(신규 → 비활동은 없음).', en: '{field}: no such transition (new → inactive does not exist).' },
  spillFolderInvalid: { ko: '{field}: "project", "system" 또는 절대 경로여야 합니다. 입력값: "{value}".', en: '{field}: "project", "system" or an absolute folder path; got "{value}".' },
  currencyInvalid: { ko: '{field}: KRW, USD, EUR 같은 세 글자 ISO 4217 코드여야 합니다. 입력값: "{value}".', en: '{field}: a three-letter ISO 4217 code such as KRW, USD or EUR; got "{value}".' },
  dateFormatInvalid: { ko: '{field}: "{format}"은(는) 쓸 수 없는 날짜 형식입니다. 목록의 형식을 고르거나 strptime 패턴(예: %d.%m.%Y)을 쓰세요.', en: '{field}: "{format}" is not a usable date format; choose one from the list or write a strptime pattern (e.g. %d.%m.%Y).' },
  clusterMissing: { ko: '{field}: 군집은 0부터 {max}까지입니다. 군집 {cluster}은(는) 없습니다.', en: '{field}: the clusters run from 0 to {max}; there is no cluster {cluster}.' },
  clusterNameTaken: { ko: '{field}: 다른 군집이 이미 "{name}"입니다. 다른 이름을 쓰세요.', en: '{field}: another cluster is already called "{name}".' },
};

/**
 * Errors other than a bad input, worded for the analyst: a service's keyedError carries the key and
 * the values (file names, folders, run ids, line numbers; an engine's or the system's own message as
 * {reason}, labelled as such). No {field}: these sentences stand alone under the headline of their code.
 */
export const DETAIL_TEXTS: Record<string, Text> = {
  // Files and folders
  fileNotFound: { ko: '{file} 파일이 없거나 읽을 수 없습니다.', en: 'The file {file} does not exist or cannot be read.' },
  fileEmpty: { ko: '{file} 파일이 비어 있어 가져올 내용이 없습니다.', en: '{file} is empty: there is nothing to import.' },
  notUtf8NorCp949: { ko: '{file} 파일은 UTF-8도 CP949도 아닙니다. UTF-8(또는 CP949)로 저장한 뒤 다시 시도하세요.', en: '{file} is neither UTF-8 nor CP949; save it as UTF-8 (or CP949) and try again.' },
  notUtf8TryCp949: { ko: '{file} 파일의 {line}번째 줄이 UTF-8이 아닙니다. 한국어 Excel로 저장한 파일이면 인코딩을 CP949로 고르세요.', en: '{file} is not UTF-8 at line {line}; if it was saved by Korean Excel, choose the CP949 encoding.' },
  notCp949Either: { ko: '{file} 파일은 CP949도 아닙니다({line}번째 줄 이후). UTF-8이나 CP949로 저장한 뒤 다시 시도하세요.', en: '{file} is not CP949 either (after line {line}); save it as UTF-8 or CP949 and try again.' },
  notEncoding: { ko: '{file} 파일은 {encoding}이(가) 아닙니다({line}번째 줄 이후). UTF-8이나 CP949로 저장한 뒤 다시 시도하세요.', en: '{file} is not {encoding} (after line {line}); save it as UTF-8 or CP949 and try again.' },
  notATable: { ko: '{file} 파일의 첫 줄들을 표로 읽을 수 없습니다. 구분자와 인코딩을 확인하세요. 엔진 메시지: {reason}', en: 'The first lines of {file} cannot be read as a table; check the delimiter and the encoding. Engine message: {reason}' },
  noSuchColumn: { ko: '파일에 "{column}" 열이 없습니다. 파일의 열: {columns}.', en: 'The file has no column named "{column}"; its columns are: {columns}.' },
  folderNotFound: { ko: '{folder} 폴더가 없거나 읽을 수 없습니다.', en: 'The folder {folder} does not exist or cannot be read.' },
  folderIsFile: { ko: '{folder}은(는) 파일입니다. L.POINT 파일이 들어 있는 폴더를 지정하세요.', en: '{folder} is a file; give the folder that holds the L.POINT files.' },
  folderCreateFailed: { ko: '{folder} 폴더를 만들지 못했습니다. 시스템 메시지: {reason}', en: 'Cannot create the folder {folder}. System message: {reason}' },
  saveFolderNotFound: { ko: '{folder} 폴더가 없습니다. 폴더를 만들거나 다른 위치를 고르세요.', en: 'The folder {folder} does not exist; create it or choose another file.' },
  writeFailed: { ko: '{file}을(를) 저장하지 못했습니다. 시스템 메시지: {reason}', en: 'Could not write {file}. System message: {reason}' },
  saveFolderReadOnly: {
    ko: '{folder} 폴더에 저장할 수 없습니다(읽기 전용이거나 권한 없음). 다른 폴더를 고르세요.',
    en: 'The folder {folder} cannot be written to (read-only or no permission); choose another folder.',
  },
  diskFull: {
    ko: '디스크 공간이 부족하여 {file}을(를) 저장하지 못했습니다. 아무것도 저장하지 않았습니다. 공간을 확보하거나 다른 드라이브를 고르세요.',
    en: 'There is not enough space on the disk to save {file}; nothing was saved. Free some space or choose another drive.',
  },
  fileExists: { ko: '{file} 파일이 이미 있습니다. 바꾸려면 덮어쓰기를 확인하거나 다른 이름을 고르세요.', en: 'The file {file} already exists; confirm to replace it, or choose another name.' },
  exportCancelled: { ko: '{file} 저장을 취소했습니다. 파일을 만들지 않았고 기존 파일은 그대로입니다.', en: 'Saving {file} was cancelled; no file was written and an existing one is unchanged.' },
  cp949Unencodable: {
    ko: 'CP949로는 "{value}"의 "{char}"({codePoint}) 문자를 저장할 수 없습니다({column} 열, {row}번째 행). 아무것도 저장하지 않았습니다. UTF-8로 저장하거나 값을 고치세요.',
    en: 'CP949 cannot hold "{char}" ({codePoint}) in "{value}" (column {column}, row {row}); nothing was written. Save as UTF-8 instead, or change the value.',
  },
  // Imports
  noLpointFiles: { ko: '{folder}에서 L.POINT 파일(LPOINT_BIG_COMP_0N_….csv)을 찾지 못했습니다.', en: 'No L.POINT files (LPOINT_BIG_COMP_0N_….csv) were found in {folder}.' },
  lpointNotUtf8: { ko: '{file} 파일의 {line}번째 줄이 UTF-8이 아닙니다. L.POINT 파일은 UTF-8입니다. 아무것도 가져오지 않았습니다.', en: '{file} is not UTF-8 (line {line}); L.POINT files are UTF-8. Nothing was imported.' },
  headerNoRows: { ko: '{file} 파일에는 머리글만 있고 데이터 행이 없어 아무것도 가져오지 않았습니다.', en: '{file} has a header but no data rows, so nothing was imported.' },
  alreadyImported: {
    ko: '{file} 파일은 {date}에 이미 가져왔습니다(가져오기 #{id}). 아무것도 가져오지 않았습니다. 다시 가져오려면 "이미 가져온 파일 다시 가져오기"를 선택하세요.',
    en: '{file} was imported on {date} (import #{id}), so nothing was imported; tick "Re-import files imported before" to import it again.',
  },
  alreadyImportedAs: {
    ko: '{file} 파일은 {date}에 가져온 {other}와(과) 내용이 같습니다(가져오기 #{id}). 아무것도 가져오지 않았습니다. 다시 가져오려면 "이미 가져온 파일 다시 가져오기"를 선택하세요.',
    en: '{file} has the same content as {other}, imported on {date} (import #{id}), so nothing was imported; tick "Re-import files imported before" to import it again.',
  },
  importFailed: {
    ko: '{file} 파일을 가져오는 중 실패하여 되돌렸습니다. 프로젝트는 변경되지 않았습니다. 엔진 메시지: {reason}',
    en: 'The import failed while loading {file} and was rolled back; the project is unchanged. Engine message: {reason}',
  },
  tooManyRejects: {
    ko: '아무것도 가져오지 않았습니다. 거부된 행이 파일당 한도 {limit}%를 넘습니다: {files}. 매핑(열, 날짜 형식, 구분자)을 확인하거나 허용 거부 비율을 올리세요.',
    en: 'Nothing was imported: more rows were rejected than the limit of {limit} % per file: {files}. Check the mapping (columns, date format, delimiter), or raise the allowed reject share.',
  },
  // Date columns
  datesAmbiguous: {
    ko: '{file} 파일의 "{column}" 열 날짜는 {choices} 형식으로 모두 읽히지만 읽은 날짜가 서로 다릅니다. 아무것도 가져오지 않았습니다. 날짜 형식을 이 중 하나로 정하세요.',
    en: 'The dates in column "{column}" of {file} fit {choices}, which read them differently. Nothing was imported; set the date format to one of them.',
  },
  datesNone: { ko: '{file} 파일의 "{column}" 열에 날짜 값이 없습니다. 아무것도 가져오지 않았습니다.', en: 'Column "{column}" of {file} has no date values. Nothing was imported.' },
  datesNearest: {
    ko: '{file} 파일의 "{column}" 열: 모든 값을 읽는 날짜 형식이 없습니다. 가장 가까운 {format} 형식도 {checked}개 중 {read}개만 읽고 "{value}" 등은 읽지 못합니다. 아무것도 가져오지 않았습니다. 그 값을 고치거나 strptime 패턴(예: %d.%m.%Y)을 지정하세요.',
    en: 'Column "{column}" of {file}: no date format reads every value; the closest, {format}, reads {read} of {checked}, not "{value}" among others. Nothing was imported; correct those values or give a strptime pattern (e.g. %d.%m.%Y).',
  },
  datesNoFormat: {
    ko: '{file} 파일의 "{column}" 열: 알려진 날짜 형식으로 읽을 수 없는 값이 있거나 여러 형식이 섞여 있습니다. 아무것도 가져오지 않았습니다. strptime 패턴(예: %d.%m.%Y)을 지정하세요.',
    en: 'Column "{column}" of {file}: no known date format reads these values, or the column mixes formats. Nothing was imported; give a strptime pattern (e.g. %d.%m.%Y).',
  },
  datesFormatReadsNone: {
    ko: '{file} 파일의 "{column}" 열: {format} 형식으로 읽히는 값이 없습니다(확인한 값 {checked}개, 예: "{value}"). 아무것도 가져오지 않았습니다. 다른 날짜 형식을 고르거나 자동으로 두세요.',
    en: 'Column "{column}" of {file}: {format} reads none of the {checked} values checked (e.g. "{value}"). Nothing was imported; choose another date format or leave it to auto.',
  },
  datesBetterFormat: {
    ko: '{file} 파일의 "{column}" 열: {format} 형식은 {checked}개 중 {read}개만 읽지만 {better} 형식은 모두 읽습니다. 아무것도 가져오지 않았습니다. 날짜 형식을 {better}(으)로 바꾸거나 자동으로 두세요.',
    en: 'Column "{column}" of {file}: {format} reads {read} of {checked} values, {better} reads them all. Nothing was imported; set the date format to {better}, or leave it to auto.',
  },
  datesLookWrong: {
    ko: '{file} 파일의 "{column}" 열 날짜를 {format} 형식으로 읽으면 {first} ~ {last}로, 이상해 보이는 날짜가 있습니다. 아무것도 가져오지 않았습니다. 날짜 형식을 확인하거나, 확인한 뒤 "확인했습니다. 그대로 가져오기"를 선택하세요.',
    en: 'The dates in column "{column}" of {file} read as {format} ({first} to {last}) look wrong. Nothing was imported; check the date format, or tick "I have checked; import anyway".',
  },
  // Projects
  projectExists: { ko: '{folder}에 이미 프로젝트가 있습니다. 열기를 사용하세요.', en: 'A project already exists in {folder}; open it instead.' },
  folderNotEmpty: { ko: '{folder}은(는) 빈 폴더가 아닙니다. 프로젝트에는 새 폴더나 빈 폴더를 고르세요.', en: '{folder} is not an empty folder; choose a new or empty folder for the project.' },
  notAProject: { ko: '{folder}은(는) 프로젝트 폴더가 아닙니다({file} 없음). 먼저 새로 만드세요.', en: '{folder} is not a project folder (no {file}); create it first.' },
  projectBusy: { ko: '{folder}의 프로젝트에서 쓰기 작업(가져오기 등)이 진행 중이라 닫을 수 없습니다. 끝나거나 취소될 때까지 기다리세요.', en: 'A {work} is running on the project in {folder}; wait for it to finish or cancel it.' },
  projectClosing: { ko: '프로젝트 파일 {file}을(를) 닫는 중입니다. 프로젝트를 다시 여세요.', en: 'The project file {file} is being closed; open the project again.' },
  projectLocked: { ko: '{folder}의 프로젝트를 다른 프로그램이 열고 있습니다. 그 프로그램에서 먼저 닫으세요.', en: 'The project in {folder} is open in another program; close it there first.' },
  projectOpenFailed: { ko: '{folder}의 프로젝트를 열지 못했습니다. 엔진 메시지: {reason}', en: 'Could not open the project in {folder}. Engine message: {reason}' },
  projectTooNew: {
    ko: '{folder}의 프로젝트는 더 새 버전의 캠페인 워크벤치로 만들어졌습니다(저장 형식 {version}, 이 앱은 {latest}까지). 앱을 업데이트한 뒤 여세요.',
    en: 'The project in {folder} was made by a newer Campaign Workbench (storage version {version}; this one knows up to {latest}); update the app to open it.',
  },
  noPurchases: { ko: '프로젝트에 아직 구매 데이터가 없습니다. 먼저 데이터를 가져오세요.', en: 'The project has no purchase lines yet; import data first.' },
  noSegments: { ko: '이 프로젝트에는 아직 저장된 세그먼트가 없습니다. 먼저 세그먼트를 계산하세요.', en: 'No segments are saved in this project yet; compute them first.' },
  // Runs, models and jobs
  runRunning: { ko: '실행 {run}은(는) 아직 진행 중입니다. 먼저 취소한 뒤 삭제하세요.', en: 'Run {run} is still running; cancel it before deleting it.' },
  runNotFound: { ko: '이 프로젝트에 실행 {run}이(가) 없습니다.', en: 'There is no run {run} in this project.' },
  notChurnRun: { ko: '실행 {run}은(는) 완료된 이탈 예측 학습이 아닙니다.', en: 'Run {run} is not a finished churn training run.' },
  runNoModel: { ko: '실행 {run}에는 적용할 수 있는 모델이 없습니다.', en: 'Run {run} has no model that applies.' },
  runMissingModel: { ko: '실행 {run}에는 {model} 모델이 없습니다(학습한 모델: {trained}).', en: 'Run {run} has no {model} model (it trained {trained}).' },
  modelFileMissing: { ko: '실행의 모델 파일({file})이 없습니다. 다시 학습하세요.', en: "The run's model file is missing ({file}); train again." },
  modelFileNotJson: { ko: '모델 파일 {file}이(가) 손상되었습니다(JSON이 아님). 다시 학습하세요.', en: 'The model file {file} is damaged (not JSON); train again.' },
  modelFileIncomplete: { ko: '모델 파일 {file}이(가) 손상되었습니다(특성, 등급 또는 모델 정보가 없음). 다시 학습하세요.', en: 'The model file {file} is damaged (its features, tiers or models are missing); train again.' },
  weightsFileMissing: { ko: 'MLP 가중치 파일이 없습니다. 다시 학습하세요.', en: "The MLP's weights file is missing; train again." },
  bgnbdNotFinite: { ko: 'BG/NBD: 어떤 시작값에서도 로그우도가 유한하지 않아 모델을 적합할 수 없습니다.', en: 'BG/NBD: the log-likelihood is not finite at any start; the histories cannot be fitted.' },
  bgnbdImpossibleHistory: { ko: 'BG/NBD: 구매 이력 x = {x}, t_x = {tx}, T = {T} (고객 {count}명)은(는) 있을 수 없습니다.', en: 'BG/NBD: the history x = {x}, t_x = {tx}, T = {T} (count {count}) is not possible.' },
  bgnbdNoCustomers: { ko: 'BG/NBD: 적합할 고객이 없습니다.', en: 'BG/NBD: there are no customers to fit.' },
  bgnbdNoRepeaters: { ko: 'BG/NBD: 기간 안에 (다른 날) 다시 구매한 고객이 없어 모델을 적합할 수 없습니다.', en: 'BG/NBD: no customer bought again (on another day) in the period; the model cannot be fitted.' },
  bgnbdNoPurchases: { ko: '구매가 없습니다. BG/NBD에는 구매 이력이 필요합니다.', en: 'There are no purchases; BG/NBD needs purchase history to fit.' },
  bgnbdNoPurchasesFrom: { ko: '{from} 이후 구매가 없습니다. BG/NBD에는 구매 이력이 필요합니다.', en: 'There are no purchases on or after {from}; BG/NBD needs purchase history to fit.' },
  jobNotFound: { ko: '작업 {job}이(가) 없습니다(끝난 작업은 더 새 작업 {keep}개가 끝날 때까지만 보관합니다).', en: 'There is no job with id {job} (finished jobs are kept until {keep} newer ones end).' },
  jobExists: { ko: '작업 번호 {job}은(는) 이미 있습니다.', en: 'A job with id {job} already exists.' },
  // Calibration (sample data)
  calibrationFolderMissing: { ko: '{folder} 폴더가 없습니다. 예제 데이터를 생성한 폴더를 지정하세요.', en: 'The folder {folder} does not exist; give the folder generate wrote.' },
  calibrationFileMissing: { ko: '{folder}에 {file} 파일이 없습니다.', en: '{file} is missing from {folder}.' },
  clusterTooFewCustomers: { ko: '기간 안에 구매한 고객이 {n}명뿐입니다. 이 군집 수에는 {min}명 이상이 필요합니다.', en: 'Only {n} customers bought in the window; this many clusters need at least {min}.' },
  clusterAllConstant: { ko: '기간 안의 모든 고객이 모든 특성에서 같은 값입니다. 나눌 것이 없습니다.', en: 'Every feature is the same for every customer in the window; there is nothing to cluster.' },
  notClusterRun: { ko: '실행 {run}은(는) 끝난 군집 실행이 아닙니다.', en: 'Run {run} is not a finished clustering run.' },
  notAManifest: { ko: '{file}은(는) 심어 둔 유형이 있는 생성기 매니페스트가 아닙니다.', en: '{file} is not a generator manifest with planted archetypes.' },
  manifestMismatch: { ko: '매니페스트에는 고객 {listed}명이 있지만 이 프로젝트에는 {customers}명이 있습니다. 이 프로젝트의 데이터가 아닙니다.', en: 'The manifest lists {listed} customers; this project has {customers}. It is not this project\'s data.' },
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
