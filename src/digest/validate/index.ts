// The validator's public API.
export type { Fix, Message, Problem, Rule, RuleMeta, Severity, SeveritySetting } from './types';
export { msg } from './types';
export { validate, type ValidateOptions } from './engine';
export { detectStyle } from '../style';
export { mergeConfigs, parseConfig, severityOf, SEVERITIES, type ValidationConfig } from './config';
export { applyEdits, fixAll, nonOverlappingFixEdits } from './fix';
export { duplicatePaperProblems, findDuplicatePapers, type NamedDigest, type PaperPlace } from './crossFile';
export { RULES } from './rules';
