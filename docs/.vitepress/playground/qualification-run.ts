/**
 * The qualification tab's work: read a framework definition and an assessment (JSON text), evaluate the assessment
 * as of a date. Pure.
 */
import { evaluateAssessment, parseAssessment, parseFramework, type FrameworkVerdict } from 'leadkit/frameworks';
import { fromIssues, readJson, type Problem } from './problems.ts';

/** What the qualification tab shows: the problems of each document, or the verdict. */
export type QualificationRun =
  | { readonly ok: false; readonly frameworkProblems: readonly Problem[]; readonly assessmentProblems: readonly Problem[] }
  | { readonly ok: true; readonly verdict: FrameworkVerdict };

/** Parses the framework, then the assessment against it, then evaluates it as of `asOf`. */
export function runQualification(frameworkText: string, assessmentText: string, asOf: Date): QualificationRun {
  const frameworkJson = readJson(frameworkText);
  const assessmentJson = readJson(assessmentText);
  const framework = frameworkJson.ok ? parseFramework(frameworkJson.value) : undefined;
  const frameworkProblems = !frameworkJson.ok ? [frameworkJson.problem] : framework !== undefined && !framework.ok ? fromIssues(framework.error.issues) : [];
  if (framework === undefined || !framework.ok) {
    return { ok: false, frameworkProblems, assessmentProblems: assessmentJson.ok ? [] : [assessmentJson.problem] };
  }
  if (!assessmentJson.ok) return { ok: false, frameworkProblems: [], assessmentProblems: [assessmentJson.problem] };
  const assessment = parseAssessment(framework.value, assessmentJson.value, { asOf });
  if (!assessment.ok) return { ok: false, frameworkProblems: [], assessmentProblems: fromIssues(assessment.error.issues) };
  return { ok: true, verdict: evaluateAssessment(framework.value, assessment.value, { asOf, maxQuestions: 5 }) };
}
