import { describe, expect, it } from 'vitest';
import { jobStepLabel } from '../../src/renderer/src/components/jobStep';
import { chainLabel } from '../../src/shared/charts';

describe('job tray steps in the UI language', () => {
  it('names model training, feature building, sample generation and file checks; file names stay', () => {
    expect(jobStepLabel('gbdt', 'ko')).toBe('GBDT(그래디언트 부스팅) 학습');
    expect(jobStepLabel('gbdt', 'en')).toBe('Training GBDT');
    expect(jobStepLabel('features', 'ko')).toBe('특성 만들기(기간1)');
    expect(jobStepLabel('sample: customers', 'en')).toBe('Sample data: Generating customers and purchases');
    expect(jobStepLabel('check LPOINT_BIG_COMP_02_PDDE.csv', 'ko')).toBe('LPOINT_BIG_COMP_02_PDDE.csv 확인');
    expect(jobStepLabel('LPOINT_BIG_COMP_02_PDDE.csv', 'ko')).toBe('LPOINT_BIG_COMP_02_PDDE.csv');
  });

  it('names the clustering steps: the k being fitted, then the profiles', () => {
    expect(jobStepLabel('k=7', 'ko')).toBe('K-평균 군집(k = 7)');
    expect(jobStepLabel('k=7', 'en')).toBe('K-means (k = 7)');
    expect(jobStepLabel('profiles', 'ko')).toBe('군집 프로필과 등급 교차');
  });

  it('names the recommendation steps: the purchases, each model, the saved lists', () => {
    expect(jobStepLabel('data', 'ko')).toBe('구매 데이터를 읽는 중');
    expect(jobStepLabel('itemknn', 'ko')).toBe('아이템 kNN(코사인) 학습');
    expect(jobStepLabel('neumf', 'en')).toBe('Training NeuMF');
    expect(jobStepLabel('save', 'en')).toBe("Saving the customers' lists");
    expect(jobStepLabel('widedeep', 'en')).toBe('Training Wide & Deep (side features)');
    expect(jobStepLabel('sideFeatures', 'en')).toBe('Building customer and product features (tiers, chain ranks, categories)');
    // One model per chain: the chain's Korean name before the step.
    expect(jobStepLabel('A02: mf', 'ko')).toBe(`${chainLabel('A02', 'ko')}: ${jobStepLabel('mf', 'ko')}`);
    expect(chainLabel('A02', 'ko')).toContain('대형마트');
  });
});
