// The bundled sample as a DataSource: the offline default of every CMExam task and of `medeval run`.
import { SAMPLE_CSV } from './sample-csv.js';

export const cmexamSample: { name: string; text: string } = {
  name: 'bundled:cmexam-sample.csv',
  text: SAMPLE_CSV,
};
