// The validator's public API.
export type { Fix, Problem, Rule, RuleMeta, Severity, SeveritySetting } from './types';
export { validate, type ValidateOptions } from './engine';
export { detectStyle } from '../style';
export { mergeConfigs, parseConfig, severityOf, SEVERITIES, type ValidationConfig } from './config';
export { applyEdits, fixAll, nonOverlappingFixEdits } from './fix';
export { duplicatePaperProblems, findDuplicatePapers, type NamedDigest, type PaperPlaceInDigest } from './crossFile';
export { RULES } from './rules';
