import { describe, expect, it } from 'vitest';
import { annotationColumnFor, annotationLabel, parseDifficulty } from './annotations.js';

describe('annotations', () => {
  it('labels values with the paper abbreviations, N/A and difficulty names', () => {
    expect(annotationLabel('Area of Competency', '疾病诊断和鉴别诊断')).toBe('Diag');
    expect(annotationLabel('Area of Competency', '疾病治疗')).toBe('Treat');
    expect(annotationLabel('Area of Competency', '公卫法律伦理')).toBe('PHL');
    expect(annotationLabel('Medical Discipline', '中西医结合')).toBe('ICWM');
    expect(annotationLabel('Medical Discipline', '公卫预防')).toBe('PH&PM');
    expect(annotationLabel('Disease Group', '循环系统疾病')).toBe('Circ');
    expect(annotationLabel('Clinical Department', '内科')).toBe('IM');
    expect(annotationLabel('Disease Group', '不符合')).toBe('N/A');
    expect(annotationLabel('Disease Group', null)).toBe('N/A');
    expect(annotationLabel('Clinical Department', '未知科室')).toBe('未知科室');
    expect([1, 2, 3, 4, 5].map((d) => annotationLabel('Difficulty level', d))).toEqual([
      'Easy',
      'Manageable',
      'Moderate',
      'Difficult',
      'Extremely difficult',
    ]);
  });

  it('matches header variants and validates difficulty', () => {
    expect(annotationColumnFor('difficulty_level')).toBe('Difficulty level');
    expect(annotationColumnFor('Disease Group')).toBe('Disease Group');
    expect(annotationColumnFor('Question')).toBeUndefined();
    expect(parseDifficulty(' 3 ')).toBe(3);
    expect(parseDifficulty('')).toBeNull();
    expect(() => parseDifficulty('6')).toThrow(/not an integer 1–5/);
  });
});
