/** The renderer's view of the one word table in src/shared/i18n/ (Korean default, English). */
export { CHAIN_NAMES, ERROR_MESSAGES, fill, REASON_LABELS, STRINGS, t, type Lang, type StringKey, type Text } from '../../shared/i18n';
