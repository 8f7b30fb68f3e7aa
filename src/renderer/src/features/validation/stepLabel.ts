import { jobStepLabel } from '../../components/jobStep';
import type { Lang } from '../../i18n';

/** A validation job's step as the page shows it: the job tray's words ('repurchase: A01' → 'A01 … 재구매표'). */
export function validationStepLabel(step: string, lang: Lang): string {
  return jobStepLabel(step, lang);
}
