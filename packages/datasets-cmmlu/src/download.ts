// The nine medical subjects of CMMLU as published in haonan-li/CMMLU (data/dev and data/test), pinned by
// their git blob ids at one commit, for `medeval datasets download cmmlu` (verified like CMExam's files).
export const CMMLU_COMMIT = 'd6e7b716d8ac694f38969a6c0407437d1fded799';

const BLOBS: Record<string, string> = {
  'dev/anatomy.csv': '7fb047b3c7893498ba082e03bc203d7408e7ebfa',
  'dev/clinical_knowledge.csv': 'bc6882d9e19fa8685ea0869b4eb0bfcb1193b940',
  'dev/college_medical_statistics.csv': 'f90bbd7b057ca6d616e4e5ecae6b12851b5dc076',
  'dev/college_medicine.csv': 'acf3bb8aa3906743e38016d6bea675bd306b2fb8',
  'dev/genetics.csv': '3468dbafc7ea493a867d1018a09e1dcba5ff25e9',
  'dev/nutrition.csv': '8669fe94abef0385202f413d2765ee0c98bf550e',
  'dev/professional_medicine.csv': 'd5359a66507a78bf563031d9d8197b750f8fd5e9',
  'dev/traditional_chinese_medicine.csv': '3f9b8c1a555265837607fcf36b9e87ff7315ea11',
  'dev/virology.csv': '3d25a0a8b3e02a78c11c0f73ab4c70d725774b10',
  'test/anatomy.csv': '6ce224d0fdef0bacdf9d0a767fe2844f678dad5f',
  'test/clinical_knowledge.csv': '6e48245470021bbeefcda0d825d6635e607bb9ca',
  'test/college_medical_statistics.csv': 'd530caf052b9baeec3d192811242821ede0d68d6',
  'test/college_medicine.csv': 'ffdd39684fea905f1b818c7b38d46836cfb99e76',
  'test/genetics.csv': '6c7cd4489a59a5c47fafd226347ee0782ad99f62',
  'test/nutrition.csv': 'd352f81923d2d1998d3634d428ffd06b0c140d89',
  'test/professional_medicine.csv': '723e299b642e496e40b650d722774f865f2921e8',
  'test/traditional_chinese_medicine.csv': '73f1f8059576c1a8b86fc3220c6f06da471753a7',
  'test/virology.csv': '83e044db7262a01c90ca377585ccbe1e625ee136',
};

/**
 * Each file: its path under the data folder (`test/anatomy.csv`), its URL at the pinned commit, its git blob id.
 *
 * @example
 * const files = cmmluRemoteFiles(); // CMMLU's CSVs at a pinned commit, with their git blob ids
 */
export function cmmluRemoteFiles(baseUrl = `https://raw.githubusercontent.com/haonan-li/CMMLU/${CMMLU_COMMIT}/data`): Array<{ name: string; url: string; gitBlob: string }> {
  return Object.entries(BLOBS).map(([name, gitBlob]) => ({ name, url: `${baseUrl}/${name}`, gitBlob }));
}

/** The files `medeval datasets download cmmlu` fetches (the nine medical subjects, dev and test). */
export const remoteFiles = cmmluRemoteFiles();
