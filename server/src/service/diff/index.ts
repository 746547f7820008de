// The permission diff's public face (exported as the `diff` namespace of the service): diff two versions of
// policy files (diffFile), build the JSON report (buildReport), format it (text, Markdown, one line) and gate it.

export { diffFile, buildReport, gatesMet, FAIL_ON_GATES, type DiffInput, type DiffReport, type FileDiff, type FailOnGate, type ReportItem } from './report';
export { diffPolicies, type PolicyDiff, type DiffItem, type WitnessEvaluator, type WitnessRequest } from './diffPolicies';
export { formatText, formatMarkdown, oneLineSummary } from './format';
export { engineEvaluator } from './engineEvaluator';
export { localEvaluator } from './localEvaluator';
