import { z } from 'zod';
import { isoDateSchema } from './analytics';
import { CHURN_MODELS, type ChurnModelName } from './models';
import { NON_MERCHANDISE, RECOMMEND_MODELS, recommendRulesSchema, type RecommendModelName, type RecommendRules } from './recommend';

/**
 * Validation on time (DESIGN.md step 6): everything learned from the purchases before the cut-off
 * only, then checked against what the customers did in the observed months after it. Shapes and
 * defaults; the service (services/validation) checks the dates against the data.
 */
export const validationSchema = z.object({
  /** The first observed day (default: three months before the data's end, 2021-10-01 for a calendar year). */
  cutoff: isoDateSchema.optional(),
  /** The first day learned from (default: the data's first day) and the last day observed (default: its last). */
  learnFrom: isoDateSchema.optional(),
  observeTo: isoDateSchema.optional(),
  /** Recommenders judged on their top-K new-to-you lists; popularity is always added as the baseline of the lift. */
  recommendModels: z.array(z.enum(RECOMMEND_MODELS)).min(1, 'choose at least one model').default(['popularity', 'itemknn', 'mf', 'preference']),
  k: z.number().int().min(1).max(100).default(10),
  rules: recommendRulesSchema.default({ newOnly: true, excludeTopShare: 0.01, excludeRecentDays: 7, varietyPool: 0, excludeCategories: [...NON_MERCHANDISE] }),
  /** Churn models trained on the months before the cut-off and judged on who bought nothing after it. */
  churnModels: z.array(z.enum(CHURN_MODELS)).min(1, 'choose at least one model').default(['gbdt', 'logistic', 'tierRule', 'bgnbd']),
  seed: z.number().int().min(0).max(2 ** 31 - 1).default(42),
  /** NeuMF and Wide & Deep, when chosen. */
  epochs: z.number().int().min(1).max(200).default(3),
  factors: z.number().int().min(2).max(128).default(8),
});
export type ValidationArgs = z.output<typeof validationSchema>;
export type ValidationArgsIn = z.input<typeof validationSchema>;

/** One row of the seed's repurchase table: pairs with preference score ≥ threshold, and the share bought again. */
export interface RepurchaseRow {
  threshold: number;
  pairs: number;
  share: number | null;
}

export interface RepurchaseChain {
  chain: string;
  /** Customer–product pairs bought before the cut-off at this chain (= the pairs at threshold 0). */
  rows: RepurchaseRow[];
}

/** One recommender's new-to-you top-K lists against the products the customers bought in the observed months. */
export interface RecommendCheck {
  model: RecommendModelName;
  /** Customers with a list (bought before the cut-off) and how many of them bought a listed product. */
  customers: number;
  hitCustomers: number;
  /** hitCustomers / customers. */
  hitRate: number;
  /** Listed products bought / slots filled, over every listed customer. */
  precision: number;
  /** Per customer who bought a product new to them in the observed months: listed ∩ bought / bought, averaged. */
  recall: number;
  /** hitRate and precision over popularity's (null when popularity found nothing). */
  lift: number | null;
  precisionLift: number | null;
  seconds: number;
  /** A hash of every customer's list: the same data before the cut-off and the same seed give the same lists. */
  listsHash: string;
}

export interface ChurnDecile {
  decile: number;
  customers: number;
  churners: number;
  rate: number;
  lift: number;
  /** Share of all churners in deciles 1…this one: "contacting the top d × 10 % reaches X % of the churners". */
  gain: number;
}

export interface ChurnCheck {
  model: ChurnModelName;
  /** A hash of every customer's risk: the same data before the cut-off and the same seed give the same scores. */
  riskHash: string;
  rocAuc: number | null;
  deciles: ChurnDecile[];
}

export interface ValidationReport {
  run: { id: string; seconds: number; seed: number };
  /** Learned from [learn.from, cutoff − 1], observed [cutoff, observe.to]. */
  learn: { from: string; to: string };
  observe: { from: string; to: string };
  cutoff: string;
  repurchase: { chains: RepurchaseChain[] };
  recommend: {
    k: number;
    rules: RecommendRules;
    /** Customers with a list, and those who bought a product new to them in the observed months (recall's denominator). */
    customers: number;
    buyers: number;
    models: RecommendCheck[];
  };
  churn: {
    /** The churn run trained for the check (features period, label period both before the cut-off). */
    trainRun: string;
    periods: [{ from: string; to: string }, { from: string; to: string }];
    /** The window the risk was scored on (the months just before the cut-off); its buyers are the customers judged. */
    scored: { from: string; to: string };
    customers: number;
    /** Customers who bought nothing in the observed months. */
    churners: number;
    models: ChurnCheck[];
    best: ChurnModelName | null;
  };
}
