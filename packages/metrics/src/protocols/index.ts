// Named protocols (cmexam-paper, cmexam-gpt, huatuo, standard) as versioned presets.
export { PROTOCOLS, PROTOCOL_NAMES, getProtocol, isProtocolName, protocolPrefix, protocolRougeOptions, type ProtocolName, type ProtocolInfo } from './registry.js';
export { answerMetrics, textMetrics, type AnswerMetricsOptions, type TextMetricsOptions } from './metrics.js';
export {
  protocolCorpusBleu,
  protocolCorpusRouge,
  bleuTokenizerFor,
  textTokenizerName,
  type CorpusBleuJson,
  type CorpusRougeJson,
  type TextTokenizer,
} from './corpus-text.js';
