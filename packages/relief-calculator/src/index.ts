/**
 * `@jiceng/relief-calculator` — minimum living allowance (低保), extreme-poverty support (特困),
 * temporary assistance, marginal and rigid-expenditure households, with cited explanations.
 *
 * @since 0.1.0
 * @module
 */
export { assessHousehold, type HouseholdAssessment } from "./assessHousehold.ts"
export { assessPopulation, type PopulationAssessment } from "./assessPopulation.ts"
export { assessTemporaryAssistance, type TemporaryAssessment, TemporaryEvent } from "./assessTemporaryAssistance.ts"
export { compareScenarios, type ScenarioComparison, type ScenarioSummary } from "./compareScenarios.ts"
export { DibaoGapInput, dibaoGap } from "./dibaoGap.ts"
export type { ParameterUsed, Step } from "./Explanation.ts"
export { AssessOptions, DisabilityKind, ExclusionStatus, Household, Member, Obligor } from "./Household.ts"
export {
  CategoryTopUps,
  definePolicy,
  IncomeKind,
  Money,
  Policy,
  type PolicyPatch,
  Rate,
  RigidKind,
  SupportImputation,
  TopUpCategory
} from "./Policy.ts"
export {
  type HouseholdColumns,
  householdFromRow,
  type ObligorColumns,
  type PersonColumns,
  type Population
} from "./Population.ts"
export { compositeStandard, policies, supportVariants } from "./policies.ts"
export { SyntheticOptions, syntheticPopulation } from "./syntheticPopulation.ts"
