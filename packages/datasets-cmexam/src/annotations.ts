// CMExam's five expert annotations: the column names (used as meta keys and slice dimensions), the
// Chinese values, and the English labels reports print. `不符合` ("not applicable") prints as N/A.
import type { MetaValue } from '@medeval/core';

export const ANNOTATION_COLUMNS = [
  'Disease Group',
  'Clinical Department',
  'Medical Discipline',
  'Area of Competency',
  'Difficulty level',
] as const;
export type AnnotationColumn = (typeof ANNOTATION_COLUMNS)[number];

/** The value CMExam uses for "not applicable". */
export const NOT_APPLICABLE = '不符合';

/** Difficulty 1–5: equal-width bins over the human correct rate (paper's names). */
export const DIFFICULTY_LABELS: Record<number, string> = {
  1: 'Easy',
  2: 'Manageable',
  3: 'Moderate',
  4: 'Difficult',
  5: 'Extremely difficult',
};

/** Area of competency: the paper's abbreviations. */
export const COMPETENCY_LABELS: Record<string, string> = {
  医学基础知识: 'MedFund',
  疾病诊断和鉴别诊断: 'Diag',
  疾病治疗: 'Treat',
  公卫法律伦理: 'PHL',
};

/** Medical discipline: the paper's abbreviations. */
export const DISCIPLINE_LABELS: Record<string, string> = {
  临床医学: 'ClinMed',
  中药学: 'TCPharm',
  药学: 'Pharm',
  公卫预防: 'PH&PM',
  口腔医学: 'Dent',
  中西医结合: 'ICWM',
  中医学: 'TCM',
};

/**
 * Disease group = ICD-11 chapter (Chinese chapter titles). `Circ` is the paper's; the other short
 * names follow the same pattern (our choice where the paper's table is not at hand; see docs/cmexam.md).
 */
export const DISEASE_GROUP_LABELS: Record<string, string> = {
  某些感染性疾病或寄生虫病: 'Infect',
  肿瘤: 'Neopl',
  血液或造血器官疾病: 'Blood',
  免疫系统疾病: 'Immune',
  '内分泌、营养或代谢疾病': 'Endo',
  '精神、行为或神经发育障碍': 'Mental',
  '睡眠-觉醒障碍': 'Sleep',
  神经系统疾病: 'Nerv',
  视觉系统疾病: 'Visual',
  耳或乳突疾病: 'Ear',
  循环系统疾病: 'Circ',
  呼吸系统疾病: 'Resp',
  消化系统疾病: 'Digest',
  皮肤疾病: 'Skin',
  肌肉骨骼系统或结缔组织疾病: 'MSK',
  泌尿生殖系统疾病: 'GU',
  性健康相关情况: 'SexHealth',
  '妊娠、分娩或产褥期': 'Preg',
  起源于围生期的某些情况: 'Perinatal',
  发育异常: 'DevAnom',
  '症状、体征或临床所见，不可归类在他处者': 'Sympt',
  '损伤、中毒或外因的某些其他后果': 'Injury',
  疾病和死亡的外因: 'ExtCause',
  影响健康状态或与保健机构接触的因素: 'HealthFactors',
  用于特殊目的的编码: 'Special',
  '补充章传统医学病证-模块1': 'TradMed',
};

/** Clinical department: `IM` is the paper's; the others are conventional English short names. */
export const DEPARTMENT_LABELS: Record<string, string> = {
  内科: 'IM',
  外科: 'Surg',
  妇产科: 'ObGyn',
  儿科: 'Peds',
  眼科: 'Ophth',
  耳鼻咽喉科: 'ENT',
  口腔科: 'Stomat',
  皮肤科: 'Derm',
  精神科: 'Psych',
  神经内科: 'Neuro',
  急诊医学科: 'EM',
  中医科: 'TCMDept',
  中西医结合科: 'ICWMDept',
  感染科: 'ID',
  传染科: 'ID',
  肿瘤科: 'Onc',
  康复医学科: 'Rehab',
  麻醉科: 'Anesth',
  医学影像科: 'Radiol',
  医学检验科: 'LabMed',
  病理科: 'Path',
  预防保健科: 'PrevMed',
  全科医疗科: 'GP',
  职业病科: 'OccMed',
  重症医学科: 'ICU',
  结核病科: 'TB',
  小儿外科: 'PedSurg',
  妇女保健科: 'WomenHealth',
  儿童保健科: 'ChildHealth',
  医疗美容科: 'Cosmet',
  疼痛科: 'Pain',
  运动医学科: 'SportsMed',
  地方病科: 'Endemic',
  民族医学科: 'EthnoMed',
  临终关怀科: 'Hospice',
};

const LABELS: Record<Exclude<AnnotationColumn, 'Difficulty level'>, Record<string, string>> = {
  'Disease Group': DISEASE_GROUP_LABELS,
  'Clinical Department': DEPARTMENT_LABELS,
  'Medical Discipline': DISCIPLINE_LABELS,
  'Area of Competency': COMPETENCY_LABELS,
};

/**
 * The label a report prints for an annotation value: abbreviation, `N/A`, or the value itself.
 *
 * @example
 * annotationLabel('Difficulty level', 3); // 'Moderate'
 */
export function annotationLabel(dimension: string, value: MetaValue): string {
  if (value === null || value === '') return 'N/A';
  if (value === NOT_APPLICABLE) return 'N/A';
  if (dimension === 'Difficulty level') {
    const level = typeof value === 'number' ? value : Number(value);
    return DIFFICULTY_LABELS[level] ?? String(value);
  }
  const table = (LABELS as Record<string, Record<string, string>>)[dimension];
  const text = String(value);
  return table?.[text.trim()] ?? text;
}

/** Matches an annotation column header, tolerating case, spaces and underscores (`difficulty_level`). */
export function annotationColumnFor(header: string): AnnotationColumn | undefined {
  const key = header.toLowerCase().replace(/[\s_-]+/g, '');
  return ANNOTATION_COLUMNS.find((column) => column.toLowerCase().replace(/\s+/g, '') === key);
}

/** Parses a difficulty cell: 1–5, or null when empty. Throws a reason for anything else. */
export function parseDifficulty(cell: string): number | null {
  const text = cell.trim();
  if (text === '') return null;
  const level = Number(text);
  if (!Number.isInteger(level) || level < 1 || level > 5) {
    throw new Error(`Difficulty level ${JSON.stringify(cell)} is not an integer 1–5`);
  }
  return level;
}
