export { clinicalJudgeMetrics, clinicalJudgeRequest, readClinicalVerdict, CLINICAL_RUBRIC_ID, CLINICAL_ASPECTS } from './clinical-judge.js';
export type { ClinicalJudgeOptions, ClinicalVerdict, ClinicalAspect } from './clinical-judge.js';
