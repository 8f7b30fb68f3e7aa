/**
 * One colour per tier, the same in every chart (heatmap axis chips, Sankey nodes and links, churn
 * bars): tier 0 (최우수) is always blue, whatever the number of tiers or which tiers have customers.
 */
export const TIER_COLORS = ['#2f5fb3', '#27a17a', '#e0a526', '#d9622b', '#8e5cc2', '#b5485f', '#7a8a2e', '#3d7f8c'] as const;
/** 신규 (absent in the first period) and 비활동 (absent in the second). */
export const NEW_COLOR = '#5ab0e0';
export const INACTIVE_COLOR = '#9aa1ab';

/** Tier i's colour (more tiers than colours: they repeat). */
export function tierColor(tier: number): string {
  return TIER_COLORS[tier % TIER_COLORS.length];
}

/** Colours of the transition states, in transitionStates order: tiers then 신규 / tiers then 비활동. */
export function stateColors(tierCount: number): { from: string[]; to: string[] } {
  const tiers = Array.from({ length: tierCount }, (_, i) => tierColor(i));
  return { from: [...tiers, NEW_COLOR], to: [...tiers, INACTIVE_COLOR] };
}
